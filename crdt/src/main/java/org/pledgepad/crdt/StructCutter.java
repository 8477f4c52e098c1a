package org.pledgepad.crdt;

// Not in Yjs 13.6.33: cuts items the way Yjs's diffUpdate writes them from an offset.

import java.util.Collections;

/**
 * Cuts one item in two at a clock offset so that the head encodes in a given number of bytes:
 * text by UTF-16 units (never inside a surrogate pair), plain values and legacy JSON by
 * element. The head keeps the item's id, origins and parent; the tail starts {@code k} clocks
 * later with the head's last clock as its origin and the same right origin, which is how Yjs
 * encodes an item written from an offset. Nothing else is cut: other content has length 1, and
 * garbage-collected runs, deleted content and skips encode in a few bytes whatever their length.
 */
final class StructCutter {
  private StructCutter() {}

  /**
   * {head, tail}, the head encoding in at most {@code avail} bytes; null when no non-empty head
   * fits or the struct cannot be cut.
   *
   * @param encodedLength the struct's whole encoded size
   */
  static AbstractStruct[] cut(AbstractStruct s, int encodedLength, long avail) {
    if (!(s instanceof Item item) || item.length < 2) {
      return null;
    }
    AbstractContent c = item.content;
    if (!(c instanceof ContentString || c instanceof ContentAny || c instanceof ContentJSON)) {
      return null;
    }
    long header = encodedLength - contentSize(c);
    long k = fittingPrefix(c, avail - header);
    while (k >= 1) {
      AbstractStruct[] pieces = cutAt(item, k);
      if (UpdatePartWriter.encode(pieces[0]).length <= avail) {
        return pieces;
      }
      // The estimate is an upper bound, so this is not expected; shrink rather than overflow.
      k = c instanceof ContentString str ? safeCut(str.str, k - Math.max(1, k / 8)) : k - Math.max(1, k / 8);
    }
    return null;
  }

  private static AbstractStruct[] cutAt(Item item, long k) {
    AbstractContent head = item.content.copy();
    AbstractContent tail = head.splice(k);
    ID id = item.id();
    return new AbstractStruct[] {
      new Item(id, null, item.origin(), null, item.rightOrigin(), item.parent, item.parentSub, head),
      new Item(new ID(id.client, id.clock + k), null, new ID(id.client, id.clock + k - 1), null,
          item.rightOrigin(), item.parent, item.parentSub, tail)
    };
  }

  /** The largest k below the content's length whose first k units encode in {@code budget} bytes. */
  private static long fittingPrefix(AbstractContent c, long budget) {
    long bytes = 0;
    int n = (int) c.getLength();
    int k = 0;
    while (k < n - 1) {
      long w = unitSize(c, k);
      if (bytes + w + UpdatePartWriter.varUintSize(k + 1 + bytes + w) > budget) {
        break;
      }
      bytes += w;
      k++;
    }
    return c instanceof ContentString str ? safeCut(str.str, k) : k;
  }

  /**
   * An upper bound of the bytes unit {@code i} adds: UTF-8 of a UTF-16 unit (3 for each half of
   * a surrogate pair, which takes 4 together), or one encoded element.
   */
  private static long unitSize(AbstractContent c, int i) {
    if (c instanceof ContentString str) {
      char ch = str.str.charAt(i);
      return ch < 0x80 ? 1 : ch < 0x800 ? 2 : 3;
    }
    AbstractContent one = c instanceof ContentAny any
        ? new ContentAny(Collections.singletonList(any.arr.get(i)))
        : new ContentJSON(Collections.singletonList(((ContentJSON) c).arr.get(i)));
    return contentSize(one) - 1; // without its element count (1, one byte)
  }

  /** Moves a cut that would leave a high surrogate at the end of the head one unit back. */
  private static long safeCut(String s, long k) {
    return k >= 1 && Character.isHighSurrogate(s.charAt((int) k - 1)) ? k - 1 : k;
  }

  private static long contentSize(AbstractContent c) {
    UpdateEncoderV1 e = new UpdateEncoderV1();
    c.write(e, 0);
    return e.toUint8Array().length;
  }
}
