package org.pledgepad.annotations.anchor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pledgepad.annotations.Fixtures;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.DocOptions;
import org.pledgepad.crdt.RelativePosition;
import org.pledgepad.crdt.Y;
import org.pledgepad.crdt.YText;
import org.pledgepad.crdt.YXmlText;

class AnchorResolverTest {
  private static byte[] pos(YText t, int index, int assoc) {
    return RelativePosition.encodeRelativePosition(
        RelativePosition.createRelativePositionFromTypeIndex(t, index, assoc));
  }

  @Test
  void createTakesTheQuoteFromTheParagraph() {
    Doc doc = Fixtures.tiptap(1, "Wir schaffen freies WLAN in allen Bussen.");
    YXmlText p = Fixtures.paragraph(doc, 0);
    Anchor a = AnchorResolver.create(doc, pos(p, 13, 0), pos(p, 25, 0));
    assertThat(a.quote()).isEqualTo("freies WLAN ");
  }

  @Test
  void passageFollowsItsWordsThroughEditsBeforeAndInside() {
    Doc doc = Fixtures.tiptap(1, "Wir schaffen freies WLAN in allen Bussen.");
    YXmlText p = Fixtures.paragraph(doc, 0);
    Anchor a = AnchorResolver.fromIndex(p, 13, 11);
    p.insert(0, "Gemeinsam: ");
    p.insert(31, "kostenloses ");
    Resolution r = AnchorResolver.resolve(doc, a);
    assertThat(r.state()).isEqualTo(AnchorState.ATTACHED);
    assertThat(r.text()).isEqualTo("freies kostenloses WLAN");
    assertThat(a.quote()).isEqualTo("freies WLAN");
  }

  @Test
  void textTypedRightAtEitherBoundaryStaysOutsideTheIndexAnchor() {
    Doc doc = new Doc(new DocOptions().clientID(1));
    YText t = doc.getText("t");
    t.insert(0, "abcWORDdef");
    Anchor a = AnchorResolver.fromIndex(t, 3, 4);
    t.insert(7, "!");
    t.insert(3, "?");
    assertThat(AnchorResolver.resolve(doc, a).text()).isEqualTo("WORD");
  }

  @Test
  void deletingPartOfThePassageShrinksIt() {
    Doc doc = Fixtures.tiptap(1, "Open Data für alle Bürgerinnen");
    YXmlText p = Fixtures.paragraph(doc, 0);
    Anchor a = AnchorResolver.fromIndex(p, 0, 18);
    p.delete(0, 5);
    assertThat(AnchorResolver.resolve(doc, a).text()).isEqualTo("Data für alle");
  }

  @Test
  void deletingTheWholePassageLeavesTheQuote() {
    Doc doc = Fixtures.tiptap(1, "eins zwei drei");
    YXmlText p = Fixtures.paragraph(doc, 0);
    Anchor a = AnchorResolver.fromIndex(p, 5, 4);
    p.delete(4, 5);
    Resolution r = AnchorResolver.resolve(doc, a);
    assertThat(r.state()).isEqualTo(AnchorState.PASSAGE_DELETED);
    assertThat(r.text()).isEmpty();
    assertThat(a.quote()).isEqualTo("zwei");
  }

  @Test
  void deletingTheParagraphDetachesTheAnchorOnAReplicaThatGarbageCollected() {
    Doc doc = Fixtures.tiptap(1, "erster Absatz", "zweiter Absatz");
    Anchor a = AnchorResolver.fromIndex(Fixtures.paragraph(doc, 1), 0, 7);
    Doc replica = new Doc(new DocOptions().clientID(2));
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
    doc.getXmlFragment("default").delete(1, 1);
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
    assertThat(AnchorResolver.resolve(doc, a).state()).isEqualTo(AnchorState.PASSAGE_DELETED);
    assertThat(AnchorResolver.resolve(replica, a).state()).isEqualTo(AnchorState.PASSAGE_DELETED);
    // a fresh replica loads only the garbage-collected remains
    Doc late = new Doc(new DocOptions().clientID(3));
    Y.applyUpdate(late, Y.encodeStateAsUpdate(doc));
    assertThat(AnchorResolver.resolve(late, a).state()).isEqualTo(AnchorState.PASSAGE_DELETED);
  }

  @Test
  void anchorAtTheEndOfAParagraphUsesTheTypePositionAndStillResolves() {
    Doc doc = Fixtures.tiptap(1, "Ende des Satzes");
    YXmlText p = Fixtures.paragraph(doc, 0);
    Anchor a = AnchorResolver.create(doc, pos(p, 9, 0), pos(p, p.length(), 0));
    assertThat(RelativePosition.decodeRelativePosition(a.end()).item).isNull();
    assertThat(AnchorResolver.resolve(doc, a).text()).isEqualTo("Satzes");
  }

