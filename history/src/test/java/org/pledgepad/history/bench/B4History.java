package org.pledgepad.history.bench;

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
import org.pledgepad.crdt.DocOptions;
import org.pledgepad.crdt.YText;
import org.pledgepad.crdt.YXmlElement;
import org.pledgepad.crdt.YXmlText;
import org.pledgepad.crdt.lib0.Json;
import org.pledgepad.history.ChainBuilder;
import org.pledgepad.history.LogRow;

/**
 * The B4 editing trace (automerge-paper: 259,778 single-character edits of a LaTeX paper) turned
 * into a server-like log: one row per recorded transaction, text in the Y.Text "default", one
 * author, one second between edits.
 */
final class B4History {
  final List<LogRow> rows = new ArrayList<>();
  final String endContent;
  final Doc doc;

  B4History(Path trace) throws IOException {
    this(trace, false);
  }

  /**
   * @param xml false: text in the Y.Text "default"; true: in one Y.XmlText inside a paragraph of
   *     the Y.XmlFragment "default", the shape the web client's editor writes
   */
  @SuppressWarnings("unchecked")
  B4History(Path trace, boolean xml) throws IOException {
    Map<String, Object> root;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(trace), 1 << 16)) {
      root = (Map<String, Object>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    endContent = (String) root.get("endContent");
    doc = new Doc(new DocOptions().clientID(1));
    YText text;
    if (xml) {
      YXmlElement p = new YXmlElement("paragraph");
      doc.getXmlFragment("default").insert(0, List.of(p));
      YXmlText t = new YXmlText();
      p.insert(0, List.of(t));
      text = t;
    } else {
      text = doc.getText("default");
    }
    ChainBuilder chain = ChainBuilder.start("b4");
    if (xml) {
      rows.add(chain.next(1_780_000_000_000L, "author", "c1", org.pledgepad.crdt.Y.encodeStateAsUpdate(doc)));
    }
    byte[][] captured = new byte[1][];
    doc.onUpdate((u, o, d, tr) -> captured[0] = u);
    long t = 1_780_000_000_000L;
    for (Object txn : (List<Object>) root.get("txns")) {
      captured[0] = null;
      doc.transact(tr -> {
        for (Object p : (List<Object>) ((Map<String, Object>) txn).get("patches")) {
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
      t += 1000;
      if (captured[0] != null) {
        rows.add(chain.next(t, "author", "c1", captured[0]));
      }
    }
    if (!text.toString().equals(endContent)) {
      throw new IllegalStateException("B4 replay differs from the trace's end content");
    }
  }

  static Path path(String[] args) {
    String p = args.length > 0 ? args[0] : System.getProperty("b4.path", System.getenv("B4_TRACE"));
    if (p == null) {
      p = "/work/shared/data/automerge-paper.json.gz";
    }
    return Path.of(p);
  }
}
