package org.pledgepad.crdt;

// Follows yjs/tests/relativePositions.tests.js (yjs v13.6.31).

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RelativePositionsYjsTest {

  /** Every position, for every association, survives encoding and resolves to itself. */
  private static void checkRelativePositions(YText ytext) {
    for (int i = 0; i < ytext.length(); i++) {
      for (int assoc = -1; assoc < 2; assoc++) {
        RelativePosition rpos = RelativePosition.createRelativePositionFromTypeIndex(ytext, i, assoc);
        byte[] encodedRpos = RelativePosition.encodeRelativePosition(rpos);
        RelativePosition decodedRpos = RelativePosition.decodeRelativePosition(encodedRpos);
        AbsolutePosition absPos = RelativePosition.createAbsolutePositionFromRelativePosition(decodedRpos, ytext.doc);
        assertEquals(i, absPos.index);
        assertEquals(assoc, absPos.assoc);
      }
    }
  }

  @Test
  void testRelativePositionCase1() {
    Doc ydoc = new Doc();
    YText ytext = ydoc.getText();
    ytext.insert(0, "1");
    ytext.insert(0, "abc");
    ytext.insert(0, "z");
    ytext.insert(0, "y");
    ytext.insert(0, "x");
    checkRelativePositions(ytext);
  }

  @Test
  void testRelativePositionCase2() {
    Doc ydoc = new Doc();
    YText ytext = ydoc.getText();
    ytext.insert(0, "abc");
    checkRelativePositions(ytext);
  }

  @Test
  void testRelativePositionCase3() {
    Doc ydoc = new Doc();
    YText ytext = ydoc.getText();
    ytext.insert(0, "abc");
    ytext.insert(0, "1");
    ytext.insert(0, "xyz");
    checkRelativePositions(ytext);
  }

  @Test
  void testRelativePositionCase4() {
    Doc ydoc = new Doc();
    YText ytext = ydoc.getText();
    ytext.insert(0, "1");
    checkRelativePositions(ytext);
  }

  @Test
  void testRelativePositionCase5() {
    Doc ydoc = new Doc();
    YText ytext = ydoc.getText();
    ytext.insert(0, "2");
    ytext.insert(0, "1");
    checkRelativePositions(ytext);
  }

  @Test
  void testRelativePositionCase6() {
    Doc ydoc = new Doc();
    YText ytext = ydoc.getText();
    checkRelativePositions(ytext);
  }

  /** yjs#657. */
  @Test
  void testRelativePositionCase7() {
    Doc docA = new Doc();
    YText textA = docA.getText("text");
    textA.insert(0, "abcde");
    RelativePosition relativePosition = RelativePosition.createRelativePositionFromTypeIndex(textA, 2);
    AbsolutePosition absolutePositionWithFollow = RelativePosition.createAbsolutePositionFromRelativePosition(relativePosition, docA, true);
    AbsolutePosition absolutePositionWithoutFollow = RelativePosition.createAbsolutePositionFromRelativePosition(relativePosition, docA, false);
    assertEquals(2, absolutePositionWithFollow.index);
    assertEquals(2, absolutePositionWithoutFollow.index);
  }

  @Test
  void testRelativePositionAssociationDifference() {
    Doc ydoc = new Doc();
    YText ytext = ydoc.getText();
    ytext.insert(0, "2");
    ytext.insert(0, "1");
    RelativePosition rposRight = RelativePosition.createRelativePositionFromTypeIndex(ytext, 1, 0);
    RelativePosition rposLeft = RelativePosition.createRelativePositionFromTypeIndex(ytext, 1, -1);
    ytext.insert(1, "x");
    AbsolutePosition posRight = RelativePosition.createAbsolutePositionFromRelativePosition(rposRight, ydoc);
    AbsolutePosition posLeft = RelativePosition.createAbsolutePositionFromRelativePosition(rposLeft, ydoc);
    assertTrue(posRight != null && posRight.index == 2);
    assertTrue(posLeft != null && posLeft.index == 1);
  }

  @Test
  void testRelativePositionWithUndo() {
    Doc ydoc = new Doc();
    YText ytext = ydoc.getText();
    ytext.insert(0, "hello world");
    RelativePosition rpos = RelativePosition.createRelativePositionFromTypeIndex(ytext, 1);
    UndoManager um = new UndoManager(ytext);
    ytext.delete(0, 6);
    assertEquals(0, RelativePosition.createAbsolutePositionFromRelativePosition(rpos, ydoc).index);
    um.undo();
    assertEquals(1, RelativePosition.createAbsolutePositionFromRelativePosition(rpos, ydoc).index);
    AbsolutePosition posWithoutFollow = RelativePosition.createAbsolutePositionFromRelativePosition(rpos, ydoc, false);
    assertNotNull(posWithoutFollow);
    assertEquals(6, RelativePosition.createAbsolutePositionFromRelativePosition(rpos, ydoc, false).index);
    Doc ydocClone = new Doc();
    Y.applyUpdate(ydocClone, Y.encodeStateAsUpdate(ydoc));
    assertEquals(6, RelativePosition.createAbsolutePositionFromRelativePosition(rpos, ydocClone).index);
    assertEquals(6, RelativePosition.createAbsolutePositionFromRelativePosition(rpos, ydocClone, false).index);
  }

  /** Not in Yjs's test file: the JSON form round-trips, as relativePositionToJSON documents. */
  @Test
  void relativePositionJsonRoundTrip() {
    Doc ydoc = new Doc();
    YText ytext = ydoc.getText("t");
    ytext.insert(0, "abc");
    for (int i = 0; i <= 3; i++) {
      for (int assoc = -1; assoc < 2; assoc++) {
        RelativePosition rpos = RelativePosition.createRelativePositionFromTypeIndex(ytext, i, assoc);
        RelativePosition back = RelativePosition.createRelativePositionFromJSON(RelativePosition.relativePositionToJSON(rpos));
        assertTrue(RelativePosition.compareRelativePositions(rpos, back), rpos + " vs " + back);
      }
    }
  }
}
