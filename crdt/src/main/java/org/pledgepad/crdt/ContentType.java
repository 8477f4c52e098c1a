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

  /** Progress of deleting one type: its list part first, then its map part (Yjs's order). */
  private static final class DeleteFrame {
    final AbstractType<?> type;
    Item next;
    java.util.Iterator<Item> mapItems;

    DeleteFrame(AbstractType<?> type) {
      this.type = type;
      this.next = type._start;
    }
  }

  /**
   * Deletes all children of the type. Nested types are handled with an explicit stack in the
   * depth-first order of Yjs's recursion, because hostile nesting would overflow the Java stack.
   */
  @Override
  public void delete(Transaction transaction) {
    java.util.ArrayDeque<DeleteFrame> stack = new java.util.ArrayDeque<>();
    stack.push(new DeleteFrame(type));
    while (!stack.isEmpty()) {
      DeleteFrame f = stack.peek();
      Item item;
      if (f.mapItems == null) {
        item = f.next;
        if (item == null) {
          f.mapItems = new java.util.ArrayList<>(f.type._map.values()).iterator();
          continue;
        }
        f.next = item.right;
      } else if (f.mapItems.hasNext()) {
        item = f.mapItems.next();
      } else {
        Transaction.forgetChangedType(transaction, f.type);
        stack.pop();
        continue;
      }
      if (!item.deleted()) {
        item.deleteShallow(transaction);
        if (item.content instanceof ContentType) {
          stack.push(new DeleteFrame(((ContentType) item.content).type));
        } else {
          item.content.delete(transaction);
        }
      } else if (item.clock < transaction.beforeStateOf(item.client)) {
        // already deleted before this transaction: not in its delete set, but it may now be
        // mergeable with its neighbours once gc'd, so remember it for the merge pass
        transaction._mergeStructs.add(item);
      }
    }
  }

  /** Replaces all children (recursively) by GC structs, iteratively for the same reason as delete. */
  @Override
  public void gc(StructStore store) {
    java.util.ArrayDeque<AbstractType<?>> todo = new java.util.ArrayDeque<>();
    todo.push(type);
    while (!todo.isEmpty()) {
      AbstractType<?> t = todo.pop();
      for (Item item = t._start; item != null; item = item.right) {
        gcChild(store, item, todo);
      }
      t._start = null;
      for (Item mi : t._map.values()) {
        for (Item i = mi; i != null; i = i.left) {
          gcChild(store, i, todo);
        }
      }
      t._map = new LinkedHashMap<>();
    }
  }

  private static void gcChild(StructStore store, Item item, java.util.ArrayDeque<AbstractType<?>> todo) {
    if (!item.deleted()) {
      throw new IllegalStateException("gc of an undeleted item");
    }
    if (item.content instanceof ContentType) {
      todo.push(((ContentType) item.content).type);
    } else {
      item.content.gc(store);
    }
    StructStore.replaceStruct(store, item, new GC(item.client, item.clock, item.length));
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
