package org.pledgepad.crdt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One-clock deleted runs share one ContentDeleted, decoded one-character runs one ContentString
 * per character; merging and splitting such runs must copy the content first and leave the shared
 * instance (and so every other item holding it) untouched.
 */
class SharedContentsTest {

  private static List<Item> items(Doc doc, long client) {
    List<Item> out = new ArrayList<>();
    for (AbstractStruct s : doc.store.clients.get(client)) {
      out.add((Item) s);
    }
    return out;
  }

  @Test
  void aCollectedOneClockItemHoldsTheSharedInstance() {
    Doc doc = new Doc(new DocOptions().clientID(1));
    YText text = doc.getText("t");
    text.insert(0, "ab");
    text.insert(2, "c"); // merged with "ab" at cleanup
    text.delete(1, 1); // "b" alone: split off, deleted, collected
    Item b = items(doc, 1).get(1);
    assertTrue(b.deleted());
    assertSame(ContentDeleted.of(1), b.content);
    assertEquals("ac", text.toString());
  }

  @Test
  void mergingDeletedNeighboursCopiesTheSharedInstance() {
    Doc doc = new Doc(new DocOptions().clientID(1));
    YText text = doc.getText("t");
    text.insert(0, "abcdef");
    for (int i = 0; i < 6; i++) {
      text.delete(0, 1); // one transaction each: every character becomes a one-clock deleted run
    }
    ContentDeleted shared = ContentDeleted.of(1);
    assertEquals(1, shared.len, "the shared instance never changes");
    long deletedClocks = 0;
    for (Item item : items(doc, 1)) {
      assertTrue(item.deleted());
      assertEquals(item.length, item.content.getLength());
      if (item.length > 1) {
        assertNotSame(shared, item.content);
      }
      deletedClocks += item.length;
    }
    assertEquals(6, deletedClocks);
    assertEquals(1, items(doc, 1).size(), "the six one-clock runs were merged into one");
    assertEquals("", text.toString());

    // The same document through the wire, and an update that splits the deleted run
    Doc copy = new Doc(new DocOptions().clientID(2));
    Y.applyUpdate(copy, Encoding.encodeStateAsUpdate(doc));
    assertArrayEquals(Encoding.encodeStateAsUpdate(doc), Encoding.encodeStateAsUpdate(copy));
    assertEquals(1, shared.len);
  }

  @Test
  void anInsertInsideADeletedRunSplitsAPrivateCopy() {
    Doc a = new Doc(new DocOptions().clientID(1));
    Doc b = new Doc(new DocOptions().clientID(2));
    a.getText("t").insert(0, "abcdef");
    Y.applyUpdate(b, Encoding.encodeStateAsUpdate(a));
    b.getText("t").insert(3, "X"); // origin inside the run a is about to delete
    for (int i = 0; i < 6; i++) {
      a.getText("t").delete(0, 1);
    }
    Y.applyUpdate(a, Encoding.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Encoding.encodeStateAsUpdate(a));
    assertEquals("X", a.getText("t").toString());
    assertEquals("X", b.getText("t").toString());
    assertArrayEquals(Encoding.encodeStateVector(a), Encoding.encodeStateVector(b));
    assertEquals(1, ContentDeleted.of(1).len);
  }

  @Test
  void theSharedContentDeletedRefusesChange() {
    ContentDeleted shared = ContentDeleted.of(1);
    assertThrows(IllegalStateException.class, () -> shared.splice(0));
    assertThrows(IllegalStateException.class, () -> shared.mergeWith(new ContentDeleted(1)));
    assertEquals(1, shared.len);
    assertNotSame(shared, shared.copy());
    assertNotSame(shared, ContentDeleted.of(2));
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
  void theSharedContentStringRefusesChangeAndWideOrLongTextIsNotShared() {
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
