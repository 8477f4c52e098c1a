package org.pledgepad.crdt;

// Follows yjs/src/structs/ContentEmbed.js (yjs 13.6.33).

import java.util.Collections;
import java.util.List;
import org.pledgepad.crdt.lib0.DecodingException;
import org.pledgepad.crdt.lib0.Undefined;

/** A rich-text embed (image, mention …): one JSON value occupying one text position. */
public final class ContentEmbed implements AbstractContent {
  public final Object embed;

  public ContentEmbed(Object embed) {
    this.embed = embed;
  }

  @Override public long getLength() { return 1; }
  @Override public List<Object> getContent() { return Collections.singletonList(embed); }
  @Override public boolean isCountable() { return true; }
  @Override public AbstractContent copy() { return new ContentEmbed(embed); }
  @Override public AbstractContent splice(long offset) { throw new UnsupportedOperationException(); }
  @Override public boolean mergeWith(AbstractContent right) { return false; }
  @Override public void integrate(Transaction transaction, Item item) {}
  @Override public void delete(Transaction transaction) {}
  @Override public void gc(StructStore store) {}
  @Override public void write(UpdateEncoder encoder, long offset) { encoder.writeJSON(embed); }
  @Override public int getRef() { return 5; }

  public static ContentEmbed readContentEmbed(UpdateDecoder decoder) {
    Object embed = decoder.readJSON();
    if (embed == Undefined.INSTANCE) {
      // only v2 can carry it, and no v1 encoder (Yjs's neither) could write it again
      throw new DecodingException("embed undefined");
    }
    return new ContentEmbed(embed);
  }
}
