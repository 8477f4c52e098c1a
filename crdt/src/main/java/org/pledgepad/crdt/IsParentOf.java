package org.pledgepad.crdt;

// Follows yjs/src/utils/isParentOf.js (yjs 13.6.33).

/** Ancestor test used by the undo manager's scope check. */
public final class IsParentOf {
  private IsParentOf() {}

  /** Whether parent is an ancestor of child (child may be null). */
  public static boolean isParentOf(AbstractType<?> parent, Item child) {
    while (child != null) {
      if (child.parent == parent) {
        return true;
      }
      child = ((AbstractType<?>) child.parent)._item;
    }
    return false;
  }
}
