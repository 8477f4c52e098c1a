package org.pledgepad.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.Y;
import org.pledgepad.crdt.YArray;
import org.pledgepad.crdt.YMap;
import org.pledgepad.crdt.YText;
import org.pledgepad.crdt.YXmlElement;
import org.pledgepad.crdt.YXmlHook;

class MarkerScannerTest {
  /** One edit as SimClient makes it: a character and the client's entry {s, t}. */
  private static void edit(Doc doc, String key, long s, double t, Random random) {
    YText text = doc.getText("text");
    YMap<Object> meta = doc.getMap("meta");
    doc.transact(tr -> {
      Typist.typeAtRandomPlace(tr, text, "x", random);
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("s", s);
      entry.put("t", t);
      meta.set(key, entry);
    });
  }

  private static MarkerScanner.Markers scan(byte[] update) {
    MarkerScanner.Markers m = new MarkerScanner.Markers();
    MarkerScanner.scan(update, m);
    return m;
  }

  @Test
  void findsTheEntryOfEachEditBothTheFirstWithItsKeyAndLaterOnesWithAnOrigin() {
    Doc doc = new Doc();
    List<byte[]> updates = new ArrayList<>();
    doc.onUpdate((u, o, d, tr) -> updates.add(u));
    Random random = new Random(1);
    for (int s = 1; s <= 5; s++) {
      edit(doc, "doc#0", s, 1000.25 * s, random);
    }
    assertThat(updates).hasSize(5);
    for (int i = 0; i < 5; i++) {
      MarkerScanner.Markers m = scan(updates.get(i));
      assertThat(m.size()).isEqualTo(1);
      assertThat(m.client(0)).isEqualTo(doc.clientID);
      assertThat(m.seq(0)).isEqualTo(i + 1);
      assertThat(m.time(0)).isEqualTo(1000.25 * (i + 1));
    }
  }

  /** A server may forward several edits as one update: the newest entry per sender counts. */
  @Test
  void keepsTheNewestEntryPerSenderOfAMergedUpdate() {
    Doc a = new Doc();
    Doc b = new Doc();
    List<byte[]> updates = new ArrayList<>();
    a.onUpdate((u, o, d, tr) -> updates.add(u));
    b.onUpdate((u, o, d, tr) -> updates.add(u));
    Random random = new Random(2);
    for (int s = 1; s <= 4; s++) {
      edit(a, "d#0", s, s, random);
      edit(b, "d#1", 10 + s, s, random);
    }
    MarkerScanner.Markers m = scan(Y.mergeUpdates(updates));
    assertThat(m.size()).isEqualTo(2);
    Map<Long, Long> newest = Map.of(m.client(0), m.seq(0), m.client(1), m.seq(1));
    assertThat(newest).containsEntry(a.clientID, 4L).containsEntry(b.clientID, 14L);
  }

  /** Every other kind of content is stepped over exactly, so the entry after it is still found. */
  @Test
  void skipsEveryOtherContentKind() {
    Doc doc = new Doc();
    doc.transact(tr -> {
      YText rich = doc.getText("rich");
      rich.insert(0, "hello", Map.of("bold", true));
      rich.insertEmbed(5, Map.of("image", "x.png"));
      rich.format(0, 2, Map.of("italic", true));
      YArray<Object> array = doc.getArray("array");
      array.push(List.of(1L, "two", 3.5, new byte[] {1, 2, 3}));
      YMap<Object> nested = new YMap<>();
      array.push(List.of(nested));
      nested.set("k", "v"); // parent given by ID
      YXmlElement element = new YXmlElement("p");
      doc.getXmlFragment("xml").insert(0, List.of(element, new YXmlHook("hook")));
      element.setAttribute("class", "c");
      rich.delete(1, 2);
    });
    edit(doc, "doc#0", 7, 42.5, new Random(3));
    MarkerScanner.Markers m = scan(Y.encodeStateAsUpdate(doc));
    assertThat(m.size()).isEqualTo(1);
    assertThat(m.client(0)).isEqualTo(doc.clientID);
    assertThat(m.seq(0)).isEqualTo(7);
    assertThat(m.time(0)).isEqualTo(42.5);
  }
}
