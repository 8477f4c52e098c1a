package org.pledgepad.crdt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpdateSplitterTest {
  private static final int KIB = 1024;

  @Test
  void anUpdateWithinTheBudgetIsReturnedAsItIs() {
    Doc d = new Doc();
    d.getText("t").insert(0, "kurz");
    byte[] update = Y.encodeStateAsUpdate(d);
    List<byte[]> parts = UpdateSplitter.split(update, update.length);
    assertThat(parts).hasSize(1);
    assertThat(parts.get(0)).isSameAs(update);
  }

  @Test
  void oneLargeTextItemIsCutIntoPartsWithinTheBudget() {
    // 1.8 MB typed by one client in chunks: the document holds it as one merged item, the case
    // a struct-boundary split alone could not keep under the limit.
    Doc d = new Doc(new DocOptions().clientID(7));
    YText t = d.getText("text");
    String chunk = "Glasfaser für alle. ".repeat(1600);
    while (t.length() < 1_800_000) {
      t.insert(t.length(), chunk);
    }
    byte[] update = Y.encodeStateAsUpdate(d);
    assertThat(Y.decodeUpdate(update).structs).hasSize(1);

    List<byte[]> parts = UpdateSplitter.split(update, 64 * KIB);

    assertThat(parts.size()).isBetween(update.length / (64 * KIB) + 1, update.length / (60 * KIB) + 1);
    parts.forEach(p -> assertThat(p.length).isLessThanOrEqualTo(64 * KIB));
    assertThat(Y.encodeStateAsUpdate(applied(parts))).isEqualTo(update);
  }

  @Test
  void textIsNeverCutInsideASurrogatePair() {
    Doc d = new Doc(new DocOptions().clientID(3));
    d.getText("text").insert(0, "😀".repeat(5000) + "ä😀".repeat(3000));
    byte[] update = Y.encodeStateAsUpdate(d);
    for (int budget : new int[] {37, 64, 101, 1000}) {
      List<byte[]> parts = UpdateSplitter.split(update, budget);
      Doc received = applied(parts);
      assertThat(received.getText("text").toString()).doesNotContain("\uFFFD")
          .isEqualTo(d.getText("text").toString());
      assertThat(Y.encodeStateAsUpdate(received)).isEqualTo(update);
      parts.forEach(p -> assertThat(p.length).isLessThanOrEqualTo(budget));
    }
  }

  @Test
  void aUnitThatCannotBeCutTravelsAloneOverTheBudget() {
    Doc d = new Doc(new DocOptions().clientID(5));
    YText t = d.getText("text");
    t.insert(0, "vorher ".repeat(100));
    t.insertEmbed(t.length(), Map.of("image", "x".repeat(10 * KIB)));
    t.insert(t.length(), "nachher ".repeat(100));
    byte[] update = Y.encodeStateAsUpdate(d);

    List<byte[]> parts = UpdateSplitter.split(update, 2 * KIB);

    List<byte[]> over = parts.stream().filter(p -> p.length > 2 * KIB).toList();
    assertThat(over).hasSize(1);
    assertThat(UpdateSplitterProperties.isSingleUnit(over.get(0))).isTrue();
    assertThat(over.get(0).length).isLessThan(11 * KIB);
    assertThat(Y.encodeStateAsUpdate(applied(parts))).isEqualTo(update);
  }

  @Test
  void aLargeDeleteSetIsSpreadOverTheLastParts() {
    Doc d = new Doc(new DocOptions().clientID(9));
    YText t = d.getText("text");
    t.insert(0, "ab".repeat(2000));
    for (int i = 0; i < 2000; i++) {
      t.delete(i, 1); // every other character: 2,000 delete ranges
    }
    byte[] update = Y.encodeStateAsUpdate(d);
    List<byte[]> parts = UpdateSplitter.split(update, 300);

    parts.forEach(p -> assertThat(p.length).isLessThanOrEqualTo(300));
    long deleteOnlyParts = parts.stream().filter(p -> Y.decodeUpdate(p).structs.isEmpty()).count();
    assertThat(deleteOnlyParts).isPositive();
    // Delete-only parts come last, after every struct.
    int firstDeleteOnly = parts.size() - (int) deleteOnlyParts;
    for (int i = firstDeleteOnly; i < parts.size(); i++) {
      assertThat(Y.decodeUpdate(parts.get(i)).structs).isEmpty();
    }
    assertThat(Y.encodeStateAsUpdate(applied(parts))).isEqualTo(update);
    List<byte[]> reversed = new ArrayList<>(parts);
    Collections.reverse(reversed);
    Doc backwards = applied(reversed);
    assertThat(backwards.getText("text").toString()).isEqualTo("b".repeat(2000));
    assertThat(UpdateRuns.of(Y.encodeStateAsUpdate(backwards))).isEqualTo(UpdateRuns.of(update));
  }

  private static Doc applied(List<byte[]> parts) {
    Doc d = new Doc();
    parts.forEach(p -> Y.applyUpdate(d, p));
    return d;
  }
}
