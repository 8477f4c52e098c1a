package org.pledgepad.crdt;

// Follows yjs/src/utils/EventHandler.js (yjs 13.6.33).

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/** Listener list of a type's observers; listeners are removed by identity. */
public final class EventHandler<A, B> {
  public List<BiConsumer<? super A, ? super B>> l = new ArrayList<>();

  public boolean isEmpty() {
    return l.isEmpty();
  }

  public static <A, B> EventHandler<A, B> createEventHandler() {
    return new EventHandler<>();
  }

  public static <A, B> void addEventHandlerListener(EventHandler<A, B> eventHandler, BiConsumer<? super A, ? super B> f) {
    eventHandler.l.add(f);
  }

  public static <A, B> void removeEventHandlerListener(EventHandler<A, B> eventHandler, BiConsumer<? super A, ? super B> f) {
    List<BiConsumer<? super A, ? super B>> n = new ArrayList<>();
    for (BiConsumer<? super A, ? super B> g : eventHandler.l) {
      if (g != f) {
        n.add(g);
      }
    }
    eventHandler.l = n;
  }

  public static <A, B> void removeAllEventHandlerListeners(EventHandler<A, B> eventHandler) {
    eventHandler.l.clear();
  }

  /** Calls every listener even if one throws; the first failure is rethrown afterwards. */
  public static <A, B> void callEventHandlerListeners(EventHandler<A, B> eventHandler, A arg0, B arg1) {
    List<BiConsumer<? super A, ? super B>> l = eventHandler.l;
    if (l.isEmpty()) {
      return;
    }
    RuntimeException first = null;
    // like lib0's callAll: listeners added meanwhile are called too (removal swaps the list)
    for (int i = 0; i < l.size(); i++) {
      BiConsumer<? super A, ? super B> f = l.get(i);
      try {
        f.accept(arg0, arg1);
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
