package org.pledgepad.crdt;

// Not in Yjs 13.6.33: Yjs uses Maps; this is what Transaction.changed and changedParentTypes hold.

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ConcurrentModificationException;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An insertion-ordered map keyed by identity, for the types a transaction changed: a
 * transaction (one per typed character) nearly always changes one type, and a LinkedHashMap
 * with its table and entry cost 120 bytes for that one key. Here: two small arrays, scanned up
 * to 8 keys, above that also an IdentityHashMap from key to position. Keys compare by identity,
 * as AbstractType does not override equals. Iteration order is insertion order; a key put again
 * keeps its place (as LinkedHashMap). Iterators are fail-fast and support remove.
 */
final class TypeMap<K, V> extends AbstractMap<K, V> {
  private static final Object[] NONE = new Object[0];
  private static final int SCAN_LIMIT = 8;

  private Object[] keys = NONE;
  private Object[] values = NONE;
  private int size;
  private int modCount;
  /** Key to position while size > SCAN_LIMIT, else null. */
  private IdentityHashMap<Object, Integer> index;

  private int indexOf(Object key) {
    if (index != null) {
      Integer i = index.get(key);
      return i == null ? -1 : i;
    }
    for (int i = 0; i < size; i++) {
      if (keys[i] == key) {
        return i;
      }
    }
    return -1;
  }

  @SuppressWarnings("unchecked")
  K keyAt(int i) {
    return (K) keys[i];
  }

  @SuppressWarnings("unchecked")
  V valueAt(int i) {
    return (V) values[i];
  }

  /** Keys and values as they are now, alternating (k0, v0, k1, v1, ...). */
  Object[] snapshot() {
    Object[] out = new Object[size * 2];
    for (int i = 0; i < size; i++) {
      out[2 * i] = keys[i];
      out[2 * i + 1] = values[i];
    }
    return out;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  public V get(Object key) {
    int i = indexOf(key);
    return i < 0 ? null : valueAt(i);
  }

  @Override
  public V put(K key, V value) {
    int i = indexOf(key);
    if (i >= 0) {
      V old = valueAt(i);
      values[i] = value;
      return old;
    }
    if (size == keys.length) {
      int capacity = size == 0 ? 2 : size * 2;
      keys = java.util.Arrays.copyOf(keys, capacity);
      values = java.util.Arrays.copyOf(values, capacity);
    }
    keys[size] = key;
    values[size] = value;
    size++;
    modCount++;
    if (index != null) {
      index.put(key, size - 1);
    } else if (size > SCAN_LIMIT) {
      reindex();
    }
    return null;
  }

  @Override
  public V remove(Object key) {
    int i = indexOf(key);
    if (i < 0) {
      return null;
    }
    V old = valueAt(i);
    removeAt(i);
    return old;
  }

  private void removeAt(int i) {
    System.arraycopy(keys, i + 1, keys, i, size - i - 1);
    System.arraycopy(values, i + 1, values, i, size - i - 1);
    size--;
    keys[size] = null;
    values[size] = null;
    modCount++;
    if (index != null) {
      reindex();
    }
  }

  private void reindex() {
    if (size <= SCAN_LIMIT) {
      index = null;
      return;
    }
    index = new IdentityHashMap<>(size * 2);
    for (int i = 0; i < size; i++) {
      index.put(keys[i], i);
    }
  }

  @Override
  public void clear() {
    java.util.Arrays.fill(keys, 0, size, null);
    java.util.Arrays.fill(values, 0, size, null);
    size = 0;
    index = null;
    modCount++;
  }

  @Override
  public void forEach(BiConsumer<? super K, ? super V> action) {
    int expected = modCount;
    for (int i = 0; i < size; i++) {
      action.accept(keyAt(i), valueAt(i));
      if (modCount != expected) {
        throw new ConcurrentModificationException();
      }
    }
  }

  @Override
  public Set<Entry<K, V>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public Iterator<Entry<K, V>> iterator() {
        return new Iterator<>() {
          private int next;
          private int last = -1;
          private int expected = modCount;

          @Override
          public boolean hasNext() {
            return next < size;
          }

          @Override
          public Entry<K, V> next() {
            if (modCount != expected) {
              throw new ConcurrentModificationException();
            }
            if (next >= size) {
              throw new NoSuchElementException();
            }
            last = next++;
            return new EntryAt(keyAt(last), valueAt(last));
          }

          @Override
          public void remove() {
            if (last < 0) {
              throw new IllegalStateException();
            }
            if (modCount != expected) {
              throw new ConcurrentModificationException();
            }
            removeAt(last);
            next = last;
            last = -1;
            expected = modCount;
          }
        };
      }
    };
  }

  /** An entry with the value it had when iterated; setValue writes through to the map. */
  private final class EntryAt extends SimpleEntry<K, V> {
    EntryAt(K key, V value) {
      super(key, value);
    }

    @Override
    public V setValue(V value) {
      put(getKey(), value);
      return super.setValue(value);
    }
  }
}
