package org.pledgepad.history;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.pledgepad.crdt.lib0.Json;

/**
 * The export file: one zip with {@code manifest.json} (rows without their bytes, hashes,
 * checkpoints, public keys) and two length-prefixed binaries, {@code updates.bin} (seq, salt,
 * update of every row that has one; erased rows with a redacted stand-in have an empty salt),
 * {@code snapshots.bin} (seq, state) and {@code erasures.json} (the signed erasure records).
 * Anyone can check it with {@link VerifyCommand} without the server. Streams are handed in;
 * nothing here opens files.
 */
public final class HistoryExport {
  public static final String FORMAT = "pledgepad-history-export/1";
  static final String MANIFEST = "manifest.json";
  static final String UPDATES = "updates.bin";
  static final String SNAPSHOTS = "snapshots.bin";
  /** Since 2026-11-30; an export without it has no erasure records, so its erased rows are unrecorded. */
  static final String ERASURES = "erasures.json";
  /** Refuse single records larger than this when reading (a hostile file must not allocate 2 GiB). */
  static final int MAX_RECORD = 64 << 20;
  /**
   * Refuse an entry that inflates beyond this. The 259,778-row B4 history exports an estimated
   * 115 MB (its largest entry, the manifest, ~60 MB), so this leaves ample headroom while a hostile
   * file stops long before the reader runs out of memory (README, "The export file").
   */
  static final int MAX_ENTRY = 512 << 20;
  /** Refuse an export whose entries inflate beyond this together. */
  static final long MAX_TOTAL = 1L << 30;
  private static final int CHUNK = 64 << 10;

  private HistoryExport() {}

  public static void write(OutputStream out, String doc, Iterable<LogRow> rows, List<Checkpoint> checkpoints,
                           Map<String, PublicKey> publicKeys, Iterable<StoredSnapshot> snapshots) throws IOException {
    write(out, doc, rows, checkpoints, publicKeys, snapshots, List.of());
  }

