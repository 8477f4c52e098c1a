package org.pledgepad.crdt;

// Follows yjs/src/types/YXmlFragment.js (yjs 13.6.33): YXmlTreeWalker.

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

/** Depth-first iteration over the XML nodes below a root, filtered; iterative, not recursive. */
public final class YXmlTreeWalker implements Iterator<AbstractType<?>>, Iterable<AbstractType<?>> {
  private final Predicate<AbstractType<?>> _filter;
  private final YXmlFragment _root;
  private Item _currentNode;
  private boolean _firstCall = true;
  private AbstractType<?> nextValue;
  private boolean computed = false;

  public YXmlTreeWalker(YXmlFragment root, Predicate<AbstractType<?>> f) {
    this._filter = f == null ? t -> true : f;
    this._root = root;
    this._currentNode = root._start;
  }

  @Override
  public Iterator<AbstractType<?>> iterator() {
    return this;
  }

  private static AbstractType<?> typeOf(Item n) {
    return n.content instanceof ContentType ? ((ContentType) n.content).type : null;
  }

  private AbstractType<?> compute() {
    Item n = _currentNode;
    AbstractType<?> type = n == null ? null : typeOf(n);
    if (n != null && (!_firstCall || n.deleted() || type == null || !_filter.test(type))) {
      do {
        type = typeOf(n);
        if (!n.deleted() && (type instanceof YXmlElement || (type != null && type.getClass() == YXmlFragment.class))
            && type._start != null) {
          // walk down in the tree
          n = type._start;
        } else {
          // walk right or up in the tree
          while (n != null) {
            Item nxt = n.next();
            if (nxt != null) {
              n = nxt;
              break;
            } else if (n.parent == _root) {
              n = null;
            } else {
              n = ((AbstractType<?>) n.parent)._item;
            }
          }
        }
      } while (n != null && (n.deleted() || typeOf(n) == null || !_filter.test(typeOf(n))));
    }
    _firstCall = false;
    if (n == null) {
      _currentNode = null;
      return null;
    }
    _currentNode = n;
    return typeOf(n);
  }

  @Override
  public boolean hasNext() {
    if (!computed) {
      nextValue = compute();
      computed = true;
    }
    return nextValue != null;
  }

  @Override
  public AbstractType<?> next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    computed = false;
    return nextValue;
  }
}
