package org.pledgepad.crdt;

// Follows yjs/src/structs/ContentJSON.js (yjs 13.6.33).

import java.util.ArrayList;
import java.util.List;
import org.pledgepad.crdt.lib0.Decoder;
import org.pledgepad.crdt.lib0.Json;
import org.pledgepad.crdt.lib0.Undefined;

/** Legacy JSON array content (Yjs < 13 wrote it); still decoded and re-encoded verbatim. */
public final class ContentJSON implements AbstractContent {
  public List<Object> arr;

  public ContentJSON(List<Object> arr) {
    this.arr = arr;
  }

  @Override public long getLength() { return arr.size(); }
  @Override public List<Object> getContent() { return arr; }
  @Override public boolean isCountable() { return true; }
  @Override public AbstractContent copy() { return new ContentJSON(arr); }

  @Override
  public AbstractContent splice(long offset) {
    int o = (int) offset;
    ContentJSON right = new ContentJSON(new ArrayList<>(arr.subList(o, arr.size())));
    arr = new ArrayList<>(arr.subList(0, o));
    return right;
  }

  @Override
  public boolean mergeWith(AbstractContent right) {
    List<Object> n = new ArrayList<>(arr.size() + ((ContentJSON) right).arr.size());
    n.addAll(arr);
    n.addAll(((ContentJSON) right).arr);
    arr = n;
    return true;
  }

  @Override public void integrate(Transaction transaction, Item item) {}
  @Override public void delete(Transaction transaction) {}
  @Override public void gc(StructStore store) {}

  @Override
  public void write(UpdateEncoder encoder, long offset) {
    int len = arr.size();
    encoder.writeLen(len - offset);
    for (int i = (int) offset; i < len; i++) {
      Object c = arr.get(i);
      encoder.writeString(c == Undefined.INSTANCE ? "undefined" : Json.stringify(c));
    }
  }

  @Override public int getRef() { return 2; }

  public static ContentJSON readContentJSON(UpdateDecoder decoder) {
    long len = decoder.readLen();
    List<Object> cs = new ArrayList<>((int) Math.min(len, Decoder.PRESIZE_CAP));
    for (long i = 0; i < len; i++) {
      String c = decoder.readString();
      cs.add("undefined".equals(c) ? Undefined.INSTANCE : Json.parse(c));
    }
    return new ContentJSON(cs);
  }
}
