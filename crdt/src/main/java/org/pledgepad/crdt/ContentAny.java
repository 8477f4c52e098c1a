package org.pledgepad.crdt;

// Follows yjs/src/structs/ContentAny.js (yjs 13.6.33).

import java.util.ArrayList;
import java.util.List;
import org.pledgepad.crdt.lib0.Decoder;

/** A run of plain values (lib0 Any) inserted into an array or set on a map key. */
public final class ContentAny implements AbstractContent {
  public List<Object> arr;

  public ContentAny(List<Object> arr) {
    this.arr = arr;
  }

  @Override public long getLength() { return arr.size(); }
  @Override public List<Object> getContent() { return arr; }
  @Override public boolean isCountable() { return true; }
  @Override public AbstractContent copy() { return new ContentAny(arr); }

  @Override
  public AbstractContent splice(long offset) {
    int o = (int) offset;
    ContentAny right = new ContentAny(new ArrayList<>(arr.subList(o, arr.size())));
    arr = new ArrayList<>(arr.subList(0, o));
    return right;
  }

  @Override
  public boolean mergeWith(AbstractContent right) {
    List<Object> n = new ArrayList<>(arr.size() + ((ContentAny) right).arr.size());
    n.addAll(arr);
    n.addAll(((ContentAny) right).arr);
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
      encoder.writeAny(arr.get(i));
    }
  }

  @Override public int getRef() { return 8; }

  public static ContentAny readContentAny(UpdateDecoder decoder) {
    long len = decoder.readLen();
    List<Object> cs = new ArrayList<>((int) Math.min(len, Decoder.PRESIZE_CAP));
    for (long i = 0; i < len; i++) {
      cs.add(decoder.readAny());
    }
    return new ContentAny(cs);
  }
}
