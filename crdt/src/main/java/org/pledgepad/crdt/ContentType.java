package org.pledgepad.crdt;

// Follows yjs/src/structs/ContentType.js (yjs 13.6.33).

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import org.pledgepad.crdt.lib0.DecodingException;

/** A nested shared type (array, map, text, XML node) occupying one position of its parent. */
public final class ContentType implements AbstractContent {
  public static final int YArrayRefID = 0;
  public static final int YMapRefID = 1;
  public static final int YTextRefID = 2;
  public static final int YXmlElementRefID = 3;
  public static final int YXmlFragmentRefID = 4;
  public static final int YXmlHookRefID = 5;
  public static final int YXmlTextRefID = 6;

  public final AbstractType<?> type;

  public ContentType(AbstractType<?> type) {
    this.type = type;
  }

  /** The type ref table of Yjs (typeRefs): the ref number selects the constructor. */
  public static AbstractType<?> readType(UpdateDecoder decoder, int typeRef) {
    switch (typeRef) {
      case YArrayRefID: return YArray.readYArray(decoder);
      case YMapRefID: return YMap.readYMap(decoder);
      case YTextRefID: return YText.readYText(decoder);
      case YXmlElementRefID: return YXmlElement.readYXmlElement(decoder);
      case YXmlFragmentRefID: return YXmlFragment.readYXmlFragment(decoder);
      case YXmlHookRefID: return YXmlHook.readYXmlHook(decoder);
      case YXmlTextRefID: return YXmlText.readYXmlText(decoder);
      default: throw new DecodingException("unknown type ref " + typeRef);
    }
  }

  @Override public long getLength() { return 1; }
  @Override public List<Object> getContent() { return Collections.singletonList(type); }
  @Override public boolean isCountable() { return true; }
  @Override public AbstractContent copy() { return new ContentType(type._copy()); }
  @Override public AbstractContent splice(long offset) { throw new UnsupportedOperationException(); }
  @Override public boolean mergeWith(AbstractContent right) { return false; }

  @Override
  public void integrate(Transaction transaction, Item item) {
    type._integrate(transaction.doc, item);
  }

  @Override
  public void delete(Transaction transaction) {
    Item item = type._start;
    while (item != null) {
      if (!item.deleted()) {
        item.delete(transaction);
      } else if (item.id.clock < transaction.beforeStateOf(item.id.client)) {
        // already deleted before this transaction: not in its delete set, but it may now be
        // mergeable with its neighbours once gc'd, so remember it for the merge pass
        transaction._mergeStructs.add(item);
      }
      item = item.right;
    }
    for (Item mi : type._map.values()) {
      if (!mi.deleted()) {
        mi.delete(transaction);
      } else if (mi.id.clock < transaction.beforeStateOf(mi.id.client)) {
        transaction._mergeStructs.add(mi);
      }
    }
    transaction.changed.remove(type);
  }

  @Override
  public void gc(StructStore store) {
    Item item = type._start;
    while (item != null) {
      item.gc(store, true);
      item = item.right;
    }
    type._start = null;
    for (Item mi : type._map.values()) {
      Item i = mi;
      while (i != null) {
        i.gc(store, true);
        i = i.left;
      }
    }
    type._map = new LinkedHashMap<>();
  }

  @Override
  public void write(UpdateEncoder encoder, long offset) {
    type._write(encoder);
  }

  @Override public int getRef() { return 7; }

  public static ContentType readContentType(UpdateDecoder decoder) {
    return new ContentType(readType(decoder, decoder.readTypeRef()));
  }
}
