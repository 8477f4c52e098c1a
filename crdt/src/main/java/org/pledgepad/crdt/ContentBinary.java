package org.pledgepad.crdt;

// Follows yjs/src/structs/ContentBinary.js (yjs 13.6.33).

import java.util.Collections;
import java.util.List;

/** One Uint8Array value; never split or merged. */
public final class ContentBinary implements AbstractContent {
  public final byte[] content;

  public ContentBinary(byte[] content) {
    this.content = content;
  }

  @Override public long getLength() { return 1; }
  @Override public List<Object> getContent() { return Collections.singletonList(content); }
  @Override public boolean isCountable() { return true; }
  @Override public AbstractContent copy() { return new ContentBinary(content); }
  @Override public AbstractContent splice(long offset) { throw new UnsupportedOperationException(); }
  @Override public boolean mergeWith(AbstractContent right) { return false; }
  @Override public void integrate(Transaction transaction, Item item) {}
  @Override public void delete(Transaction transaction) {}
  @Override public void gc(StructStore store) {}
  @Override public void write(UpdateEncoder encoder, long offset) { encoder.writeBuf(content); }
  @Override public int getRef() { return 3; }

  public static ContentBinary readContentBinary(UpdateDecoder decoder) {
    return new ContentBinary(decoder.readBuf());
  }
}
