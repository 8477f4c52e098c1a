package org.pledgepad.crdt;

import java.util.Arrays;

/**
 * Copy-on-write listener arrays for {@link Doc}'s events. A document has eleven kinds of event
 * and most documents never get a listener for most of them (a server holds thousands of idle
 * documents): each kind is one field pointing at the shared empty array instead of a
 * CopyOnWriteArrayList with its lock and array (about 56 bytes per kind and document). Adding
 * or removing replaces the array, so an emit that is running keeps calling the array it started
 * with, as CopyOnWriteArrayList's iterators did.
 */
final class Listeners {
  static final Object[] NONE = new Object[0];

  private Listeners() {}

  static Object[] add(Object[] listeners, Object listener) {
    Object[] grown = Arrays.copyOf(listeners, listeners.length + 1);
    grown[listeners.length] = listener;
    return grown;
  }

  /** Without the first listener equal to {@code listener}; the same array when there is none. */
  static Object[] remove(Object[] listeners, Object listener) {
    for (int i = 0; i < listeners.length; i++) {
      if (listeners[i].equals(listener)) {
        if (listeners.length == 1) {
          return NONE;
        }
        Object[] shrunk = new Object[listeners.length - 1];
        System.arraycopy(listeners, 0, shrunk, 0, i);
        System.arraycopy(listeners, i + 1, shrunk, i, listeners.length - i - 1);
        return shrunk;
      }
    }
    return listeners;
  }
}
