package org.pledgepad.crdt;

// Follows yjs/src/utils/UndoManager.js (yjs 13.6.33): typedef UndoManagerOptions.

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/** Settings of an {@link UndoManager}; the defaults are those of Yjs. */
public final class UndoManagerOptions {
  /** Default time window (ms) within which consecutive changes merge into one undo step. */
  public static final long DEFAULT_CAPTURE_TIMEOUT = 500;

  public long captureTimeout = DEFAULT_CAPTURE_TIMEOUT;
  /** Changes of a transaction for which this returns false are not captured. */
  public Predicate<Transaction> captureTransaction = tr -> true;
  /** Undo/redo only deletes items for which this returns true. */
  public Predicate<Item> deleteFilter = item -> true;
  /**
   * Transaction origins whose changes are captured: compared with equals, or, for a Class
   * element, any origin of that class (Yjs compares the origin's constructor).
   * Null means the default {null} (local changes without origin).
   */
  public Set<Object> trackedOrigins = null;
  /** Experimental in Yjs: let undo overwrite remote changes of map keys. */
  public boolean ignoreRemoteMapChanges = false;
  /** The document, needed only when the scope is empty. */
  public Doc doc = null;

  public UndoManagerOptions captureTimeout(long ms) {
    this.captureTimeout = ms;
    return this;
  }

  public UndoManagerOptions captureTransaction(Predicate<Transaction> f) {
    this.captureTransaction = f;
    return this;
  }

  public UndoManagerOptions deleteFilter(Predicate<Item> f) {
    this.deleteFilter = f;
    return this;
  }

  public UndoManagerOptions trackedOrigins(Set<Object> origins) {
    this.trackedOrigins = origins;
    return this;
  }

  public UndoManagerOptions trackedOrigins(Object... origins) {
    this.trackedOrigins = new HashSet<>(Arrays.asList(origins));
    return this;
  }

  public UndoManagerOptions ignoreRemoteMapChanges(boolean b) {
    this.ignoreRemoteMapChanges = b;
    return this;
  }

  public UndoManagerOptions doc(Doc d) {
    this.doc = d;
    return this;
  }
}
