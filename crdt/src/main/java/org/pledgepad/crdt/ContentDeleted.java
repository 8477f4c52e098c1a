package org.pledgepad.crdt;

// Follows yjs/src/structs/ContentDeleted.js (yjs 13.6.33).

import java.util.Collections;
import java.util.List;

/** Placeholder for deleted content that was dropped but whose item must keep its links. */
public final class ContentDeleted implements AbstractContent {
  public long len;

  public ContentDeleted(long len) {
    this.len = len;
  }

  @Override public long getLength() { return len; }
  @Override public List<Object> getContent() { return Collections.emptyList(); }
  @Override public boolean isCountable() { return false; }
  @Override public AbstractContent copy() { return new ContentDeleted(len); }

  @Override
  public AbstractContent splice(long offset) {
    ContentDeleted right = new ContentDeleted(len - offset);
    len = offset;
    return right;
  }

  @Override
  public boolean mergeWith(AbstractContent right) {
    len += ((ContentDeleted) right).len;
    return true;
  }

  @Override
  public void integrate(Transaction transaction, Item item) {
    DeleteSet.addToDeleteSetJoined(transaction.deleteSet, item.id.client, item.id.clock, len);
    item.markDeleted();
  }

  @Override public void delete(Transaction transaction) {}
  @Override public void gc(StructStore store) {}

  @Override
  public void write(UpdateEncoder encoder, long offset) {
    encoder.writeLen(len - offset);
  }

  @Override public int getRef() { return 1; }

  public static ContentDeleted readContentDeleted(UpdateDecoder decoder) {
    return new ContentDeleted(decoder.readLen());
  }
}
