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
 * clock, exactly as the plain binary search does.
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
      assertEquals(12, found.id.clock);
      assertTrue(13 < found.id.clock + found.length);
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
              assertEquals(clock, s.id.clock);
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
}
