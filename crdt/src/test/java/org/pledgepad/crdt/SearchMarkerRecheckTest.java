package org.pledgepad.crdt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * updateMarkerChanges skips re-checking markers it verified before (AbstractType). Search
 * markers decide where an index lookup starts, and in corner cases (deleted items at a run
 * boundary) where an insertion lands, so the skipping must leave every marker and every
 * item's marker bit exactly as Yjs's full re-check does. Two documents get the same random
 * edits; one is forced to re-check all markers before every edit (Yjs's algorithm).
 */
class SearchMarkerRecheckTest {

  @Test
  void skippingVerifiedMarkersMatchesTheFullRecheckOnText() {
    for (long seed = 1; seed <= 30; seed++) {
      Random random = new Random(seed);
      Doc full = doc();
      Doc skipping = doc();
      YText fullText = full.getText("t");
      YText skippingText = skipping.getText("t");
      for (int op = 0; op < 600; op++) {
        int length = fullText.length();
        boolean delete = length > 0 && random.nextInt(3) == 0;
        int at = delete ? random.nextInt(length) : random.nextInt(length + 1);
        int n = delete ? 1 + random.nextInt(Math.min(4, length - at)) : 0;
        String s = "abcdefgh".substring(0, 1 + random.nextInt(3));
        fullText._markedItemDeleted = true;
        if (delete) {
          fullText.delete(at, n);
          skippingText.delete(at, n);
        } else {
          fullText.insert(at, s);
          skippingText.insert(at, s);
        }
        assertSameMarkers(fullText, skippingText, "seed " + seed + " op " + op);
      }
      assertEquals(Arrays.toString(Y.encodeStateAsUpdate(full)), Arrays.toString(Y.encodeStateAsUpdate(skipping)));
    }
  }

  @Test
  void skippingVerifiedMarkersMatchesTheFullRecheckOnArraysWithMultiEditTransactions() {
    for (long seed = 1; seed <= 20; seed++) {
      Random random = new Random(seed);
      Doc full = doc();
      Doc skipping = doc();
      YArray<Object> fullArray = full.getArray("a");
      YArray<Object> skippingArray = skipping.getArray("a");
      for (int op = 0; op < 300; op++) {
        int edits = 1 + random.nextInt(3);
        int[][] plan = new int[edits][];
        int length = fullArray.length();
        for (int e = 0; e < edits; e++) {
          boolean delete = length > 0 && random.nextInt(3) == 0;
          int at = delete ? random.nextInt(length) : random.nextInt(length + 1);
          int n = delete ? 1 + random.nextInt(Math.min(3, length - at)) : 1 + random.nextInt(3);
          plan[e] = new int[] {delete ? 1 : 0, at, n};
          length += delete ? -n : n;
        }
        fullArray._markedItemDeleted = true;
        apply(full, fullArray, plan);
        apply(skipping, skippingArray, plan);
        assertSameMarkers(fullArray, skippingArray, "seed " + seed + " op " + op);
      }
      assertEquals(Arrays.toString(Y.encodeStateAsUpdate(full)), Arrays.toString(Y.encodeStateAsUpdate(skipping)));
    }
  }

  private static Doc doc() {
    Doc doc = new Doc();
    doc.clientID = 7;
    return doc;
  }

  private static void apply(Doc doc, YArray<Object> array, int[][] plan) {
    Transaction.transact(doc, tr -> {
      for (int[] edit : plan) {
        if (edit[0] == 1) {
          array.delete(edit[1], edit[2]);
        } else {
          List<Object> values = new ArrayList<>();
          for (int i = 0; i < edit[2]; i++) {
            values.add(edit[1] * 10 + i);
          }
          array.insert(edit[1], values);
        }
      }
    });
  }

  /** Marker positions, items, the order of their timestamps, and every item's marker bit. */
  private static void assertSameMarkers(AbstractType<?> full, AbstractType<?> skipping, String where) {
    assertEquals(describeMarkers(full), describeMarkers(skipping), where);
    assertEquals(describeItems(full), describeItems(skipping), where);
  }

  private static List<String> describeMarkers(AbstractType<?> type) {
    List<ArraySearchMarker> markers = type._searchMarker;
    List<String> out = new ArrayList<>();
    for (ArraySearchMarker m : markers) {
      int newer = 0;
      for (ArraySearchMarker o : markers) {
        newer += o.timestamp > m.timestamp ? 1 : 0;
      }
      out.add(m.index + "@" + m.p.id() + " rank " + newer);
    }
    return out;
  }

  private static List<String> describeItems(AbstractType<?> type) {
    List<String> out = new ArrayList<>();
    for (Item n = type._start; n != null; n = n.right) {
      out.add(n.id() + "+" + n.length + (n.deleted() ? " deleted" : "") + (n.marker() ? " marker" : ""));
    }
    return out;
  }
}
