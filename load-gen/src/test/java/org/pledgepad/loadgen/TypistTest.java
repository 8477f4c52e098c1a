package org.pledgepad.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pledgepad.crdt.ContentString;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.ID;
import org.pledgepad.crdt.Item;
import org.pledgepad.crdt.Updates;
import org.pledgepad.crdt.Y;
import org.pledgepad.crdt.YText;

class TypistTest {
  @Test
  void eachEditIsOneStringItemWithTheOriginsOfItsNeighbours() {
    Doc doc = new Doc();
    YText text = doc.getText("text");
    List<byte[]> updates = new ArrayList<>();
    doc.onUpdate((u, o, d, tr) -> updates.add(u));
    Random random = new Random(7);
    for (int i = 0; i < 50; i++) {
      doc.transact(tr -> Typist.typeAtRandomPlace(tr, text, "x", random));
    }
    assertThat(text.toString()).isEqualTo("x".repeat(50));
    int withOrigin = 0;
    for (byte[] u : updates) {
      Updates.DecodedUpdate d = Y.decodeUpdate(u);
      assertThat(d.structs).hasSize(1);
      Item item = (Item) d.structs.get(0);
      assertThat(((ContentString) item.content).str).isEqualTo("x");
      if (item.hasOrigin()) {
        withOrigin++;
      }
    }
    assertThat(withOrigin).isBetween(1, 49); // neither always at the start nor never
  }

  /** Two clients type concurrently and exchange updates: both end with the same text. */
  @Test
  void concurrentTypistsConvergeAndSpreadOverTheText() {
    Doc a = new Doc();
    Doc b = new Doc();
    a.onUpdate((u, o, d, tr) -> {
      if (o != b) {
        Y.applyUpdate(b, u, a);
      }
    });
    b.onUpdate((u, o, d, tr) -> {
      if (o != a) {
        Y.applyUpdate(a, u, b);
      }
    });
    Random random = new Random(3);
    StringBuilder typed = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      Doc d = i % 2 == 0 ? a : b;
      String ch = String.valueOf((char) (0x100 + i)); // every character unique
      typed.append(ch);
      d.transact(tr -> Typist.typeAtRandomPlace(tr, d.getText("text"), ch, random));
    }
    String s = a.getText("text").toString();
    assertThat(s).hasSize(300).isEqualTo(b.getText("text").toString());
    // neither always appended nor always prepended: characters land inside the text
    assertThat(s).isNotEqualTo(typed.toString()).isNotEqualTo(typed.reverse().toString());
    Set<Integer> places = new HashSet<>();
    for (int i = 200; i < 300; i++) {
      places.add(s.indexOf(0x100 + i) * 10 / s.length());
    }
    assertThat(places).hasSizeGreaterThan(6); // the last hundred typed spread over the deciles
  }

  /**
   * A run at a cursor: each character right after the previous one, amid text typed before,
   * found again by its id after the transaction merged it into the item before it.
   */
  @Test
  void typingAfterTheCharacterTypedLastWritesARunInPlace() {
    Doc doc = new Doc();
    YText text = doc.getText("text");
    doc.transact(tr -> text.insert(0, "0123456789"));
    ID four = new ID(doc.clientID, 4);
    ID[] cursor = {four};
    for (String ch : List.of("a", "b", "c")) {
      doc.transact(tr -> {
        Item left = Typist.itemEndingAt(tr, text, cursor[0]);
        assertThat(left).isNotNull();
        cursor[0] = Typist.typeAfter(tr, text, left, ch).lastId();
      });
    }
    // "a", "b", "c" (clocks 10-12) were merged into one item, found by the id of its last character
    doc.transact(tr -> assertThat(((ContentString) Typist.itemEndingAt(tr, text, cursor[0]).content).str)
        .isEqualTo("abc"));
    doc.transact(tr -> Typist.typeAfter(tr, text, null, "S"));
    assertThat(text.toString()).isEqualTo("S01234abc56789");
    Doc other = new Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    assertThat(other.getText("text").toString()).isEqualTo("S01234abc56789");
    doc.transact(tr -> assertThat(Typist.itemEndingAt(tr, text, new ID(doc.clientID, 99))).isNull());
  }
}
