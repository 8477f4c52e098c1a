package org.pledgepad.loadgen;

import java.util.ArrayList;
import java.util.Random;
import org.pledgepad.crdt.AbstractStruct;
import org.pledgepad.crdt.ContentString;
import org.pledgepad.crdt.ID;
import org.pledgepad.crdt.Item;
import org.pledgepad.crdt.StructStore;
import org.pledgepad.crdt.Transaction;
import org.pledgepad.crdt.YText;

/**
 * Types one character at a random place of a text in constant time. The stock client calls
 * text.insert(randomIndex, 'x'): every remote change clears the text's search markers, so each
 * such insert walks the list from its start, O(length) — at a few thousand characters that walk,
 * not the server, would limit the generator. Here the place is drawn uniformly over the text's
 * items from the struct store (a random struct, retried while it is no live text item) and the
 * character is integrated after it with the origins text.insert gives it: the update on the wire
 * has the same form (one string item with origin and right origin, same client and clock).
 */
final class Typist {
  private static final int TRIES = 16;

  private Typist() {}

  /** Types s after a random live item of text (or at its start); returns the new item. */
  static Item typeAtRandomPlace(Transaction tr, YText text, String s, Random random) {
    return typeAfter(tr, text, randomLeft(tr, text, random), s);
  }

  /**
   * Types s right after left, an item of text (null: at its start), as text.insert at the index
   * behind left would; returns the new item, the place to type the next character of a run.
   */
  static Item typeAfter(Transaction tr, YText text, Item left, String s) {
    Item right = left == null ? text._start : left.right;
    long client = tr.doc.clientID;
    Item item = new Item(new ID(client, StructStore.getState(tr.doc.store, client)), left,
        left == null ? null : left.lastId(), right, right == null ? null : right.id(), text, null, new ContentString(s));
    if (text._searchMarker != null) {
      text._searchMarker.clear(); // index-based markers would be stale; this client never uses them
    }
    item.integrate(tr, 0);
    return item;
  }

  /**
   * The live item of text that ends with the character of this id (split there if needed, as
   * text.insert at the index behind it would), or null. A run keeps its cursor as an id, not
   * as an item: an item typed right after the same client's previous one (contiguous clocks) is
   * merged into it when the transaction ends, and the merged object is gone.
   */
  static Item itemEndingAt(Transaction tr, YText text, ID id) {
    if (StructStore.getState(tr.doc.store, id.client) <= id.clock) {
      return null;
    }
    AbstractStruct s = StructStore.getItemCleanEnd(tr, tr.doc.store, id);
    return s instanceof Item item && item.parent == text && !item.deleted() ? item : null;
  }

  /** A live item of {@code text} chosen uniformly, or null (the start) with probability 1 / (n + 1). */
  private static Item randomLeft(Transaction tr, YText text, Random random) {
    int length = text.length();
    if (length == 0 || random.nextInt(length + 1) == 0) {
      return null;
    }
    int total = 0;
    for (ArrayList<AbstractStruct> structs : tr.doc.store.clients.values()) {
      total += structs.size();
    }
    for (int t = 0; t < TRIES; t++) {
      int k = random.nextInt(total);
      for (ArrayList<AbstractStruct> structs : tr.doc.store.clients.values()) {
        if (k < structs.size()) {
          if (structs.get(k) instanceof Item item && item.parent == text && !item.deleted() && item.countable()) {
            return item;
          }
          break;
        }
        k -= structs.size();
      }
    }
    return null; // a text rarely found among the structs: fall back to its start
  }
}
