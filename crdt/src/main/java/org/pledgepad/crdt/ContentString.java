package org.pledgepad.crdt;

// Follows yjs/src/structs/ContentString.js (yjs 13.6.33).

import java.util.ArrayList;
import java.util.List;
import org.pledgepad.crdt.lib0.OneCharStrings;

/** A run of text; its length is in UTF-16 code units, as Java strings and JavaScript count. */
public final class ContentString implements AbstractContent {
  public String str;

  public ContentString(String str) {
    this.str = str;
  }

  @Override public long getLength() { return str.length(); }

  @Override
  public List<Object> getContent() {
    List<Object> l = new ArrayList<>(str.length());
    for (int i = 0; i < str.length(); i++) {
      l.add(OneCharStrings.of(str.charAt(i)));
    }
    return l;
  }

  @Override public boolean isCountable() { return true; }
  @Override public AbstractContent copy() { return new ContentString(str); }

  @Override
  public AbstractContent splice(long offset) {
    int o = (int) offset;
    ContentString right = new ContentString(str.substring(o));
    str = str.substring(0, o);
    // A split inside a surrogate pair would encode lone surrogates (invalid UTF-8); Yjs replaces
    // both halves with U+FFFD and we must produce the same bytes.
    char first = str.charAt(o - 1);
    if (first >= 0xD800 && first <= 0xDBFF) {
      str = str.substring(0, o - 1) + '\uFFFD';
      right.str = '\uFFFD' + right.str.substring(1);
    }
    str = OneCharStrings.shared(str);
    right.str = OneCharStrings.shared(right.str);
    return right;
  }

  @Override
  public boolean mergeWith(AbstractContent right) {
    str = str.concat(((ContentString) right).str);
    return true;
  }

  @Override public void integrate(Transaction transaction, Item item) {}
  @Override public void delete(Transaction transaction) {}
  @Override public void gc(StructStore store) {}

  @Override
  public void write(UpdateEncoder encoder, long offset) {
    encoder.writeString(offset == 0 ? str : str.substring((int) offset));
  }

  @Override public int getRef() { return 4; }

  public static ContentString readContentString(UpdateDecoder decoder) {
    return new ContentString(decoder.readString());
  }
}
