package org.pledgepad.crdt;

// Follows yjs/src/types/YArray.js (yjs 13.6.33): YArrayEvent.

/** Change event of a {@link YArray}; its delta lists inserted values. */
public class YArrayEvent extends YEvent<YArray<?>> {
  public YArrayEvent(YArray<?> target, Transaction transaction) {
    super(target, transaction);
  }
}
