package org.pledgepad.history;

/**
 * How the history reads a document's log: the server implements it over its store (on a worker
 * thread, since the history is synchronous), tests over a list.
 */
@FunctionalInterface
public interface RowSource {
  /** Rows with {@code fromExclusive < seq <= toInclusive}, in seq order. */
  Iterable<LogRow> rows(long fromExclusive, long toInclusive);

  static RowSource of(java.util.List<LogRow> rowsInSeqOrder) {
    return (from, to) -> rowsInSeqOrder.stream().filter(r -> r.seq() > from && r.seq() <= to).toList();
  }
}