  @Test
  void startAndEndInDifferentParagraphsAreRefused() {
    Doc doc = Fixtures.tiptap(1, "eins", "zwei");
    assertThatThrownBy(() -> AnchorResolver.create(doc, pos(Fixtures.paragraph(doc, 0), 1, 0),
        pos(Fixtures.paragraph(doc, 1), 2, 0))).isInstanceOf(InvalidAnchorException.class)
        .hasMessageContaining("different paragraphs");
  }

  @Test
  void emptyAndReversedRangesAreRefused() {
    Doc doc = Fixtures.tiptap(1, "eins zwei");
    YXmlText p = Fixtures.paragraph(doc, 0);
    assertThatThrownBy(() -> AnchorResolver.create(doc, pos(p, 3, 0), pos(p, 3, 0)))
        .isInstanceOf(InvalidAnchorException.class);
    assertThatThrownBy(() -> AnchorResolver.create(doc, pos(p, 5, 0), pos(p, 2, 0)))
        .isInstanceOf(InvalidAnchorException.class);
  }

  @Test
  void malformedAndOversizedBytesAreRefused() {
    Doc doc = Fixtures.tiptap(1, "eins zwei");
    YXmlText p = Fixtures.paragraph(doc, 0);
    byte[] good = pos(p, 1, 0);
    for (byte[] bad : List.of(new byte[0], new byte[] {7}, new byte[] {0, (byte) 0x80}, new byte[300])) {
      assertThatThrownBy(() -> AnchorResolver.create(doc, bad, good)).isInstanceOf(InvalidAnchorException.class);
    }
  }

  @Test
  void positionsTheDocumentDoesNotKnowAreRefused() {
    Doc doc = Fixtures.tiptap(1, "eins zwei");
    byte[] unknown = RelativePosition.encodeRelativePosition(
        new RelativePosition(null, null, new org.pledgepad.crdt.ID(999, 5), 0));
    assertThatThrownBy(() -> AnchorResolver.create(doc, unknown, unknown)).isInstanceOf(InvalidAnchorException.class);
  }

  @Test
  void anUnknownRootNameIsRefusedWithoutCreatingTheType() {
    Doc doc = Fixtures.tiptap(1, "eins zwei");
    byte[] root = RelativePosition.encodeRelativePosition(new RelativePosition(null, "attacker", null, 0));
    assertThatThrownBy(() -> AnchorResolver.create(doc, root, root)).isInstanceOf(InvalidAnchorException.class);
    assertThat(doc.share).doesNotContainKey("attacker");
  }

  @Test
  void positionsBetweenParagraphsAreNotInsideAText() {
    Doc doc = Fixtures.tiptap(1, "eins", "zwei");
    var fragment = doc.getXmlFragment("default");
    byte[] s = RelativePosition.encodeRelativePosition(RelativePosition.createRelativePositionFromTypeIndex(fragment, 0));
    byte[] e = RelativePosition.encodeRelativePosition(RelativePosition.createRelativePositionFromTypeIndex(fragment, 1));
    assertThatThrownBy(() -> AnchorResolver.create(doc, s, e)).isInstanceOf(InvalidAnchorException.class)
        .hasMessageContaining("not inside a text");
  }

  @Test
  void embedsCountAsOneCharacterSoQuotesStayAligned() {
    Doc doc = new Doc(new DocOptions().clientID(1));
    YText t = doc.getText("t");
    t.insert(0, "ab");
    t.insertEmbed(1, java.util.Map.of("image", "x.png"));
    t.insert(3, "cd");
    Anchor a = AnchorResolver.fromIndex(t, 2, 2);
    assertThat(a.quote()).isEqualTo("bc");
    assertThat(PlainText.of(t)).isEqualTo("a" + PlainText.EMBED + "bcd");
  }

  @Test
  void yProsemirrorStyleEndGrowsWithTextTypedAtTheEndBoundary() {
    // y-prosemirror encodes both ends with assoc 0: the end sticks to the character after the
    // passage, so text typed right at the end joins it (typed at the start it stays outside)
    Doc doc = Fixtures.tiptap(1, "abcWORDdef");
    YXmlText p = Fixtures.paragraph(doc, 0);
    Anchor a = AnchorResolver.create(doc, pos(p, 3, 0), pos(p, 7, 0));
    p.insert(7, "S");
    p.insert(3, "?");
    assertThat(AnchorResolver.resolve(doc, a).text()).isEqualTo("WORDS");
  }

  @Test
  void base64PositionsAsTheBrowserSendsThem() {
    Doc doc = Fixtures.tiptap(1, "eins zwei");
    YXmlText p = Fixtures.paragraph(doc, 0);
    String b64 = java.util.Base64.getEncoder().encodeToString(pos(p, 5, 0));
    assertThat(Anchor.positionFromBase64(b64)).isEqualTo(pos(p, 5, 0));
    assertThatThrownBy(() -> Anchor.positionFromBase64("%%%")).isInstanceOf(InvalidAnchorException.class);
    assertThatThrownBy(() -> Anchor.positionFromBase64("A".repeat(400))).isInstanceOf(InvalidAnchorException.class);
    assertThatThrownBy(() -> Anchor.positionFromBase64(null)).isInstanceOf(InvalidAnchorException.class);
  }
}
