package org.pledgepad.crdt;

// Not in Yjs 13.6.33 (see ClientOrder).

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A document's state vector at one moment as a read-only Map from client to clock, in the
 * store's client order: what Transaction.beforeState and afterState hold. The clocks are copied
 * when it is made; the clients come from the store's shared ClientOrder (its first n).
 * {@link #clockOf} reads a clock without boxing the client id.
 */
final class StateSnapshot extends AbstractMap<Long, Long> {
  private final ClientOrder order;
  private final int n;
  /** The only clock when n == 1 (one client is the common case: no array then). */
  private final long clock0;
  private final long[] clocks;

  private StateSnapshot(ClientOrder order, int n, long clock0, long[] clocks) {
    this.order = order;
    this.n = n;
    this.clock0 = clock0;
    this.clocks = clocks;
  }

  /** The current state of every client in order. */
  static StateSnapshot of(ClientOrder order) {
    int n = order.size();
    if (n <= 1) {
      return new StateSnapshot(order, n, n == 0 ? 0 : order.stateAt(0), null);
    }
    long[] clocks = new long[n];
    for (int i = 0; i < n; i++) {
      clocks[i] = order.stateAt(i);
    }
    return new StateSnapshot(order, n, 0, clocks);
  }

  long clockAt(int i) {
    return clocks == null ? clock0 : clocks[i];
  }

  long clientAt(int i) {
    return order.clientAt(i);
  }

  /** The client's clock, or absent when the client is not in this state vector. */
  long clockOf(long client, long absent) {
    int i = order.indexOf(client, n);
    return i < 0 ? absent : clockAt(i);
  }

  @Override
  public int size() {
    return n;
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof Long && order.indexOf((Long) key, n) >= 0;
  }

  @Override
  public Long get(Object key) {
    if (!(key instanceof Long)) {
      return null;
    }
    int i = order.indexOf((Long) key, n);
    return i < 0 ? null : clockAt(i);
  }

  @Override
  public void forEach(BiConsumer<? super Long, ? super Long> action) {
    for (int i = 0; i < n; i++) {
      action.accept(order.clientAt(i), clockAt(i));
    }
  }

  @Override
  public Set<Entry<Long, Long>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return n;
      }

      @Override
      public Iterator<Entry<Long, Long>> iterator() {
        return new Iterator<>() {
          private int i;

          @Override
          public boolean hasNext() {
            return i < n;
          }

          @Override
          public Entry<Long, Long> next() {
            if (i >= n) {
              throw new NoSuchElementException();
            }
            Entry<Long, Long> e = new SimpleImmutableEntry<>(order.clientAt(i), clockAt(i));
            i++;
            return e;
          }
        };
      }
    };
  }
}
