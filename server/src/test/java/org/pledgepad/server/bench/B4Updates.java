package org.pledgepad.server.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.YText;
import org.pledgepad.crdt.lib0.Json;

/**
 * The B4 editing trace (automerge-paper.json.gz, single-character edits of a LaTeX paper) as
 * the Yjs updates a client would send: one update per recorded transaction, one client, the
 * Y.Text "text". The path comes from B4_TRACE.
 */
final class B4Updates {
  private B4Updates() {}

  @SuppressWarnings("unchecked")
  static List<byte[]> first(int n) throws IOException {
    Path trace = Path.of(System.getenv().getOrDefault("B4_TRACE", "../shared/data/automerge-paper.json.gz"));
    Map<String, Object> root;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(trace), 1 << 16)) {
      root = (Map<String, Object>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    List<Object> txns = (List<Object>) root.get("txns");
    Doc doc = new Doc();
    YText text = doc.getText("text");
    List<byte[]> out = new ArrayList<>(Math.min(n, txns.size()));
    doc.onUpdate((u, origin, d, tr) -> out.add(u));
    for (int i = 0; i < Math.min(n, txns.size()); i++) {
      List<Object> patches = (List<Object>) ((Map<String, Object>) txns.get(i)).get("patches");
      doc.transact(tr -> {
        for (Object p : patches) {
          List<Object> patch = (List<Object>) p;
          int pos = ((Number) patch.get(0)).intValue();
          int del = ((Number) patch.get(1)).intValue();
          String ins = (String) patch.get(2);
          if (del > 0) {
            text.delete(pos, del);
          }
          if (!ins.isEmpty()) {
            text.insert(pos, ins);
          }
        }
      });
    }
    if (out.size() != Math.min(n, txns.size())) {
      throw new IllegalStateException("expected one update per transaction, got " + out.size());
    }
    return out;
  }
}
