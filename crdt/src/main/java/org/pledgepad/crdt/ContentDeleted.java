package org.pledgepad.crdt;

// Follows yjs/src/structs/ContentDeleted.js (yjs 13.6.33).

import java.util.Collections;
import java.util.List;

/**
 * Placeholder for deleted content that was dropped but whose item must keep its links.
 *
 * <p>Most deleted runs are one clock long (a deleted keystroke, a replaced map value), and a
 * document keeps them for ever: those share one instance ({@link #of}), which saves an object per
 * deleted item for the document's lifetime. A shared instance must never change, so an item
 * about to split or merge its content takes a copy first ({@link Item#ownContent}); splice and
 * mergeWith refuse a shared one.
 */
public final class ContentDeleted implements AbstractContent {
  private static final ContentDeleted SHARED_ONE = new ContentDeleted(1, true);

  public long len;
  private final boolean shared;

  public ContentDeleted(long len) {
    this(len, false);
  }

  private ContentDeleted(long len, boolean shared) {
    this.len = len;
    this.shared = shared;
  }

  /** A content of len clocks that nobody will change: the shared instance where there is one. */
  public static ContentDeleted of(long len) {
    return len == 1 ? SHARED_ONE : new ContentDeleted(len);
  }

  /** Whether this instance is shared by several items (and so must not be changed). */
  public boolean shared() {
    return shared;
  }

  private void checkOwned() {
    if (shared) {
      throw new IllegalStateException("a shared ContentDeleted must be copied before it changes");
    }
  }

  @Override public long getLength() { return len; }
  @Override public List<Object> getContent() { return Collections.emptyList(); }
  @Override public boolean isCountable() { return false; }
  @Override public AbstractContent copy() { return new ContentDeleted(len); }

  @Override
  public AbstractContent splice(long offset) {
    checkOwned();
    ContentDeleted right = new ContentDeleted(len - offset);
    len = offset;
    return right;
  }

  @Override
  public boolean mergeWith(AbstractContent right) {
    checkOwned();
    len += ((ContentDeleted) right).len;
    return true;
  }

  @Override
  public void integrate(Transaction transaction, Item item) {
    DeleteSet.addToDeleteSetJoined(transaction.deleteSet, item.client, item.clock, len);
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
    return of(decoder.readLen());
  }
}
