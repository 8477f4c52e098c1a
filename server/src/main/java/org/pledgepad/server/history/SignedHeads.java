package org.pledgepad.server.history;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pledgepad.history.Checkpoint;
import org.pledgepad.history.Hashes;
import org.pledgepad.server.store.OwnerOnlyDirectories;

/**
 * The head this node last signed per document (seq, hash), kept in
 * DATA_DIR/history-signed-heads.json next to the checkpoint key, not in the database. A log
 * rewritten from genesis with every hash recomputed and every checkpoint deleted chains again;
 * only a memory the database cannot reach shows that it no longer extends what was signed
 * (history/README.md, "Server wiring"). Only ever advances, so an older file (a DATA_DIR restored
 * from a backup) still accepts a log that grew since.
 */
public final class SignedHeads {
  public static final String FILE = "history-signed-heads.json";

  private final Path file;
  private final Map<String, HistoryDb.Head> heads;

  private SignedHeads(Path file, Map<String, HistoryDb.Head> heads) {
    this.file = file;
    this.heads = heads;
  }

  /** The remembered heads of this data directory (none yet if the file does not exist). */
  public static SignedHeads open(Path dataDir) throws IOException {
    Path file = dataDir.resolve(FILE);
    return new SignedHeads(file, Files.exists(file) ? read(file) : new HashMap<>());
  }

  /** The file's heads, or null when it does not exist (the verify command never creates it). */
  public static SignedHeads loadIfPresent(Path dataDir) throws IOException {
    Path file = dataDir.resolve(FILE);
    return Files.exists(file) ? new SignedHeads(file, read(file)) : null;
  }

  private static Map<String, HistoryDb.Head> read(Path file) throws IOException {
    Map<String, HistoryDb.Head> out = new HashMap<>();
    JsonObject docs;
    try {
      docs = new JsonObject(Files.readString(file, StandardCharsets.UTF_8)).getJsonObject("documents");
    } catch (RuntimeException e) {
      // Refusing to start beats forgetting: an empty memory would sign a rewritten log again.
      throw new IOException(file + " is unreadable; restore it from a backup of DATA_DIR", e);
    }
    if (docs != null) {
      for (String doc : docs.fieldNames()) {
        JsonObject h = docs.getJsonObject(doc);
        out.put(doc, new HistoryDb.Head(h.getLong("seq"), Hashes.unhex(h.getString("hash"))));
      }
    }
    return out;
  }

  /** The head last signed for {@code doc}, or null if this data directory signed none. */
  public synchronized HistoryDb.Head get(String doc) {
    return heads.get(doc);
  }

  /** Remembers newly signed heads (a head behind the remembered one is ignored) and writes the file. */
  public synchronized void remember(List<Checkpoint> signed) throws IOException {
    boolean changed = false;
    for (Checkpoint c : signed) {
      HistoryDb.Head known = heads.get(c.doc());
      if (known == null || known.seq() < c.seq()) {
        heads.put(c.doc(), new HistoryDb.Head(c.seq(), c.head()));
        changed = true;
      }
    }
    if (!changed) {
      return;
    }
    JsonObject docs = new JsonObject();
    new TreeMap<>(heads).forEach((doc, h) ->
        docs.put(doc, new JsonObject().put("seq", h.seq()).put("hash", Hashes.hex(h.hash()))));
    OwnerOnlyDirectories.create(file.getParent());
    Path tmp = file.resolveSibling(FILE + ".tmp");
    Files.writeString(tmp, new JsonObject().put("documents", docs).encode() + "\n", StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
