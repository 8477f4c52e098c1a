package org.pledgepad.crdt;

// Follows yjs/src/types/AbstractType.js (yjs 13.6.33): ArraySearchMarker.

/**
 * Remembers the index of an item in a long list so that index lookups start nearby instead of
 * at the list head; this is what keeps editing a large text O(distance) instead of O(n).
 */
public final class ArraySearchMarker {
  static long globalSearchMarkerTimestamp = 0;

  public Item p;
  public int index;
  public long timestamp;
  /**
   * p was undeleted and countable with its marker bit set when updateMarkerChanges last
   * checked it; cleared whenever p changes or may have lost its bit.
   */
  boolean verified;

  public ArraySearchMarker(Item p, int index) {
    p.setMarker(true);
    this.p = p;
    this.index = index;
    this.timestamp = globalSearchMarkerTimestamp++;
  }
}
