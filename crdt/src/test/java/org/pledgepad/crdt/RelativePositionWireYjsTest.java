package org.pledgepad.crdt;

// Not a port of a Yjs test file: expectations generated with yjs 13.6.33 in Node.

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pledgepad.crdt.YjsTestHelper.compareValues;
import static org.pledgepad.crdt.YjsTestHelper.js;
import static org.pledgepad.crdt.YjsTestHelper.list;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.pledgepad.crdt.lib0.DecodingException;

/**
 * Relative positions travel between clients (cursor awareness, stored annotation anchors), so
 * their binary and JSON forms must be Yjs's. The expected values below were produced by
 * yjs 13.6.33 for the same document (client 7: text "t" = insert "abc", insert "XY" at 1,
 * delete 1 at 3; map "m" with key "a" = array [1, 2]).
 */
class RelativePositionWireYjsTest {

  private static final String[][] EXPECTED = {
      {"t", "0", "-1", "01017441", "{\"tname\":\"t\",\"assoc\":-1}"},
      {"t", "0", "0", "00070000", "{\"tname\":\"t\",\"item\":{\"client\":7,\"clock\":0},\"assoc\":0}"},
      {"t", "0", "1", "00070001", "{\"tname\":\"t\",\"item\":{\"client\":7,\"clock\":0},\"assoc\":1}"},
      {"t", "1", "-1", "00070041", "{\"tname\":\"t\",\"item\":{\"client\":7,\"clock\":0},\"assoc\":-1}"},
      {"t", "1", "0", "00070300", "{\"tname\":\"t\",\"item\":{\"client\":7,\"clock\":3},\"assoc\":0}"},
      {"t", "1", "1", "00070301", "{\"tname\":\"t\",\"item\":{\"client\":7,\"clock\":3},\"assoc\":1}"},
      {"t", "2", "-1", "00070341", "{\"tname\":\"t\",\"item\":{\"client\":7,\"clock\":3},\"assoc\":-1}"},
      {"t", "2", "0", "00070400", "{\"tname\":\"t\",\"item\":{\"client\":7,\"clock\":4},\"assoc\":0}"},
      {"t", "2", "1", "00070401", "{\"tname\":\"t\",\"item\":{\"client\":7,\"clock\":4},\"assoc\":1}"},
      {"t", "3", "-1", "00070441", "{\"tname\":\"t\",\"item\":{\"client\":7,\"clock\":4},\"assoc\":-1}"},
      {"t", "3", "0", "00070200", "{\"tname\":\"t\",\"item\":{\"client\":7,\"clock\":2},\"assoc\":0}"},
      {"t", "3", "1", "00070201", "{\"tname\":\"t\",\"item\":{\"client\":7,\"clock\":2},\"assoc\":1}"},
      {"t", "4", "-1", "00070241", "{\"tname\":\"t\",\"item\":{\"client\":7,\"clock\":2},\"assoc\":-1}"},
      {"t", "4", "0", "01017400", "{\"tname\":\"t\",\"assoc\":0}"},
      {"t", "4", "1", "01017401", "{\"tname\":\"t\",\"assoc\":1}"},
      {"a", "0", "-1", "02070541", "{\"type\":{\"client\":7,\"clock\":5},\"assoc\":-1}"},
      {"a", "0", "0", "00070600", "{\"type\":{\"client\":7,\"clock\":5},\"item\":{\"client\":7,\"clock\":6},\"assoc\":0}"},
      {"a", "0", "1", "00070601", "{\"type\":{\"client\":7,\"clock\":5},\"item\":{\"client\":7,\"clock\":6},\"assoc\":1}"},
      {"a", "1", "-1", "00070641", "{\"type\":{\"client\":7,\"clock\":5},\"item\":{\"client\":7,\"clock\":6},\"assoc\":-1}"},
      {"a", "1", "0", "00070700", "{\"type\":{\"client\":7,\"clock\":5},\"item\":{\"client\":7,\"clock\":7},\"assoc\":0}"},
      {"a", "1", "1", "00070701", "{\"type\":{\"client\":7,\"clock\":5},\"item\":{\"client\":7,\"clock\":7},\"assoc\":1}"},
      {"a", "2", "-1", "00070741", "{\"type\":{\"client\":7,\"clock\":5},\"item\":{\"client\":7,\"clock\":7},\"assoc\":-1}"},
      {"a", "2", "0", "02070500", "{\"type\":{\"client\":7,\"clock\":5},\"assoc\":0}"},
      {"a", "2", "1", "02070501", "{\"type\":{\"client\":7,\"clock\":5},\"assoc\":1}"},
  };

  private static Doc referenceDoc() {
    return referenceDoc(true);
  }

