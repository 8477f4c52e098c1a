package org.pledgepad.crdt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Decoded one-character runs share one ContentString per character; merging them (a typist's
 * keystrokes arriving one update each) must copy it first and leave the shared instance as it was.
 */
class SharedContentStringTest {

  private static List<Item> items(Doc doc, long client) {
    List<Item> out = new ArrayList<>();
    for (AbstractStruct s : doc.store.clients.get(client)) {
      out.add((Item) s);
    }
    return out;
  }

  @Test
  void keystrokesArrivingOneByOneMergeIntoAPrivateCopy() {
    Doc typist = new Doc(new DocOptions().clientID(1));
    Doc server = new Doc(new DocOptions().clientID(2));
    List<byte[]> updates = new ArrayList<>();
    typist.onUpdate((u, origin, d, tr) -> updates.add(u));
    for (char c : "hallo".toCharArray()) {
      typist.getText("t").insert(typist.getText("t").length(), String.valueOf(c));
    }
    Y.applyUpdate(server, updates.get(0));
    assertSame(ContentString.of("h"), items(server, 1).get(0).content, "a lone decoded keystroke is shared");
    for (byte[] u : updates.subList(1, updates.size())) {
      Y.applyUpdate(server, u);
    }
    assertEquals("hallo", server.getText("t").toString());
    assertEquals(1, items(server, 1).size(), "the five keystrokes were merged into one run");
    assertNotSame(ContentString.of("h"), items(server, 1).get(0).content);
    assertEquals("h", ContentString.of("h").str, "the shared instance never changes");
    assertArrayEquals(Encoding.encodeStateAsUpdate(typist), Encoding.encodeStateAsUpdate(server));
  }

  @Test
  void aSharedKeystrokeInsideAnotherRunStaysIntact() {
    Doc a = new Doc(new DocOptions().clientID(1));
    Doc b = new Doc(new DocOptions().clientID(2));
    a.getText("t").insert(0, "ac");
    Y.applyUpdate(b, Encoding.encodeStateAsUpdate(a));
    b.getText("t").insert(1, "b"); // one character between a's two: its own run, shared in a
    Y.applyUpdate(a, Encoding.encodeStateAsUpdate(b));
    assertSame(ContentString.of("b"), items(a, 2).get(0).content);
    a.getText("t").delete(0, 3); // split and delete everything around it
    Y.applyUpdate(b, Encoding.encodeStateAsUpdate(a));
    assertEquals("", a.getText("t").toString());
    assertEquals("", b.getText("t").toString());
    assertEquals("b", ContentString.of("b").str);
    assertArrayEquals(Encoding.encodeStateVector(a), Encoding.encodeStateVector(b));
  }

  @Test
  void theSharedInstanceRefusesChangeAndWideOrLongTextIsNotShared() {
    ContentString shared = ContentString.of("x");
    assertSame(shared, ContentString.of(new String("x")));
    assertThrows(IllegalStateException.class, () -> shared.mergeWith(new ContentString("y")));
    assertThrows(IllegalStateException.class, () -> shared.splice(0));
    assertEquals("x", shared.str);
    assertNotSame(shared, shared.copy());
    assertNotSame(ContentString.of("xy"), ContentString.of("xy"));
    assertNotSame(ContentString.of("€"), ContentString.of("€"));
  }
}
