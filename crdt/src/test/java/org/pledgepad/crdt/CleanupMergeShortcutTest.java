package org.pledgepad.crdt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Transaction cleanup skips Yjs's gc and merge passes when nothing but appends happened and
 * checks only the appended structs that may merge with their predecessor. The struct layout
 * decides the bytes every later update is encoded with, so it must be exactly what the full
 * passes produce: each case applies the same updates once normally and once with the full
 * passes forced, and compares the stores struct by struct and the encodings byte by byte.
 */
class CleanupMergeShortcutTest {

  /** Applies update to doc, forcing the full passes when full. */
  private static void apply(Doc doc, byte[] update, boolean full) {
    Transaction.transact(doc, tr -> {
      tr.mergeAll |= full;
      tr.deletedItems |= full;
      Y.applyUpdate(doc, update);
    }, null, false);
  }

  private static String layout(Doc doc) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<Long, ArrayList<AbstractStruct>> e : doc.store.clients.entrySet()) {
      sb.append(e.getKey()).append(':');
      for (AbstractStruct s : e.getValue()) {
        sb.append(' ').append(s.getClass().getSimpleName()).append(s.clock).append('+').append(s.length);
        if (s instanceof Item) {
          sb.append(((Item) s).deleted() ? 'd' : 'l').append(((Item) s).content.getClass().getSimpleName());
        }
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static void assertSameAsFullPasses(List<byte[]> updates) {
    Doc fast = new Doc();
    Doc full = new Doc();
    fast.gc = full.gc = true;
    for (byte[] u : updates) {
      apply(fast, u, false);
      apply(full, u, true);
      assertEquals(layout(full), layout(fast));
    }
    assertArrayEquals(Y.encodeStateAsUpdate(full), Y.encodeStateAsUpdate(fast));
    assertArrayEquals(Y.encodeStateAsUpdateV2(full), Y.encodeStateAsUpdateV2(fast));
    assertEquals(full.getText("text").toString(), fast.getText("text").toString());
  }

  /** Three peers typing and deleting at random; every update of each peer, in causal order. */
  private static List<byte[]> randomSession(long seed, int steps) {
    Random random = new Random(seed);
    List<Doc> peers = new ArrayList<>();
    List<byte[]> log = new ArrayList<>();
    for (int p = 0; p < 3; p++) {
      Doc d = new Doc();
      d.clientID = p + 1;
      d.onUpdate((u, origin, doc, tr) -> {
        if (origin == null) {
          log.add(u);
        }
      });
      peers.add(d);
    }
    for (int step = 0; step < steps; step++) {
      Doc d = peers.get(random.nextInt(peers.size()));
      YText text = d.getText("text");
      int len = text.length();
      int op = random.nextInt(10);
      if (op < 2 && len > 0) {
        int at = random.nextInt(len);
        text.delete(at, Math.min(1 + random.nextInt(3), len - at));
      } else if (op < 6 && len > 0) {
        text.insert(len, "xy".substring(0, 1 + random.nextInt(2)));
      } else {
        text.insert(random.nextInt(len + 1), "abc".substring(0, 1 + random.nextInt(3)));
      }
      if (random.nextInt(4) == 0) {
        // sync all peers now and then, so that later edits build on each other's items
        byte[] merged = Y.mergeUpdates(log);
        for (Doc peer : peers) {
          Y.applyUpdate(peer, merged, "sync");
        }
      }
    }
    return log;
  }

  @Test
  void updatesOneByOneLayOutStructsAsTheFullPasses() {
    for (long seed = 1; seed <= 40; seed++) {
      assertSameAsFullPasses(randomSession(seed, 120));
    }
  }

  @Test
  void mergedUpdatesAndWholeStatesLayOutStructsAsTheFullPasses() {
    for (long seed = 100; seed <= 130; seed++) {
      List<byte[]> log = randomSession(seed, 150);
      assertSameAsFullPasses(List.of(Y.mergeUpdates(log)));
      Doc whole = new Doc();
      for (byte[] u : log) {
        Y.applyUpdate(whole, u);
      }
      assertSameAsFullPasses(List.of(Y.encodeStateAsUpdate(whole)));
      // the log split in two halves: the second half appends to structs of the first
      int half = log.size() / 2;
      assertSameAsFullPasses(List.of(Y.mergeUpdates(log.subList(0, half)), Y.mergeUpdates(log.subList(half, log.size()))));
    }
  }

  @Test
  void consecutiveKeystrokesInSeparateUpdatesEndUpAsOneStruct() {
    Doc source = new Doc();
    source.clientID = 7;
    List<byte[]> log = new ArrayList<>();
    source.onUpdate((u, origin, doc, tr) -> log.add(u));
    YText text = source.getText("text");
    for (char c : "hello".toCharArray()) {
      text.insert(text.length(), String.valueOf(c));
    }
    Doc target = new Doc();
    Y.applyUpdate(target, Y.mergeUpdates(log));
    assertEquals(1, StructStore.getStructs(target.store, 7).size());
    assertEquals("hello", target.getText("text").toString());
    assertSameAsFullPasses(log);
  }

  @Test
  void decodingAnAlreadyMergedStateNeedsNoPasses() {
    Doc source = new Doc();
    YText text = source.getText("text");
    text.insert(0, "abcdef");
    text.insert(3, "XYZ");
    text.delete(1, 2);
    Doc target = new Doc();
    Transaction.transact(target, tr -> {
      Y.applyUpdate(target, Y.encodeStateAsUpdate(source));
      assertFalse(tr.mergeAll);
      assertFalse(tr.deletedItems);
    }, null, false);
    assertEquals(source.getText("text").toString(), target.getText("text").toString());
    Transaction.transact(target, tr -> {
      target.getText("text").delete(0, 1);
      assertTrue(tr.mergeAll);
      assertTrue(tr.deletedItems);
    });
  }
}
