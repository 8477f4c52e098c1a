package org.pledgepad.crdt;

// Follows yjs/src/types/YText.js (yjs 13.6.33): ItemTextListPosition.

import java.util.Map;

/** A cursor in a text's item list that tracks the formatting attributes active at it. */
public final class ItemTextListPosition {
  public Item left;
  public Item right;
  public int index;
  public final Map<String, Object> currentAttributes;

  public ItemTextListPosition(Item left, Item right, int index, Map<String, Object> currentAttributes) {
    this.left = left;
    this.right = right;
    this.index = index;
    this.currentAttributes = currentAttributes;
  }

  /** Moves over right, applying its format or counting its length. */
  public void forward() {
    if (right == null) {
      throw new IllegalStateException("unexpected end of text");
    }
    if (right.content instanceof ContentFormat) {
      if (!right.deleted()) {
        YText.updateCurrentAttributes(currentAttributes, (ContentFormat) right.content);
      }
    } else if (!right.deleted()) {
      index += (int) right.length;
    }
    left = right;
    right = right.right;
  }
}