  /**
   * Writes the export into {@code out}. {@code rows} is iterated twice, once for the updates and
   * once for the manifest, and must give the same rows both times (the server reads them from one
   * read transaction, a page at a time): so neither the rows nor the manifest are ever held whole,
   * and the memory an export takes does not grow with the log. Rows that differ between the two
   * passes fail the export.
   */
  public static void write(OutputStream out, String doc, Iterable<LogRow> rows, List<Checkpoint> checkpoints,
                           Map<String, PublicKey> publicKeys, Iterable<StoredSnapshot> snapshots,
                           List<ErasureRecord> erasures) throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out);
    zip.putNextEntry(new ZipEntry(UPDATES));
    DataOutputStream data = new DataOutputStream(zip);
    long count = 0;
    long headSeq = 0;
    byte[] head = Hashes.genesis(doc);
    for (LogRow r : rows) {
      if (r.update() != null) {
        data.writeLong(r.seq());
        writeBytes(data, r.erased() ? new byte[0] : r.salt());
        writeBytes(data, r.update());
      }
      count++;
      headSeq = r.seq();
      head = r.hash();
    }
    data.flush();
    zip.closeEntry();
    zip.putNextEntry(new ZipEntry(SNAPSHOTS));
    // One at a time: the server hands them in lazily from its read transaction.
    for (StoredSnapshot s : snapshots) {
      data.writeLong(s.seq());
      writeBytes(data, s.state());
    }
    data.flush();
    zip.closeEntry();
    zip.putNextEntry(new ZipEntry(ERASURES));
    zip.write(ErasureRecords.toJson(erasures).getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();

    zip.putNextEntry(new ZipEntry(MANIFEST));
    // Written piece by piece: the reader parses it whole, so key order and spacing are free.
    // Flushed, never closed: closing would close the zip before its directory is written.
    java.io.Writer json = new java.io.BufferedWriter(new java.io.OutputStreamWriter(zip, StandardCharsets.UTF_8), CHUNK);
    json.write("{\"format\":" + Json.stringify(FORMAT) + ",\"doc\":" + Json.stringify(doc)
        + ",\"genesis\":" + Json.stringify(Hashes.hex(Hashes.genesis(doc)))
        + ",\"head\":{\"seq\":" + headSeq + ",\"hash\":" + Json.stringify(Hashes.hex(head)) + "},\"rows\":[");
    long again = 0;
    byte[] lastHash = Hashes.genesis(doc);
    for (LogRow r : rows) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("seq", r.seq());
      m.put("time", r.timeMillis());
      m.put("actor", r.actor());
      m.put("connection", r.connectionId());
      m.put("commitment", Hashes.hex(r.commitment()));
      m.put("hash", Hashes.hex(r.hash()));
      m.put("erased", r.erased());
      json.write((again++ == 0 ? "" : ",") + Json.stringify(m));
      lastHash = r.hash();
    }
    if (again != count || !Hashes.same(lastHash, head)) {
      throw new IOException("the log changed while it was exported (" + count + " rows, then " + again + ")");
    }
    List<Object> cps = new ArrayList<>();
    for (Checkpoint c : checkpoints) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("seq", c.seq());
      m.put("head", Hashes.hex(c.head()));
      m.put("time", c.timeMillis());
      m.put("keyId", c.keyId());
      m.put("signature", Base64.getEncoder().encodeToString(c.signature()));
      cps.add(m);
    }
    Map<String, Object> keys = new TreeMap<>();
    publicKeys.forEach((id, k) -> keys.put(id, Base64.getEncoder().encodeToString(k.getEncoded())));
    json.write("],\"checkpoints\":" + Json.stringify(cps) + ",\"publicKeys\":"
        + Json.stringify(new LinkedHashMap<>(keys)) + "}");
    json.flush();
    zip.closeEntry();
    zip.finish();
    zip.flush();
  }

  /** Reads an export; malformed files raise {@link IOException} with the reason. */
  @SuppressWarnings("unchecked")
  public static ExportedHistory read(InputStream in) throws IOException {
    Map<String, byte[]> entries = new HashMap<>();
    ZipInputStream zip = new ZipInputStream(in);
    long total = 0;
    for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
      byte[] b = readEntry(zip, printable(e.getName()), MAX_TOTAL - total);
      total += b.length;
      entries.put(e.getName(), b);
    }
    byte[] manifestBytes = entries.get(MANIFEST);
    if (manifestBytes == null || !entries.containsKey(UPDATES)) {
      throw new IOException("not a Pledgepad history export (manifest.json or updates.bin missing)");
    }
    try {
      Map<String, Object> m = (Map<String, Object>) Json.parse(new String(manifestBytes, StandardCharsets.UTF_8));
      if (!FORMAT.equals(m.get("format"))) {
        throw new IOException("unknown export format " + m.get("format"));
      }
      String doc = (String) m.get("doc");
      Map<Long, byte[][]> bytes = readUpdates(entries.get(UPDATES));
      List<LogRow> rows = new ArrayList<>();
      for (Object o : (List<Object>) m.get("rows")) {
        Map<String, Object> r = (Map<String, Object>) o;
        long seq = num(r.get("seq"));
        boolean erased = Boolean.TRUE.equals(r.get("erased"));
        byte[][] su = bytes.get(seq);
        if (!erased && su == null) {
          throw new IOException("updates.bin lacks the update of seq " + seq);
        }
        rows.add(new LogRow(doc, seq, num(r.get("time")), (String) r.get("actor"), (String) r.get("connection"),
            erased || su == null ? null : su[0], su == null ? null : su[1],
            Hashes.unhex((String) r.get("commitment")), Hashes.unhex((String) r.get("hash"))));
      }
      List<Checkpoint> checkpoints = new ArrayList<>();
      for (Object o : (List<Object>) m.getOrDefault("checkpoints", List.of())) {
        Map<String, Object> c = (Map<String, Object>) o;
        checkpoints.add(new Checkpoint(doc, num(c.get("seq")), Hashes.unhex((String) c.get("head")),
            num(c.get("time")), (String) c.get("keyId"), Base64.getDecoder().decode((String) c.get("signature"))));
      }
      Map<String, PublicKey> keys = new LinkedHashMap<>();
      ((Map<String, Object>) m.getOrDefault("publicKeys", Map.of())).forEach((id, k) ->
          keys.put(id, CheckpointSigner.publicKey(Base64.getDecoder().decode((String) k))));
      List<StoredSnapshot> snapshots = new ArrayList<>();
      byte[] snapBytes = entries.get(SNAPSHOTS);
      if (snapBytes != null) {
        DataInputStream d = new DataInputStream(new ByteArrayInputStream(snapBytes));
        while (d.available() > 0) {
          snapshots.add(new StoredSnapshot(d.readLong(), readBytes(d)));
        }
      }
      byte[] erasureBytes = entries.get(ERASURES);
      List<ErasureRecord> erasures = erasureBytes == null ? List.of()
          : ErasureRecords.fromJson(doc, new String(erasureBytes, StandardCharsets.UTF_8));
      return new ExportedHistory(doc, rows, checkpoints, keys, snapshots, erasures);
    } catch (RuntimeException e) {
      throw new IOException("malformed export: " + e, e);
    }
  }

  /**
   * Inflates one entry chunk by chunk, refusing it as soon as it passes a limit: a small zip
   * must not inflate into gigabytes (zip bomb), and the sizes its headers declare may lie.
   */
  private static byte[] readEntry(InputStream zip, String name, long totalLeft) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[CHUNK];
    for (int n = zip.read(chunk); n >= 0; n = zip.read(chunk)) {
      if (out.size() + (long) n > MAX_ENTRY) {
        throw new IOException("export entry " + name + " inflates beyond " + (MAX_ENTRY >> 20) + " MiB");
      }
      if (out.size() + (long) n > totalLeft) {
        throw new IOException("export inflates beyond " + (MAX_TOTAL >> 20) + " MiB in total (at entry " + name + ")");
      }
      out.write(chunk, 0, n);
    }
    return out.toByteArray();
  }

  /** An entry name fit for an error message on a terminal (the file may be hostile). */
  private static String printable(String name) {
    String s = name.replaceAll("[^\\x20-\\x7e]", "?");
    return s.length() > 100 ? s.substring(0, 100) + "…" : s;
  }

  private static Map<Long, byte[][]> readUpdates(byte[] b) throws IOException {
    Map<Long, byte[][]> out = new HashMap<>();
    DataInputStream d = new DataInputStream(new ByteArrayInputStream(b));
    while (d.available() > 0) {
      long seq = d.readLong();
      out.put(seq, new byte[][] {readBytes(d), readBytes(d)});
    }
    return out;
  }

  private static void writeBytes(DataOutputStream d, byte[] b) throws IOException {
    d.writeInt(b.length);
    d.write(b);
  }

  private static byte[] readBytes(DataInputStream d) throws IOException {
    int n = d.readInt();
    if (n < 0 || n > MAX_RECORD || n > d.available()) {
      throw new EOFException("record length " + n + " exceeds the file");
    }
    return d.readNBytes(n);
  }

  static long num(Object o) {
    if (!(o instanceof Number n)) {
      throw new IllegalArgumentException("expected a number, got " + o);
    }
    return n.longValue();
  }

  /** Convenience for tests and the server's HTTP handler: the whole export as bytes. */
  public static byte[] toBytes(String doc, Iterable<LogRow> rows, List<Checkpoint> checkpoints,
                               Map<String, PublicKey> publicKeys, Iterable<StoredSnapshot> snapshots) {
    return toBytes(doc, rows, checkpoints, publicKeys, snapshots, List.of());
  }

  public static byte[] toBytes(String doc, Iterable<LogRow> rows, List<Checkpoint> checkpoints,
                               Map<String, PublicKey> publicKeys, Iterable<StoredSnapshot> snapshots,
                               List<ErasureRecord> erasures) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      write(out, doc, rows, checkpoints, publicKeys, snapshots, erasures);
      return out.toByteArray();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
