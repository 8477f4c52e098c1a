package org.pledgepad.crdt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * StartClocks, the start clocks kept beside a client list while an update is integrated into
 * a list it created: its answers must be the struct findIndexSS finds, through appends and split
 * inserts, and a list changed behind its back must put it out of step rather than mislead.
 */
class StartClocksTest {

  /** A list of GC structs of uneven lengths from clock 0, reported to clocks as appended. */
  private static ArrayList<AbstractStruct> appendUneven(StartClocks clocks, ArrayList<AbstractStruct> list,
      Random random, int n) {
    long clock = 0;
    for (int i = 0; i < n; i++) {
      long len = 1 + random.nextInt(i % 7 == 0 ? 40 : 3);
      list.add(new GC(new ID(1, clock), len));
      clocks.appended(clock);
      clock += len;
    }
    return list;
  }

  /** One text of n runs (inserted at the front, so they never merge), one struct each. */
  private static Doc docOfRuns(int n, String run) {
    Doc doc = new Doc();
    YText text = doc.getText("t");
    for (int i = 0; i < n; i++) {
      text.insert(0, run);
    }
    return doc;
  }

  /** StartClocks for a list that already has structs, as if each had been appended in turn. */
  private static StartClocks follow(ArrayList<AbstractStruct> structs, int capacity) {
    ArrayList<AbstractStruct> all = new ArrayList<>(structs);
    structs.clear();
    StartClocks clocks = new StartClocks(structs, capacity);
    for (AbstractStruct s : all) {
      structs.add(s);
      clocks.appended(s.clock);
    }
    return clocks;
  }

  private static long end(ArrayList<AbstractStruct> list) {
    AbstractStruct last = list.get(list.size() - 1);
    return last.clock + last.length;
  }

  @Test
  void findAgreesWithTheBinarySearchForEveryClock() {
    Random random = new Random(20261128L);
    for (int n : new int[] {1, 2, 3, 64, 65, 1000}) {
      ArrayList<AbstractStruct> list = new ArrayList<>();
      StartClocks clocks = new StartClocks(list, 4); // grows past its first capacity
      appendUneven(clocks, list, random, n);
      assertTrue(clocks.inStep());
      for (long clock = 0; clock < end(list); clock++) {
        assertEquals(StructStore.findIndexSS(list, clock), clocks.find(clock), "n " + n + " clock " + clock);
      }
    }
  }

  @Test
  void insertsKeepItInStep() {
    Random random = new Random(7);
    ArrayList<AbstractStruct> list = new ArrayList<>();
    StartClocks clocks = new StartClocks(list, 16);
    appendUneven(clocks, list, random, 200);
    for (int op = 0; op < 300; op++) {
      // split a struct of length > 1 at a random inner clock, as the split inserts do
      int index = random.nextInt(list.size());
      GC s = (GC) list.get(index);
      if (s.length < 2) {
        continue;
      }
      long diff = 1 + random.nextInt((int) s.length - 1);
      GC right = new GC(new ID(1, s.clock + diff), s.length - diff);
      s.length = diff;
      list.add(index + 1, right);
      clocks.inserted(index + 1, right.clock);
      assertTrue(clocks.inStep());
    }
    for (long clock = 0; clock < end(list); clock++) {
      assertEquals(StructStore.findIndexSS(list, clock), clocks.find(clock));
    }
  }

  @Test
  void aListChangedWithoutReportIsOutOfStepForGood() {
    ArrayList<AbstractStruct> list = new ArrayList<>();
    StartClocks clocks = new StartClocks(list, 16);
    appendUneven(clocks, list, new Random(3), 10);
    list.remove(list.size() - 1); // a merge the clocks were not told about
    assertFalse(clocks.inStep());
    list.add(new GC(new ID(1, end(list)), 5));
    clocks.appended(end(list) - 5);
    assertFalse(clocks.inStep()); // same length as before, but it missed a change
  }

  @Test
  void storeLookupsThroughStaleClocksStillFindTheRightStruct() {
    // clocks in step by count but wrong in content: the store must check and search instead
    Doc doc = docOfRuns(30, "abcd");
    Transaction.transact(doc, tr -> {
      StructStore store = doc.store;
      ArrayList<AbstractStruct> structs = StructStore.getStructs(store, doc.clientID);
      ArrayList<AbstractStruct> all = new ArrayList<>(structs);
      structs.clear();
      store.startClocks = new StartClocks(structs, 30);
      for (int i = 0; i < all.size(); i++) {
        structs.add(all.get(i));
        store.startClocks.appended(i); // wrong clocks (each struct starts at 4 * i)
      }
      assertTrue(store.startClocks.inStep());
      for (long clock = 0; clock < 120; clock++) {
        assertSame(structs.get(StructStore.findIndexSS(structs, clock)),
            structs.get(StructStore.findIndexHinted(store, structs, clock)));
      }
      store.startClocks = null;
    });
  }

  @Test
  void splitsThroughTheStoreKeepItInStepAndAgree() {
    Random random = new Random(20261128L);
    Doc doc = docOfRuns(40, "abcde");
    Transaction.transact(doc, tr -> {
      StructStore store = doc.store;
      ArrayList<AbstractStruct> structs = StructStore.getStructs(store, doc.clientID);
      store.startClocks = follow(structs, 40);
      for (int op = 0; op < 300; op++) {
        long clock = random.nextInt(200);
        if (random.nextBoolean()) {
          StructStore.getItemCleanEnd(tr, store, new ID(doc.clientID, clock));
        } else {
          assertEquals(clock, StructStore.getStructCleanStart(tr, new ID(doc.clientID, clock)).clock);
        }
        assertTrue(store.startClocks.inStep());
        long probe = random.nextInt(200);
        assertEquals(StructStore.findIndexSS(structs, probe), store.startClocks.find(probe));
      }
      store.startClocks = null;
    });
    assertEquals(200, doc.getText("t").length());
  }

  @Test
  void aDocumentLoadedFromItsUpdateEncodesAsTheOriginal() {
    // random inserts and deletes make origins inside earlier runs: the load splits structs
    // while StartClocks serves its lookups
    Random random = new Random(20261128L);
    Doc source = new Doc();
    YText text = source.getText("text");
    for (int i = 0; i < 3000; i++) {
      if (text.length() > 0 && random.nextInt(4) == 0) {
        int at = random.nextInt(text.length());
        text.delete(at, Math.min(1 + random.nextInt(3), text.length() - at));
      } else {
        text.insert(random.nextInt(text.length() + 1), "xyz".substring(0, 1 + random.nextInt(3)));
      }
    }
    byte[] v1 = Y.encodeStateAsUpdate(source);
    byte[] v2 = Y.encodeStateAsUpdateV2(source);
    Doc fromV1 = new Doc();
    Y.applyUpdate(fromV1, v1);
    Doc fromV2 = new Doc();
    Y.applyUpdateV2(fromV2, v2);
    assertTrue(StructStore.getStructs(fromV1.store, source.clientID).size() > 64);
    assertEquals(text.toString(), fromV1.getText("text").toString());
    assertEquals(text.toString(), fromV2.getText("text").toString());
    assertArrayEquals(v1, Y.encodeStateAsUpdate(fromV1));
    assertArrayEquals(v2, Y.encodeStateAsUpdateV2(fromV2));
    assertEquals(null, fromV1.store.startClocks);
  }
}
