package org.pledgepad.crdt;

// Follows yjs/src/types/YXmlFragment.js (yjs 13.6.33).

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * An ordered list of XML nodes (elements, text, hooks) without a name of its own. Editors
 * (y-prosemirror / Tiptap) keep their document in the fragment named "default".
 */
public class YXmlFragment extends AbstractType<YXmlEvent> {
  List<Object> _prelimContent = new ArrayList<>();

  public YXmlFragment() {}

  public Object firstChild() {
    Item first = _first();
    return first != null ? first.content.getContent().get(0) : null;
  }

  @Override
  public void _integrate(Doc y, Item item) {
    super._integrate(y, item);
    List<Object> prelim = _prelimContent;
    _prelimContent = null;
    insert(0, prelim);
  }

  @Override
  public YXmlFragment _copy() {
    return new YXmlFragment();
  }

  @Override
  public YXmlFragment clone() {
    YXmlFragment el = new YXmlFragment();
    el.insert(0, cloneChildren());
    return el;
  }

  List<Object> cloneChildren() {
    List<Object> l = new ArrayList<>();
    for (Object item : toArray()) {
      l.add(item instanceof AbstractType ? ((AbstractType<?>) item).clone() : item);
    }
    return l;
  }

  public int length() {
    return _prelimContent == null ? _length : _prelimContent.size();
  }

  public YXmlTreeWalker createTreeWalker(Predicate<AbstractType<?>> filter) {
    return new YXmlTreeWalker(this, filter);
  }

  private static Predicate<AbstractType<?>> nodeNameIs(String query) {
    String q = query.toUpperCase(Locale.ROOT);
    return element -> element instanceof YXmlElement
        && ((YXmlElement) element).nodeName.toUpperCase(Locale.ROOT).equals(q);
  }

  public AbstractType<?> querySelector(String query) {
    YXmlTreeWalker it = new YXmlTreeWalker(this, nodeNameIs(query));
    return it.hasNext() ? it.next() : null;
  }

  public List<AbstractType<?>> querySelectorAll(String query) {
    List<AbstractType<?>> l = new ArrayList<>();
    for (AbstractType<?> t : new YXmlTreeWalker(this, nodeNameIs(query))) {
      l.add(t);
    }
    return l;
  }

  @Override
  public void _callObserver(Transaction transaction, Set<String> parentSubs) {
    callTypeObservers(this, transaction, new YXmlEvent(this, parentSubs, transaction));
  }

  @Override
  public String toString() {
    return TypeToJson.xmlToString(this);
  }

  @Override
  public Object toJSON() {
    return toString();
  }

  public void insert(int index, List<?> content) {
    if (doc != null) {
      Transaction.transact(doc, transaction -> {
        typeListInsertGenerics(transaction, this, index, content);
      });
    } else {
      _prelimContent.addAll(index, content);
    }
  }

  /** Inserts content after ref (a child type or item); null inserts at the start. */
  public void insertAfter(Object ref, List<?> content) {
    if (doc != null) {
      Transaction.transact(doc, transaction -> {
        Item refItem = ref instanceof AbstractType ? ((AbstractType<?>) ref)._item : (Item) ref;
        typeListInsertGenericsAfter(transaction, this, refItem, content);
      });
    } else {
      int index = 0;
      if (ref != null) {
        index = -1;
        for (int i = 0; i < _prelimContent.size(); i++) {
          if (_prelimContent.get(i) == ref) {
            index = i;
            break;
          }
        }
        index += 1;
        if (index == 0) {
          throw new IllegalArgumentException("Reference item not found");
        }
      }
      _prelimContent.addAll(index, content);
    }
  }

  public void delete(int index) {
    delete(index, 1);
  }

  public void delete(int index, int length) {
    if (doc != null) {
      Transaction.transact(doc, transaction -> {
        typeListDelete(transaction, this, index, length);
      });
    } else {
      _prelimContent.subList(index, index + length).clear();
    }
  }

  public List<Object> toArray() {
    return typeListToArray(this);
  }

  public void push(List<?> content) {
    insert(length(), content);
  }

  public void unshift(List<?> content) {
    insert(0, content);
  }

  public Object get(int index) {
    return typeListGet(this, index);
  }

  public List<Object> slice(int start, int end) {
    return typeListSlice(this, start, end);
  }

  public List<Object> slice(int start) {
    return slice(start, length());
  }

  public void forEach(ListCallback<?> f) {
    typeListForEach(this, f);
  }

  @Override
  public void _write(UpdateEncoder encoder) {
    encoder.writeTypeRef(ContentType.YXmlFragmentRefID);
  }

  public static YXmlFragment readYXmlFragment(UpdateDecoder decoder) {
    return new YXmlFragment();
  }
}
