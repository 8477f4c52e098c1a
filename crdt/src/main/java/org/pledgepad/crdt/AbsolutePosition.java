package org.pledgepad.crdt;

// Follows yjs/src/utils/RelativePosition.js (yjs 13.6.33): class AbsolutePosition.

/** A {@link RelativePosition} resolved against one document state: a type and an index in it. */
public final class AbsolutePosition {
  public final AbstractType<?> type;
  /** Index in UTF-16 code units (text) or elements (arrays). */
  public final int index;
  public final int assoc;

  public AbsolutePosition(AbstractType<?> type, int index) {
    this(type, index, 0);
  }

  public AbsolutePosition(AbstractType<?> type, int index, int assoc) {
    this.type = type;
    this.index = index;
    this.assoc = assoc;
  }

  @Override
  public String toString() {
    return "AbsolutePosition(index=" + index + ", assoc=" + assoc + ")";
  }
}
