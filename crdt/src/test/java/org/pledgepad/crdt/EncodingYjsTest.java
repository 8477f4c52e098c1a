package org.pledgepad.crdt;

// Follows yjs/tests/encoding.tests.js (yjs v13.6.31).

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pledgepad.crdt.YjsTestHelper.list;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EncodingYjsTest {

  /**
   * Yjs compares its contentRefs table with the reader functions. Java decodes through
   * AbstractContent.readItemContent's switch, so we check the same table from the other side:
   * each content class reports the ref number that selects its reader.
   */
  @Test
  void testStructReferences() {
    assertEquals(1, new ContentDeleted(1).getRef());
    assertEquals(2, new ContentJSON(list("a")).getRef());
    assertEquals(3, new ContentBinary(new byte[] {1}).getRef());
    assertEquals(4, new ContentString("a").getRef());
    assertEquals(5, new ContentEmbed(Map.of("a", 1L)).getRef());
    assertEquals(6, new ContentFormat("bold", true).getRef());
    assertEquals(7, new ContentType(new YArray<Object>()).getRef());
    assertEquals(8, new ContentAny(list(1L)).getRef());
    assertEquals(9, new ContentDoc(new Doc()).getRef());
    // ref 10 is reserved for Skip structs
  }

  /** PermanentUserData encodes delete sets itself, hence it is tested here. */
  @Test
  void testPermanentUserData() {
    Doc ydoc1 = new Doc();
    Doc ydoc2 = new Doc();
    PermanentUserData pd1 = new PermanentUserData(ydoc1);
    PermanentUserData pd2 = new PermanentUserData(ydoc2);
    pd1.setUserMapping(ydoc1, ydoc1.clientID, "user a");
    pd2.setUserMapping(ydoc2, ydoc2.clientID, "user b");
    long xClock = StructStore.getState(ydoc1.store, ydoc1.clientID);
    ydoc1.getText().insert(0, "xhi");
    ydoc1.getText().delete(0, 1);
    ydoc2.getText().insert(0, "hxxi");
    ydoc2.getText().delete(1, 2);
    Y.applyUpdate(ydoc2, Y.encodeStateAsUpdate(ydoc1));
    Y.applyUpdate(ydoc1, Y.encodeStateAsUpdate(ydoc2));
    // now sync a third doc with same name as doc1 and then create PermanentUserData
    Doc ydoc3 = new Doc();
    Y.applyUpdate(ydoc3, Y.encodeStateAsUpdate(ydoc1));
    PermanentUserData pd3 = new PermanentUserData(ydoc3);
    pd3.setUserMapping(ydoc3, ydoc3.clientID, "user a");
    assertNotNull(pd3);
    // Not asserted by Yjs (it only checks that nothing throws): the mapping is readable.
    assertEquals("user a", pd1.getUserByClientId(ydoc1.clientID));
    assertEquals("user a", pd3.getUserByClientId(ydoc3.clientID));
    assertEquals("user b", pd1.getUserByClientId(ydoc2.clientID), "client ids above 2^31 travel as floats");
    assertEquals("user a", pd2.getUserByDeletedId(new ID(ydoc1.clientID, xClock)));
  }

  /** yjs#308. */
  @Test
  void testDiffStateVectorOfUpdateIsEmpty() {
    Doc ydoc = new Doc();
    byte[][] sv = {null};
    ydoc.getText().insert(0, "a");
    ydoc.onUpdate((update, o, d, tr) -> sv[0] = Y.encodeStateVectorFromUpdate(update));
    // should produce an update with an empty state vector (because previous ops are missing)
    ydoc.getText().insert(0, "a");
    assertTrue(sv[0] != null && sv[0].length == 1 && sv[0][0] == 0);
  }

  /** yjs#308. */
  @Test
  void testDiffStateVectorOfUpdateIgnoresSkips() {
    Doc ydoc = new Doc();
    List<byte[]> updates = new ArrayList<>();
    ydoc.onUpdate((update, o, d, tr) -> updates.add(update));
    ydoc.getText().insert(0, "a");
    ydoc.getText().insert(0, "b");
    ydoc.getText().insert(0, "c");
    byte[] update13 = Y.mergeUpdates(List.of(updates.get(0), updates.get(2)));
    byte[] sv = Y.encodeStateVectorFromUpdate(update13);
    Map<Long, Long> state = Y.decodeStateVector(sv);
    assertEquals(1L, (long) state.get(ydoc.clientID));
    assertEquals(1, state.size());
  }
}
