package org.pledgepad.crdt;

// Follows yjs/src/types/YMap.js (yjs 13.6.33): YMapEvent.

import java.util.Set;

/** Change event of a {@link YMap}. */
public class YMapEvent extends YEvent<YMap<?>> {
  /** Keys that changed in the transaction. */
  public final Set<String> keysChanged;

  public YMapEvent(YMap<?> ymap, Transaction transaction, Set<String> subs) {
    super(ymap, transaction);
    this.keysChanged = subs;
  }
}
