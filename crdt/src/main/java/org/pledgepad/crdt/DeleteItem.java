package org.pledgepad.crdt;

// Follows yjs/src/utils/DeleteSet.js (yjs 13.6.33): DeleteItem.

/** One deleted range [clock, clock + len) of a client. */
public final class DeleteItem {
  public final long clock;
  /**
   * Not final, as in Yjs: a transaction extends the range it added last while it is still only
   * in its own delete set (DeleteSet.addToDeleteSetJoined); nothing else changes it.
   */
  public long len;

  public DeleteItem(long clock, long len) {
    this.clock = clock;
    this.len = len;
  }
}
