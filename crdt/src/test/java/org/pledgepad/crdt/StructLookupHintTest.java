package org.pledgepad.crdt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The store's lookup hint (StructStore.findIndexHinted) is only a guess: after splits have
 * inserted structs before or at the hinted index it must still find the struct that covers the
 * clock, exactly as the plain binary search does. The same holds for findIndexNear's guesses and
 * for the end clock getState keeps between appends.
 */
class StructLookupHintTest {

  /** 40 structs of 5 characters each (inserted at the front, so they never merge). */
  private static Doc docWithStructs() {
    Doc doc = new Doc();
    YText text = doc.getText("t");
    for (int i = 0; i < 40; i++) {
      text.insert(0, "abcde");
    }
    return doc;
  }

  @Test
  void hintedStructThatWasSplitIsNotReturnedForTheClocksItLost() {
    Doc doc = docWithStructs();
    Transaction.transact(doc, tr -> {
      StructStore store = doc.store;
      ArrayList<AbstractStruct> structs = StructStore.getStructs(store, doc.clientID);
      assertEquals(40, structs.size());
      int before = StructStore.findIndexHinted(store, structs, 12); // hint: struct [10, 15)
      assertEquals(2, before);
      StructStore.getItemCleanEnd(tr, store, new ID(doc.clientID, 11)); // split into [10, 12) [12, 15)
      int after = StructStore.findIndexHinted(store, structs, 13);
      AbstractStruct found = structs.get(after);
      assertEquals(3, after);
      assertEquals(12, found.clock);
      assertTrue(13 < found.clock + found.length);
    });
  }

  @Test
  void hintedLookupsAgreeWithBinarySearchUnderRandomSplits() {
    Random random = new Random(20261128L);
    for (int round = 0; round < 50; round++) {
      Doc doc = docWithStructs();
      Transaction.transact(doc, tr -> {
        StructStore store = doc.store;
        ArrayList<AbstractStruct> structs = StructStore.getStructs(store, doc.clientID);
        for (int op = 0; op < 200; op++) {
          long clock = random.nextInt(200);
          switch (random.nextInt(3)) {
            case 0 -> StructStore.getItemCleanEnd(tr, store, new ID(doc.clientID, clock));
            case 1 -> {
              AbstractStruct s = StructStore.getStructCleanStart(tr, new ID(doc.clientID, clock));
              assertEquals(clock, s.clock);
            }
            default -> assertSame(structs.get(StructStore.findIndexSS(structs, clock)),
                structs.get(StructStore.findIndexHinted(store, structs, clock)));
          }
          StructStore.integrityCheck(store);
        }
      });
      assertEquals(40 * 5, doc.getText("t").length());
    }
  }

  @Test
  void nearLookupsAgreeWithBinarySearchForEveryGuess() {
    Random random = new Random(20261128L);
    Doc doc = docWithStructs();
    Transaction.transact(doc, tr -> {
      StructStore store = doc.store;
      ArrayList<AbstractStruct> structs = StructStore.getStructs(store, doc.clientID);
      for (int op = 0; op < 60; op++) { // uneven struct lengths, so guesses land before and after
        StructStore.getItemCleanEnd(tr, store, new ID(doc.clientID, random.nextInt(200)));
      }
      for (long clock = 0; clock < 200; clock++) {
        int expected = StructStore.findIndexSS(structs, clock);
        for (int guess = -1; guess < structs.size() + 12; guess++) {
          assertEquals(expected, StructStore.findIndexNear(structs, clock, guess), "clock " + clock + " guess " + guess);
        }
      }
    });
  }

  /** getState as the store computed it before it kept the end clock: from the last struct. */
  private static long endClock(StructStore store, long client) {
    ArrayList<AbstractStruct> structs = store.clients.get(client);
    if (structs == null) {
      return 0;
    }
    AbstractStruct last = structs.get(structs.size() - 1);
    return last.clock + last.length;
  }

  private static void assertStates(Doc... docs) {
    for (Doc doc : docs) {
      for (Doc other : docs) {
        assertEquals(endClock(doc.store, other.clientID), StructStore.getState(doc.store, other.clientID));
      }
    }
  }

  @Test
  void keptEndClocksFollowAppendsSplitsMergesAndGc() {
    Random random = new Random(20261129L);
    for (int round = 0; round < 20; round++) {
      Doc a = new Doc();
      Doc b = new Doc();
      a.clientID = 1;
      b.clientID = 2;
      for (int op = 0; op < 150; op++) {
        Doc doc = random.nextBoolean() ? a : b;
        YText text = doc.getText("t");
        int length = text.length();
        int at = random.nextInt(length + 1);
        if (length > 0 && random.nextInt(3) == 0) {
          // deleting inside runs splits the last struct as often as older ones; cleanup merges
          text.delete(Math.min(at, length - 1), 1 + random.nextInt(Math.min(5, length - Math.min(at, length - 1))));
        } else {
          text.insert(at, "xyz".substring(random.nextInt(3)));
        }
        assertStates(a, b);
        if (random.nextInt(10) == 0) {
          Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
          Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
          assertStates(a, b);
        }
        if (random.nextInt(25) == 0) {
          // a split of the last struct at its very end, then an append in the same transaction
          Transaction.transact(doc, tr -> {
            long end = StructStore.getState(doc.store, doc.clientID);
            if (end > 1) {
              StructStore.getItemCleanEnd(tr, doc.store, new ID(doc.clientID, end - 2));
              assertEquals(endClock(doc.store, doc.clientID), StructStore.getState(doc.store, doc.clientID));
            }
            text.insert(text.length(), "q");
            assertEquals(endClock(doc.store, doc.clientID), StructStore.getState(doc.store, doc.clientID));
          });
          assertStates(a, b);
        }
      }
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
      Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
      assertStates(a, b);
      assertEquals(a.getText("t").toString(), b.getText("t").toString());
    }
  }
}
