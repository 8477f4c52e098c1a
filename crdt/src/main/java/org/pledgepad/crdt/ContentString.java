package org.pledgepad.crdt;

// Follows yjs/src/structs/ContentString.js (yjs 13.6.33).

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import org.pledgepad.crdt.lib0.OneCharStrings;

/**
 * A run of text; its length is in UTF-16 code units, as Java strings and JavaScript count.
 *
 * <p>Decoded one-character runs below U+0800 (a keystroke typed somewhere else than right after
 * the typist's own previous one) share one instance per character ({@link #of}): a document keeps
 * them for its lifetime. A shared instance must never change, so an item about to split or merge
 * its content takes a copy first ({@link Item#ownContent}); splice and mergeWith refuse a shared
 * one, and nothing else may assign {@link #str}.
 */
public final class ContentString implements AbstractContent {
  private static final int SHARED_BELOW = 0x800;
  /**
   * Filled on first use. str is not final, so slots are read with acquire and written with
   * release: another thread never sees a shared instance before its str. Two threads may fill
   * the same slot; either instance is fine.
   */
  private static final ContentString[] SHARED = new ContentString[SHARED_BELOW];
  private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(ContentString[].class);

  public String str;
  private final boolean shared;

  public ContentString(String str) {
    this(str, false);
  }

  private ContentString(String str, boolean shared) {
    this.str = str;
    this.shared = shared;
  }

  /** A content of str that nobody will change: the shared instance where there is one. */
  public static ContentString of(String str) {
    if (str.length() != 1 || str.charAt(0) >= SHARED_BELOW) {
      return new ContentString(str);
    }
    char c = str.charAt(0);
    ContentString shared = (ContentString) SLOTS.getAcquire(SHARED, (int) c);
    if (shared == null) {
      shared = new ContentString(OneCharStrings.of(c), true);
      SLOTS.setRelease(SHARED, (int) c, shared);
    }
    return shared;
  }

  /** Whether this instance is shared by several items (and so must not be changed). */
  public boolean shared() {
    return shared;
  }

  private void checkOwned() {
    if (shared) {
      throw new IllegalStateException("a shared ContentString must be copied before it changes");
    }
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
    checkOwned();
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
    checkOwned();
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
    return of(decoder.readString());
  }
}
