package org.pledgepad.server.cache;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * A least-recently-used map bounded by the summed weight of its values (e.g. characters of pledge
 * text; 1 per entry bounds the count), so memory stays bounded however large single documents are. Thread-safe with one lock:
 * requests of several event loops share it, and every operation is a map access (values are
 * computed outside the lock by the caller). A value heavier than the whole bound is not kept.
 */
public final class BoundedCache<K, V> {
  private final long maxWeight;
  private final ToLongFunction<V> weigher;
  private final LinkedHashMap<K, V> entries = new LinkedHashMap<>(16, 0.75f, true);
  private long weight;

  public BoundedCache(long maxWeight, ToLongFunction<V> weigher) {
    this.maxWeight = maxWeight;
    this.weigher = weigher;
  }

  public synchronized V get(K key) {
    return entries.get(key);
  }

  public synchronized void remove(K key) {
    V old = entries.remove(key);
    if (old != null) {
      weight -= Math.max(1, weigher.applyAsLong(old));
    }
  }

  public synchronized void put(K key, V value) {
    long w = Math.max(1, weigher.applyAsLong(value));
    V old = entries.remove(key);
    if (old != null) {
      weight -= Math.max(1, weigher.applyAsLong(old));
    }
    if (w > maxWeight) {
      return;
    }
    entries.put(key, value);
    weight += w;
    Iterator<Map.Entry<K, V>> eldest = entries.entrySet().iterator();
    while (weight > maxWeight && eldest.hasNext()) {
      weight -= Math.max(1, weigher.applyAsLong(eldest.next().getValue()));
      eldest.remove();
    }
  }

  public synchronized int size() {
    return entries.size();
  }

  public synchronized long weight() {
    return weight;
  }
}
