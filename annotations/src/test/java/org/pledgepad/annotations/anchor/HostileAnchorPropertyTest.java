package org.pledgepad.annotations.anchor;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.pledgepad.annotations.Fixtures;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.ID;
import org.pledgepad.crdt.RelativePosition;

/**
 * Whatever bytes a client sends as anchor positions, creating an anchor either succeeds or
 * fails with {@link InvalidAnchorException}, and never changes the document. (jqwik prints the
 * seed of a failing run.)
 */
class HostileAnchorPropertyTest {
  @Property(tries = 400)
  void randomBytesFailOnlyAsInvalidAnchors(@ForAll @Size(max = 40) byte[] start, @ForAll @Size(max = 40) byte[] end) {
    check(start, end);
  }

  @Property(tries = 400)
  void wellFormedPositionsWithArbitraryIdsFailOnlyAsInvalidAnchors(@ForAll @IntRange(min = 0, max = 4) int client,
      @ForAll @IntRange(min = 0, max = 80) int clock, @ForAll @IntRange(min = 0, max = 80) int clock2,
      @ForAll @IntRange(min = -2, max = 2) int assoc, @ForAll boolean typeForm) {
    RelativePosition s = typeForm ? new RelativePosition(new ID(client, clock), null, null, assoc)
        : new RelativePosition(null, null, new ID(client, clock), assoc);
    RelativePosition e = new RelativePosition(null, null, new ID(client, clock2), assoc);
    check(RelativePosition.encodeRelativePosition(s), RelativePosition.encodeRelativePosition(e));
  }

  private static void check(byte[] start, byte[] end) {
    Doc doc = Fixtures.tiptap(1, "Erster Absatz mit Text.", "Zweiter Absatz.");
    doc.getText("plain").insert(0, "noch ein Text");
    byte[] before = org.pledgepad.crdt.Y.encodeStateAsUpdate(doc);
    try {
      Anchor a = AnchorResolver.create(doc, start, end);
      assertThat(AnchorResolver.resolve(doc, a).text()).isEqualTo(a.quote());
    } catch (InvalidAnchorException expected) {
      // the one allowed failure
    }
    assertThat(org.pledgepad.crdt.Y.encodeStateAsUpdate(doc)).isEqualTo(before);
    assertThat(doc.share.keySet()).containsExactly("default", "plain");
  }
}
