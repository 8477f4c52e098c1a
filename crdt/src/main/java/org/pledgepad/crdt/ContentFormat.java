package org.pledgepad.crdt;

// Follows yjs/src/structs/ContentFormat.js (yjs 13.6.33).

import java.util.Collections;
import java.util.List;
import org.pledgepad.crdt.lib0.DecodingException;
import org.pledgepad.crdt.lib0.Undefined;

/** A formatting marker in rich text: from here on, attribute key has value (null ends it). */
public final class ContentFormat implements AbstractContent {
  public final String key;
  public final Object value;

  public ContentFormat(String key, Object value) {
    this.key = key;
    this.value = value;
  }

  @Override public long getLength() { return 1; }
  @Override public List<Object> getContent() { return Collections.emptyList(); }
  @Override public boolean isCountable() { return false; }
  @Override public AbstractContent copy() { return new ContentFormat(key, value); }
  @Override public AbstractContent splice(long offset) { throw new UnsupportedOperationException(); }
  @Override public boolean mergeWith(AbstractContent right) { return false; }

  @Override
  public void integrate(Transaction transaction, Item item) {
    // search markers do not account for formats, so rich text stops using them
    AbstractType<?> p = (AbstractType<?>) item.parent;
    p._searchMarker = null;
    if (p instanceof YText) {
      ((YText) p)._hasFormatting = true;
    }
  }

  @Override public void delete(Transaction transaction) {}
  @Override public void gc(StructStore store) {}

  @Override
  public void write(UpdateEncoder encoder, long offset) {
    encoder.writeKey(key);
    encoder.writeJSON(value);
  }

  @Override public int getRef() { return 6; }

  public static ContentFormat readContentFormat(UpdateDecoder decoder) {
    String key = decoder.readKey();
    Object value = decoder.readJSON();
    if (value == Undefined.INSTANCE) {
      // only v2 can carry it, and no v1 encoder (Yjs's neither) could write it again
      throw new DecodingException("format value undefined");
    }
    return new ContentFormat(key, value);
  }
}
