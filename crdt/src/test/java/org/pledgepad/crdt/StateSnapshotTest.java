package org.pledgepad.crdt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Transaction.beforeState / afterState are StateSnapshots over the store's shared ClientOrder:
 * each must read as the LinkedHashMap state vector of its moment (same entries, same order,
 * equal and hashing alike), also for clients added after it was taken and past the 8 clients
 * where the lookup switches from a scan to a hash table.
 */
class StateSnapshotTest {

  /** Applies one insert by client into doc. */
  private static void editBy(Doc doc, long client, String text) {
    Doc other = new Doc();
    other.clientID = client;
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    other.getText("t").insert(0, text);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)));
  }

  @Test
  void snapshotsReadAsTheStateVectorOfTheirMoment() {
    Doc doc = new Doc();
    List<Map<Long, Long>> befores = new ArrayList<>();
    List<Map<Long, Long>> afters = new ArrayList<>();
    List<Map<Long, Long>> expectedBefore = new ArrayList<>();
    List<Map<Long, Long>> expectedAfter = new ArrayList<>();
    doc.onBeforeTransaction((tr, d) -> expectedBefore.add(new LinkedHashMap<>(StructStore.getStateVector(d.store))));
    doc.onAfterTransaction((tr, d) -> {
      befores.add(tr.beforeState);
      afters.add(tr.afterState);
      expectedAfter.add(new LinkedHashMap<>(StructStore.getStateVector(d.store)));
    });
    // clients with ids that collide in low bits, and more than 8 of them
    for (int c = 0; c < 40; c++) {
      editBy(doc, (c % 3 == 0 ? 1L << 32 : 7L) * (c + 1), "x" + c);
      if (c % 5 == 0) {
        editBy(doc, 7L, "again");
      }
    }
    assertEquals(expectedBefore.size(), befores.size());
    for (int i = 0; i < befores.size(); i++) {
      assertSameMap(expectedBefore.get(i), befores.get(i));
      assertSameMap(expectedAfter.get(i), afters.get(i));
    }
    Map<Long, Long> last = afters.get(afters.size() - 1);
    // a peer that receives its own id's edits takes a new id (Yjs), so more than 40 clients
    assertTrue(last.size() >= 40, "clients: " + last.size());
    assertTrue(befores.get(1).size() < last.size(), "an early snapshot keeps its own clients");
  }

  private static void assertSameMap(Map<Long, Long> expected, Map<Long, Long> actual) {
    assertEquals(new ArrayList<>(expected.entrySet()), new ArrayList<>(actual.entrySet()));
    assertEquals(expected, actual);
    assertEquals(actual, expected);
    assertEquals(expected.hashCode(), actual.hashCode());
    assertEquals(expected.toString(), actual.toString());
    for (Map.Entry<Long, Long> e : expected.entrySet()) {
      assertEquals(e.getValue(), actual.get(e.getKey()));
      assertTrue(actual.containsKey(e.getKey()));
    }
    assertNull(actual.get(123456789L));
    assertNull(actual.get("not a client"));
    assertFalse(actual.containsKey(123456789L));
  }

  @Test
  void snapshotIsReadOnlyAndSharedUntilTheNextAppend() {
    Doc doc = new Doc();
    doc.getText("t").insert(0, "ab");
    Map<Long, Long> a = StructStore.stateVectorSnapshot(doc.store);
    assertSame(a, StructStore.stateVectorSnapshot(doc.store));
    assertThrows(UnsupportedOperationException.class, () -> a.put(1L, 2L));
    assertThrows(UnsupportedOperationException.class, () -> a.entrySet().iterator().next().setValue(5L));
    doc.getText("t").insert(0, "c");
    Map<Long, Long> b = StructStore.stateVectorSnapshot(doc.store);
    assertNotSame(a, b);
    assertEquals(2L, a.get(doc.clientID));
    assertEquals(3L, b.get(doc.clientID));
  }

  @Test
  void lookupsOfAnEmptyStoreFindNothing() {
    Doc doc = new Doc();
    Map<Long, Long> empty = StructStore.stateVectorSnapshot(doc.store);
    assertTrue(empty.isEmpty());
    assertEquals(Map.of(), empty);
    assertNull(empty.get(doc.clientID));
    Transaction.transact(doc, tr -> assertEquals(0, tr.beforeStateOf(doc.clientID)));
  }
}