  private static Doc referenceDoc(boolean gc) {
    Doc doc = new Doc(new DocOptions().clientID(7).gc(gc));
    YText text = doc.getText("t");
    text.insert(0, "abc");
    text.insert(1, "XY");
    text.delete(3, 1);
    YMap<Object> map = doc.getMap("m");
    YArray<Object> arr = new YArray<>();
    map.set("a", arr);
    arr.insert(0, list(1, 2));
    return doc;
  }

  @Test
  void encodingAndJsonMatchYjs() {
    Doc doc = referenceDoc();
    for (String[] c : EXPECTED) {
      AbstractType<?> type = c[0].equals("t") ? doc.getText("t") : (AbstractType<?>) doc.getMap("m").get("a");
      int index = Integer.parseInt(c[1]);
      int assoc = Integer.parseInt(c[2]);
      RelativePosition rpos = RelativePosition.createRelativePositionFromTypeIndex(type, index, assoc);
      String where = c[0] + " index " + index + " assoc " + assoc;
      assertEquals(c[3], HexFormat.of().formatHex(RelativePosition.encodeRelativePosition(rpos)), where);
      compareValues(RelativePosition.relativePositionToJSON(rpos), js(c[4]), where);
      // and back: the decoded and the JSON forms resolve to the same index
      RelativePosition decoded = RelativePosition.decodeRelativePosition(HexFormat.of().parseHex(c[3]));
      // the binary form keeps only the most specific reference (item, else tname, else type)
      assertEquals(rpos.item, decoded.item, where);
      assertEquals(rpos.assoc, decoded.assoc, where);
      AbsolutePosition abs = RelativePosition.createAbsolutePositionFromRelativePosition(decoded, doc);
      assertEquals(index, abs.index, where);
      assertEquals(assoc, abs.assoc, where);
      assertTrue(RelativePosition.compareRelativePositions(rpos,
          RelativePosition.createRelativePositionFromJSON(RelativePosition.relativePositionToJSON(rpos))), where);
    }
  }

  @Test
  void unknownItemResolvesToNull() {
    Doc doc = referenceDoc();
    RelativePosition rpos = new RelativePosition(null, null, new ID(8, 0), 0);
    assertNull(RelativePosition.createAbsolutePositionFromRelativePosition(rpos, doc));
    RelativePosition future = new RelativePosition(null, null, new ID(7, 1000), 0);
    assertNull(RelativePosition.createAbsolutePositionFromRelativePosition(future, doc));
    RelativePosition unknownType = new RelativePosition(new ID(9, 0), null, null, 0);
    assertNull(RelativePosition.createAbsolutePositionFromRelativePosition(unknownType, doc));
  }

  @Test
  void positionInsideDeletedNestedTypeResolvesToIndexZero() {
    Doc doc = referenceDoc(false);
    YArray<?> arr = (YArray<?>) doc.getMap("m").get("a");
    RelativePosition rpos = RelativePosition.createRelativePositionFromTypeIndex(arr, 1);
    doc.getMap("m").delete("a");
    AbsolutePosition abs = RelativePosition.createAbsolutePositionFromRelativePosition(rpos, doc);
    assertEquals(0, abs.index);
    assertTrue(abs.type == arr);
  }

  @Test
  void positionInsideGarbageCollectedTypeResolvesToNull() {
    Doc doc = referenceDoc(true);
    YArray<?> arr = (YArray<?>) doc.getMap("m").get("a");
    RelativePosition rpos = RelativePosition.createRelativePositionFromTypeIndex(arr, 1);
    RelativePosition end = RelativePosition.createRelativePositionFromTypeIndex(arr, 2);
    doc.getMap("m").delete("a");
    assertNull(RelativePosition.createAbsolutePositionFromRelativePosition(rpos, doc));
    assertNull(RelativePosition.createAbsolutePositionFromRelativePosition(end, doc));
  }

  @Test
  void truncatedInputRaisesDecodingException() {
    assertThrows(DecodingException.class, () -> RelativePosition.decodeRelativePosition(new byte[] {0, 7}));
    assertThrows(DecodingException.class, () -> RelativePosition.decodeRelativePosition(new byte[] {1, 5, 0x74}));
    assertThrows(DecodingException.class, () -> RelativePosition.decodeRelativePosition(new byte[0]));
    assertThrows(DecodingException.class, () -> RelativePosition.decodeRelativePosition(new byte[] {3, 0}));
    // tname must be valid UTF-8
    assertThrows(DecodingException.class, () -> RelativePosition.decodeRelativePosition(new byte[] {1, 1, (byte) 0xff, 0}));
  }

  @Test
  void assocIsOptionalOnTheWire() {
    // Yjs writes assoc since 13.5; older encodings end after the id and mean assoc 0
    RelativePosition rpos = RelativePosition.decodeRelativePosition(new byte[] {0, 7, 3});
    assertEquals(0, rpos.assoc);
    assertEquals(new ID(7, 3), rpos.item);
  }
}
