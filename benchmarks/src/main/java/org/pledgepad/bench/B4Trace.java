package org.pledgepad.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.YText;
import org.pledgepad.crdt.lib0.Json;

/**
 * The B4 editing trace (automerge-paper.json.gz: 259,778 single-character edits of a LaTeX
 * paper). Path from -Db4.path or env B4_TRACE; run.sh passes the shared data file.
 */
final class B4Trace {
  /** patches flattened: pos, del, then the inserted text in texts[] (null when none) */
  final int[][] txnPatches;
  final String[][] txnTexts;
  final String endContent;

  private B4Trace(int[][] txnPatches, String[][] txnTexts, String endContent) {
    this.txnPatches = txnPatches;
    this.txnTexts = txnTexts;
    this.endContent = endContent;
  }

  static Path path() {
    String p = System.getProperty("b4.path", System.getenv("B4_TRACE"));
    if (p == null) {
      throw new IllegalStateException("set -Db4.path=<automerge-paper.json.gz> or B4_TRACE");
    }
    return Path.of(p);
  }

  @SuppressWarnings("unchecked")
  static B4Trace load() {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(path()), 1 << 16)) {
      Map<String, Object> root = (Map<String, Object>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      List<Object> txns = (List<Object>) root.get("txns");
      int[][] patches = new int[txns.size()][];
      String[][] texts = new String[txns.size()][];
      for (int i = 0; i < txns.size(); i++) {
        List<Object> ps = (List<Object>) ((Map<String, Object>) txns.get(i)).get("patches");
        patches[i] = new int[ps.size() * 2];
        texts[i] = new String[ps.size()];
        for (int j = 0; j < ps.size(); j++) {
          List<Object> p = (List<Object>) ps.get(j);
          patches[i][2 * j] = ((Number) p.get(0)).intValue();
          patches[i][2 * j + 1] = ((Number) p.get(1)).intValue();
          String s = (String) p.get(2);
          texts[i][j] = s.isEmpty() ? null : s;
        }
      }
      return new B4Trace(patches, texts, (String) root.get("endContent"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replays the trace into text at offset, one transaction per recorded transaction. */
  void applyTo(Doc doc, YText text, int offset) {
    for (int i = 0; i < txnPatches.length; i++) {
      int[] ps = txnPatches[i];
      String[] ts = txnTexts[i];
      doc.transact(tr -> {
        for (int j = 0; j < ts.length; j++) {
          int pos = offset + ps[2 * j];
          int del = ps[2 * j + 1];
          if (del > 0) {
            text.delete(pos, del);
          }
          if (ts[j] != null) {
            text.insert(pos, ts[j]);
          }
        }
      });
    }
  }

  /** A fresh document holding the trace's end state; fails loudly if the text differs. */
  Doc build() {
    Doc doc = Workloads.newDoc();
    YText text = doc.getText("text");
    applyTo(doc, text, 0);
    if (!text.toString().equals(endContent)) {
      throw new IllegalStateException("B4: final text differs from the trace's end content");
    }
    return doc;
  }
}
