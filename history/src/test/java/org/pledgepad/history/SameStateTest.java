package org.pledgepad.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.DocOptions;
import org.pledgepad.crdt.Y;
import org.pledgepad.crdt.YXmlElement;
import org.pledgepad.crdt.YXmlFragment;
import org.pledgepad.crdt.YXmlText;
import org.junit.jupiter.api.Test;

/**
 * Honest snapshots compare equal however they were produced — by another replica that applied the
 * same updates in another order, with or without garbage collection — and a changed attribute
 * does not. The shape is the web client's: paragraphs of formatted text in an XmlFragment.
 */
class SameStateTest {
  private final List<byte[]> updates = new ArrayList<>();
  private final Doc anna = new Doc(new DocOptions().clientID(11));
  private final Doc ben = new Doc(new DocOptions().clientID(22));

  SameStateTest() {
    anna.onUpdate((u, o, d, tr) -> updates.add(u));
    ben.onUpdate((u, o, d, tr) -> updates.add(u));
    YXmlFragment a = anna.getXmlFragment("default");
    YXmlElement p1 = new YXmlElement("paragraph");
    YXmlElement p2 = new YXmlElement("paragraph");
    a.insert(0, List.of(p1, p2));
    YXmlText t1 = new YXmlText();
    p1.insert(0, List.of(t1));
    t1.insert(0, "Wir fordern mehr Radwege.");
    YXmlText t2 = new YXmlText();
    p2.insert(0, List.of(t2));
    t2.insert(0, "Dieser Absatz wird gestrichen.");
    Y.applyUpdate(ben, Y.encodeStateAsUpdate(anna));
    // Concurrently: anna formats and edits, ben sets an attribute, types and deletes a paragraph.
    t1.format(4, 7, Map.of("bold", true));
    t1.insert(25, " Sofort");
    YXmlFragment b = ben.getXmlFragment("default");
    ((YXmlElement) b.get(0)).setAttribute("textAlign", "center");
    ((YXmlText) ((YXmlElement) b.get(0)).get(0)).insert(0, "Ja: ");
    b.delete(1, 1);
    Y.applyUpdate(anna, Y.encodeStateAsUpdate(ben, Y.encodeStateVector(anna)));
    Y.applyUpdate(ben, Y.encodeStateAsUpdate(anna, Y.encodeStateVector(ben)));
  }

  private Doc replayOfTheLog() {
    Doc replay = new Doc();
    for (byte[] u : updates) {
      Y.applyUpdate(replay, u);
    }
    return replay;
  }

  private static Doc decoded(byte[] state) {
    Doc d = new Doc();
    Y.applyUpdate(d, state);
    return d;
  }

  @Test
  void replicasThatAppliedTheUpdatesInAnotherOrderHoldTheSameState() {
    Doc replay = replayOfTheLog();
    assertThat(anna.getXmlFragment("default").toString()).isEqualTo(ben.getXmlFragment("default").toString());
    assertThat(SameState.of(replay, decoded(Y.encodeStateAsUpdate(anna)))).isTrue();
    assertThat(SameState.of(replay, decoded(Y.encodeStateAsUpdate(ben)))).isTrue();
    assertThat(SameState.of(replay, anna)).isTrue();
  }

  @Test
  void aSnapshotWrittenWithoutGarbageCollectionHoldsTheSameState() {
    Doc kept = new Doc(new DocOptions().gc(false));
    for (byte[] u : updates) {
      Y.applyUpdate(kept, u);
    }
    assertThat(SameState.of(replayOfTheLog(), decoded(Y.encodeStateAsUpdate(kept)))).isTrue();
  }

  @Test
  void aChangedAttributeIsAnotherState() {
    Doc forged = decoded(Y.encodeStateAsUpdate(anna));
    forged.clientID = 11;
    assertThat(SameState.of(replayOfTheLog(), forged)).isTrue();
    ((YXmlElement) forged.getXmlFragment("default").get(0)).setAttribute("textAlign", "right");
    assertThat(SameState.of(replayOfTheLog(), forged)).isFalse();
  }
}
