package org.pledgepad.crdt;

// Follows yjs/src/utils/DeleteSet.js (yjs 13.6.33): DeleteItem.

/** One deleted range [clock, clock + len) of a client. */
public final class DeleteItem {
  public final long clock;
  public final long len;

  public DeleteItem(long clock, long len) {
    this.clock = clock;
    this.len = len;
  }
}
