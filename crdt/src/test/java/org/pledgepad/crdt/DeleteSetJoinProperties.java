package org.pledgepad.crdt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * DeleteSet.addToDeleteSetJoined (a transaction's own deletions) joins a range to the client's
 * last one where they touch, growing ranges it created in place: once sorted and merged the set
 * must equal what plain addToDeleteSet gives, and no range that another set holds may change.
 */
class DeleteSetJoinProperties {

  @Property(tries = 300)
  void joinedAddsGiveTheSameSetOnceSortedAndMerged(@ForAll long seed) {
    Random r = new Random(seed);
    DeleteSet plain = new DeleteSet();
    DeleteSet joined = new DeleteSet();
    long[] next = new long[3];
    for (int i = 0, n = r.nextInt(60); i < n; i++) {
      int client = r.nextInt(3);
      // mostly touching the client's previous range, sometimes a gap, an overlap or a jump back
      long clock = switch (r.nextInt(6)) {
        case 0 -> next[client] + 1 + r.nextInt(4);
        case 1 -> Math.max(0, next[client] - r.nextInt(3));
        case 2 -> r.nextInt(40);
        default -> next[client];
      };
      long len = 1 + r.nextInt(5);
      DeleteSet.addToDeleteSet(plain, client, clock, len);
      DeleteSet.addToDeleteSetJoined(joined, client, clock, len);
      next[client] = clock + len;
      if (r.nextInt(15) == 0) {
        // a sort and merge halfway (as a cleanup would), after which adds may follow again
        DeleteSet.sortAndMergeDeleteSet(plain);
        DeleteSet.sortAndMergeDeleteSet(joined);
      }
    }
    DeleteSet.sortAndMergeDeleteSet(plain);
    DeleteSet.sortAndMergeDeleteSet(joined);
    assertThat(ranges(joined)).isEqualTo(ranges(plain));
  }

  @Test
  void rangesSharedByAMergedSetDoNotGrow() {
    DeleteSet own = new DeleteSet();
    DeleteSet.addToDeleteSetJoined(own, 7, 0, 2);
    DeleteSet.addToDeleteSetJoined(own, 7, 2, 1); // grows in place: [0, 3)
    DeleteSet merged = DeleteSet.mergeDeleteSets(List.of(own));
    DeleteSet.addToDeleteSetJoined(own, 7, 3, 4);
    assertThat(ranges(own)).isEqualTo(Map.of(7L, List.of(List.of(0L, 7L))));
    assertThat(ranges(merged)).isEqualTo(Map.of(7L, List.of(List.of(0L, 3L))));
  }

  @Test
  void rangesAddedByPlainAddsAreReplacedNotChanged() {
    DeleteSet ds = new DeleteSet();
    DeleteSet.addToDeleteSet(ds, 1, 5, 2);
    DeleteItem first = ds.clients.get(1L).get(0);
    DeleteSet.addToDeleteSetJoined(ds, 1, 7, 3);
    assertThat(first.len).isEqualTo(2);
    assertThat(ranges(ds)).isEqualTo(Map.of(1L, List.of(List.of(5L, 10L))));
  }

  @Test
  void aJoinedAddAfterAPlainOneOnTheSameListLeavesThePlainRangeAlone() {
    // the joined add's shortcut (same client as the last joined add) must notice that its range
    // is no longer the last of the list
    DeleteSet ds = new DeleteSet();
    DeleteSet.addToDeleteSetJoined(ds, 1, 0, 2);
    DeleteSet.addToDeleteSet(ds, 1, 10, 1);
    DeleteItem plain = ds.clients.get(1L).get(1);
    DeleteSet.addToDeleteSetJoined(ds, 1, 2, 3);
    DeleteSet.addToDeleteSetJoined(ds, 1, 11, 1);
    assertThat(plain.len).isEqualTo(1);
    assertThat(ranges(ds)).isEqualTo(Map.of(1L, List.of(List.of(0L, 2L), List.of(10L, 11L), List.of(2L, 5L),
        List.of(11L, 12L))));
    DeleteSet.sortAndMergeDeleteSet(ds);
    assertThat(ranges(ds)).isEqualTo(Map.of(1L, List.of(List.of(0L, 5L), List.of(10L, 12L))));
  }

  /** Per client, the [clock, end) pairs in list order. */
  private static Map<Long, List<List<Long>>> ranges(DeleteSet ds) {
    Map<Long, List<List<Long>>> out = new java.util.TreeMap<>();
    for (Map.Entry<Long, ArrayList<DeleteItem>> e : ds.clients.entrySet()) {
      List<List<Long>> l = new ArrayList<>();
      for (DeleteItem d : e.getValue()) {
        l.add(List.of(d.clock, d.clock + d.len));
      }
      out.put(e.getKey(), l);
    }
    return out;
  }
}
