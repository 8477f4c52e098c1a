package org.pledgepad.crdt;

// Follows yjs/src/types/YArray.js (yjs 13.6.33).

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A shared list. Values are JSON-like objects, byte arrays, subdocuments or nested types.
 * Before it is added to a document, changes are kept in _prelimContent.
 */
public class YArray<T> extends AbstractType<YArrayEvent> implements Iterable<T> {
  private List<Object> _prelimContent = new ArrayList<>();

  public YArray() {
    _searchMarker = new ArrayList<>();
  }

  public static <T> YArray<T> from(List<? extends T> items) {
    YArray<T> a = new YArray<>();
    a.push(items);
    return a;
  }

  @Override
  public void _integrate(Doc y, Item item) {
    super._integrate(y, item);
    List<Object> prelim = _prelimContent;
    _prelimContent = null;
    insert(0, prelim);
  }

  @Override
  public YArray<T> _copy() {
    return new YArray<>();
  }

  @Override
  public YArray<T> clone() {
    YArray<T> arr = new YArray<>();
    List<Object> l = new ArrayList<>();
    for (Object el : toArray()) {
      l.add(el instanceof AbstractType ? ((AbstractType<?>) el).clone() : el);
    }
    arr.insert(0, l);
    return arr;
  }

  /** Number of elements; 0 before the array is added to a document, as in Yjs. */
  public int length() {
    return _length;
  }

  @Override
  public void _callObserver(Transaction transaction, Set<String> parentSubs) {
    super._callObserver(transaction, parentSubs);
    callTypeObservers(this, transaction, new YArrayEvent(this, transaction));
  }

  /** Inserts content at index (UTF-16-free: one element per entry). */
  public void insert(int index, List<?> content) {
    if (doc != null) {
      Transaction.transact(doc, tr -> {
        typeListInsertGenerics(tr, this, index, content);
      });
    } else {
      _prelimContent.addAll(index, content);
    }
  }

  public void push(List<?> content) {
    if (doc != null) {
      Transaction.transact(doc, tr -> {
        typeListPushGenerics(tr, this, content);
      });
    } else {
      _prelimContent.addAll(content);
    }
  }

  public void unshift(List<?> content) {
    insert(0, content);
  }

  public void delete(int index) {
    delete(index, 1);
  }

  public void delete(int index, int length) {
    if (doc != null) {
      Transaction.transact(doc, tr -> {
        typeListDelete(tr, this, index, length);
      });
    } else {
      _prelimContent.subList(index, index + length).clear();
    }
  }

  @SuppressWarnings("unchecked")
  public T get(int index) {
    return (T) typeListGet(this, index);
  }

  @SuppressWarnings("unchecked")
  public List<T> toArray() {
    return (List<T>) (List<?>) typeListToArray(this);
  }

  @SuppressWarnings("unchecked")
  public List<T> slice(int start, int end) {
    return (List<T>) (List<?>) typeListSlice(this, start, end);
  }

  public List<T> slice(int start) {
    return slice(start, _length);
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<Object> toJSON() {
    return (List<Object>) TypeToJson.toJSON(this);
  }

  public <R> List<R> map(ListCallback<R> f) {
    return typeListMap(this, f);
  }

  public void forEach(ListCallback<?> f) {
    typeListForEach(this, f);
  }

  @SuppressWarnings("unchecked")
  @Override
  public Iterator<T> iterator() {
    return (Iterator<T>) typeListCreateIterator(this);
  }

  @Override
  public void _write(UpdateEncoder encoder) {
    encoder.writeTypeRef(ContentType.YArrayRefID);
  }

  public static YArray<Object> readYArray(UpdateDecoder decoder) {
    return new YArray<>();
  }
}
