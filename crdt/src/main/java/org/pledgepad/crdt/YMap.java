package org.pledgepad.crdt;

// Follows yjs/src/types/YMap.js (yjs 13.6.33).

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/** A shared map from strings to values; concurrent sets of one key resolve by client id. */
public class YMap<T> extends AbstractType<YMapEvent> implements Iterable<Map.Entry<String, T>> {
  private Map<String, Object> _prelimContent;

  public YMap() {
    _prelimContent = new LinkedHashMap<>();
  }

  public YMap(Map<String, ?> entries) {
    _prelimContent = new LinkedHashMap<>(entries);
  }

  @Override
  public void _integrate(Doc y, Item item) {
    super._integrate(y, item);
    Map<String, Object> prelim = _prelimContent;
    _prelimContent = null;
    for (Map.Entry<String, Object> e : prelim.entrySet()) {
      set(e.getKey(), e.getValue());
    }
  }

  @Override
  public YMap<T> _copy() {
    return new YMap<>();
  }

  @Override
  public YMap<T> clone() {
    YMap<T> map = new YMap<>();
    forEach((value, key) -> map.set(key, value instanceof AbstractType ? ((AbstractType<?>) value).clone() : value));
    return map;
  }

  @Override
  public void _callObserver(Transaction transaction, Set<String> parentSubs) {
    callTypeObservers(this, transaction, new YMapEvent(this, transaction, parentSubs));
  }

  @SuppressWarnings("unchecked")
  @Override
  public Map<String, Object> toJSON() {
    return (Map<String, Object>) TypeToJson.toJSON(this);
  }

  /** What JavaScript's String(ymap) gives (XML serialisation of hooks relies on it). */
  @Override
  public String toString() {
    return "[object Object]";
  }

  public int size() {
    int n = 0;
    for (Item item : _map.values()) {
      if (!item.deleted()) {
        n++;
      }
    }
    return n;
  }

  public List<String> keys() {
    List<String> l = new ArrayList<>();
    for (Iterator<Map.Entry<String, Item>> it = createMapIterator(this); it.hasNext();) {
      l.add(it.next().getKey());
    }
    return l;
  }

  @SuppressWarnings("unchecked")
  public List<T> values() {
    List<T> l = new ArrayList<>();
    for (Iterator<Map.Entry<String, Item>> it = createMapIterator(this); it.hasNext();) {
      Item item = it.next().getValue();
      l.add((T) item.content.getContent().get((int) item.length - 1));
    }
    return l;
  }

  @SuppressWarnings("unchecked")
  public List<Map.Entry<String, T>> entries() {
    List<Map.Entry<String, T>> l = new ArrayList<>();
    for (Iterator<Map.Entry<String, Item>> it = createMapIterator(this); it.hasNext();) {
      Map.Entry<String, Item> e = it.next();
      Item item = e.getValue();
      l.add(new AbstractMap.SimpleImmutableEntry<>(e.getKey(), (T) item.content.getContent().get((int) item.length - 1)));
    }
    return l;
  }

  /** Calls f(value, key) for each current entry. */
  public void forEach(BiConsumer<T, String> f) {
    for (Map.Entry<String, T> e : entries()) {
      f.accept(e.getValue(), e.getKey());
    }
  }

  @Override
  public Iterator<Map.Entry<String, T>> iterator() {
    return entries().iterator();
  }

  public void delete(String key) {
    if (doc != null) {
      Transaction.transact(doc, tr -> {
        typeMapDelete(tr, this, key);
      });
    } else {
      _prelimContent.remove(key);
    }
  }

  public <V> V set(String key, V value) {
    if (doc != null) {
      Transaction.transact(doc, tr -> {
        typeMapSet(tr, this, key, value);
      });
    } else {
      _prelimContent.put(key, value);
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  public T get(String key) {
    return (T) typeMapGet(this, key);
  }

  public boolean has(String key) {
    return typeMapHas(this, key);
  }

  public void clear() {
    if (doc != null) {
      Transaction.transact(doc, tr -> {
        for (String key : keys()) {
          typeMapDelete(tr, this, key);
        }
      });
    } else {
      _prelimContent.clear();
    }
  }

  @Override
  public void _write(UpdateEncoder encoder) {
    encoder.writeTypeRef(ContentType.YMapRefID);
  }

  public static YMap<Object> readYMap(UpdateDecoder decoder) {
    return new YMap<>();
  }
}
