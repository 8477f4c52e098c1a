package org.pledgepad.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pledgepad.crdt.AbstractStruct;
import org.pledgepad.crdt.DeleteItem;
import org.pledgepad.crdt.Skip;
import org.pledgepad.crdt.Updates;
import org.pledgepad.crdt.Y;

/**
 * Which log row first inserted, and which first deleted, each CRDT clock (client, clock). Built
 * from the rows alone (decoding every update once), so it is derivable at any time and can be
 * kept and extended as rows are appended. When an update re-sends clocks already logged (a
 * client resyncing), the earlier row keeps them.
 */
public final class ClockIndex {
  /** What authorship needs to know about a row. */
  public record RowInfo(long seq, long timeMillis, String actor) {}

  private final Map<Long, TreeMap<Long, long[]>> inserts = new HashMap<>();
  private final Map<Long, TreeMap<Long, long[]>> deletes = new HashMap<>();
  private final Map<Long, RowInfo> rows = new HashMap<>();
  private long lastSeq;

  public static ClockIndex of(Iterable<LogRow> rows) {
    ClockIndex idx = new ClockIndex();
    for (LogRow r : rows) {
      idx.add(r);
    }
    return idx;
  }

  /**
   * Adds a row (in seq order). A plain tombstone is recorded without clocks (its update is gone);
   * a redacted one still names its clocks, so placeholders are attributed to the erased row.
   */
  public void add(LogRow row) {
    rows.put(row.seq(), new RowInfo(row.seq(), row.timeMillis(), row.actor()));
    lastSeq = Math.max(lastSeq, row.seq());
    if (row.update() == null) {
      return;
    }
    Updates.DecodedUpdate u = Y.decodeUpdate(row.update());
    for (AbstractStruct s : u.structs) {
      if (!(s instanceof Skip)) {
        addRange(inserts, s.client, s.clock, s.clock + s.length, row.seq());
      }
    }
    u.ds.clients.forEach((client, items) -> {
      for (DeleteItem d : items) {
        addRange(deletes, client, d.clock, d.clock + d.len, row.seq());
      }
    });
  }

  /** The newest seq added. */
  public long lastSeq() {
    return lastSeq;
  }

  public RowInfo row(long seq) {
    return rows.get(seq);
  }

  /** The row that inserted (client, clock), or null when unknown (erased or not logged). */
  public RowInfo insertedBy(long client, long clock) {
    return lookup(inserts, client, clock);
  }

  /** The first row whose delete set covers (client, clock), or null. */
  public RowInfo deletedBy(long client, long clock) {
    return lookup(deletes, client, clock);
  }

  /** Adds to {@code into} the seq of every row that inserted a clock of client in [from, to). */
  public void rowsInserting(long client, long from, long to, java.util.Set<Long> into) {
    TreeMap<Long, long[]> ranges = inserts.get(client);
    if (ranges == null) {
      return;
    }
    Map.Entry<Long, long[]> first = ranges.floorEntry(from);
    Long start = first != null && first.getValue()[0] > from ? first.getKey() : Long.valueOf(from);
    for (Map.Entry<Long, long[]> e : ranges.tailMap(start, true).entrySet()) {
      if (e.getKey() >= to) {
        break;
      }
      into.add(e.getValue()[1]);
    }
  }

  /** What {@link #forEachInsert} reports: clocks [from, to) of client first inserted by row seq. */
  public interface InsertRange {
    void accept(long client, long from, long to, long seq);
  }

  /** Every range of clocks with the row that first inserted it, in no particular order. */
  public void forEachInsert(InsertRange to) {
    inserts.forEach((client, ranges) -> ranges.forEach((from, v) -> to.accept(client, from, v[0], v[1])));
  }

  private RowInfo lookup(Map<Long, TreeMap<Long, long[]>> m, long client, long clock) {
    TreeMap<Long, long[]> ranges = m.get(client);
    if (ranges == null) {
      return null;
    }
    Map.Entry<Long, long[]> e = ranges.floorEntry(clock);
    return e != null && e.getValue()[0] > clock ? rows.get(e.getValue()[1]) : null;
  }

  /** Records [start, end) → seq where no earlier row claimed it; ranges never overlap. */
  private static void addRange(Map<Long, TreeMap<Long, long[]>> m, long client, long start, long end, long seq) {
    TreeMap<Long, long[]> ranges = m.computeIfAbsent(client, c -> new TreeMap<>());
    long cur = start;
    Map.Entry<Long, long[]> floor = ranges.floorEntry(cur);
    if (floor != null && floor.getValue()[0] > cur) {
      cur = floor.getValue()[0];
    }
    List<long[]> added = new ArrayList<>(1);
    while (cur < end) {
      Map.Entry<Long, long[]> next = ranges.ceilingEntry(cur);
      if (next == null || next.getKey() >= end) {
        added.add(new long[] {cur, end});
        break;
      }
      if (next.getKey() > cur) {
        added.add(new long[] {cur, next.getKey()});
      }
      cur = next.getValue()[0];
    }
    for (long[] r : added) {
      Map.Entry<Long, long[]> before = ranges.floorEntry(r[0] - 1);
      if (before != null && before.getValue()[0] == r[0] && before.getValue()[1] == seq) {
        before.getValue()[0] = r[1]; // extend: one row inserting consecutive clocks stays one range
      } else {
        ranges.put(r[0], new long[] {r[1], seq});
      }
    }
  }
}
