package org.pledgepad.crdt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A document without afterAllTransactions handlers empties its list of finished transactions
 * instead of replacing it; one with handlers still hands each handler a list of its own that
 * later transactions do not change, and events still refuse to compute changes afterwards.
 */
class TransactionListReuseTest {

  @Test
  void handlersKeepTheirListOfTransactions() {
    Doc doc = new Doc();
    List<List<Transaction>> seen = new ArrayList<>();
    doc.onAfterAllTransactions((d, trs) -> seen.add(trs));
    doc.getText("t").insert(0, "a");
    doc.getText("t").insert(0, "b");
    assertEquals(2, seen.size());
    assertNotSame(seen.get(0), seen.get(1));
    assertEquals(1, seen.get(0).size());
    assertEquals(1, seen.get(1).size());
    assertNotSame(seen.get(0).get(0), seen.get(1).get(0));
  }

  @Test
  void withoutHandlersTheListIsEmptiedAndReused() {
    Doc doc = new Doc();
    List<Transaction> list = doc._transactionCleanups;
    doc.getText("t").insert(0, "a");
    assertSame(list, doc._transactionCleanups);
    assertTrue(list.isEmpty());
  }

  @Test
  void eventsRefuseChangesAfterTheTransaction() {
    Doc doc = new Doc();
    List<YTextEvent> events = new ArrayList<>();
    doc.getText("t").observe((e, tr) -> events.add(e));
    doc.getText("t").insert(0, "a");
    assertEquals(1, events.size());
    assertThrows(IllegalStateException.class, () -> events.get(0).keys());
  }

  @Test
  void transactionsStartedByObserversRunInTheSameCleanup() {
    Doc doc = new Doc();
    YText t = doc.getText("t");
    List<String> order = new ArrayList<>();
    t.observe((e, tr) -> {
      order.add("observer " + t);
      if (t.length() == 1) {
        t.insert(1, "b");
      }
    });
    t.insert(0, "a");
    assertEquals(List.of("observer a", "observer ab"), order);
    assertTrue(doc._transactionCleanups.isEmpty());
    t.insert(2, "c");
    assertEquals("abc", t.toString());
  }
}
