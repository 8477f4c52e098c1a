package org.pledgepad.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.pledgepad.crdt.AbstractContent;
import org.pledgepad.crdt.AbstractStruct;
import org.pledgepad.crdt.ContentAny;
import org.pledgepad.crdt.ContentBinary;
import org.pledgepad.crdt.ContentEmbed;
import org.pledgepad.crdt.ContentFormat;
import org.pledgepad.crdt.ContentJSON;
import org.pledgepad.crdt.ContentString;
import org.pledgepad.crdt.Item;
import org.pledgepad.crdt.Updates;

/**
 * Erasing content without breaking the document: a redacted update has the same structs (ids,
 * lengths, origins, parents, types, element names) as the original, but every character is a
 * placeholder and every value is emptied. Later rows that insert next to the erased text or
 * delete it still integrate, so the history stays readable and verifiable after an Art. 17
 * erasure; the original bytes and their salt are gone, only the commitment remains.
 */
public final class Redaction {
  /** U+2588 FULL BLOCK: visibly "something was here", one UTF-16 unit like every BMP char. */
  public static final char PLACEHOLDER = '\u2588';

  private Redaction() {}

  public static byte[] redact(byte[] updateV1) {
    return Updates.convertUpdateFormat(updateV1, Redaction::redactStruct, false, false);
  }

  /**
   * True if {@code updateV1} holds nothing but what {@link #redact} leaves: placeholder
   * characters, emptied values, kept structure. A stand-in whose salt is gone cannot be checked
   * against its commitment, so this is what stops text from being put back under the erasure's
   * name. False for an update that cannot be decoded.
   */
  public static boolean onlyMarks(byte[] updateV1) {
    List<long[]> held = contentUnits(updateV1);
    return held != null && held.isEmpty();
  }

  /**
   * The units of {@code updateV1} that hold more than a redaction mark, as runs {client, first
   * clock, length} in the update's order; null for an update that cannot be decoded. Empty for
   * a whole stand-in; for a partial one ({@link #redactExcept}) the units it kept.
   */
  static List<long[]> contentUnits(byte[] updateV1) {
    List<long[]> out = new ArrayList<>();
    try {
      for (AbstractStruct s : Updates.decodeUpdate(updateV1).structs) {
        if (s instanceof Item item) {
          for (int i = 0; i < item.length; i++) {
            if (!redacted(item.content, i)) {
              long[] last = out.isEmpty() ? null : out.get(out.size() - 1);
              if (last != null && last[0] == item.client && last[1] + last[2] == item.clock + i) {
                last[2]++;
              } else {
                out.add(new long[] {item.client, item.clock + i, 1});
              }
            }
          }
        }
      }
      return out;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * The stand-in of a row that still stands in part (history/README.md, "Partial redaction"):
   * as {@link #redact}, unit by unit, except that the units {@code keep} names keep their
   * content. No struct is split, so ids, lengths and origins are the original's. Null when every
   * unit is kept (nothing to redact).
   */
  static byte[] redactExcept(byte[] updateV1, IdSet keep) {
    boolean[] changed = {false};
    byte[] out = Updates.convertUpdateFormat(updateV1, s -> {
      AbstractStruct r = redactStruct(s, keep);
      changed[0] |= r != s;
      return r;
    }, false, false);
    return changed[0] ? out : null;
  }

  /** Whether unit {@code i} of {@code c} is a redaction mark (types and deletions count as marks). */
  private static boolean redacted(AbstractContent c, int i) {
    if (c instanceof ContentString cs) {
      return cs.str.charAt(i) == PLACEHOLDER;
    }
    if (c instanceof ContentAny || c instanceof ContentJSON) {
      return c.getContent().get(i) == null;
    }
    return redacted(c);
  }

  private static boolean redacted(AbstractContent c) {
    if (c instanceof ContentEmbed e) {
      return e.embed instanceof Map<?, ?> m && m.isEmpty();
    }
    if (c instanceof ContentBinary b) {
      return b.content.length == 0;
    }
    if (c instanceof ContentFormat f) {
      return f.value == null || Boolean.TRUE.equals(f.value) || f.value instanceof Map<?, ?> m && m.isEmpty();
    }
    // Types (with their element names), deletions and subdocument references are kept as they are.
    return true;
  }

  private static AbstractStruct redactStruct(AbstractStruct s) {
    return redactStruct(s, null);
  }

  /** {@code keep}: units whose content stays (null: none). */
  private static AbstractStruct redactStruct(AbstractStruct s, IdSet keep) {
    if (!(s instanceof Item item)) {
      return s;
    }
    AbstractContent c = keep == null ? redactContent(item.content) : redactUnits(item, keep);
    if (c == item.content) {
      return s;
    }
    return new Item(item.id(), null, item.origin(), null, item.rightOrigin(), item.parent, item.parentSub, c);
  }

  /** The content with every unit not in {@code keep} redacted; the same object if none is. */
  private static AbstractContent redactUnits(Item item, IdSet keep) {
    AbstractContent c = item.content;
    int kept = 0;
    for (int i = 0; i < item.length; i++) {
      kept += keep.contains(item.client, item.clock + i) ? 1 : 0;
    }
    if (kept == 0) {
      return redactContent(c);
    }
    if (kept == item.length) {
      return c;
    }
    // Only strings and arrays have more than one unit.
    if (c instanceof ContentString cs) {
      StringBuilder b = new StringBuilder(cs.str.length());
      for (int i = 0; i < cs.str.length(); i++) {
        b.append(keep.contains(item.client, item.clock + i) ? cs.str.charAt(i) : PLACEHOLDER);
      }
      return new ContentString(b.toString());
    }
    if (c instanceof ContentAny || c instanceof ContentJSON) {
      List<Object> values = new ArrayList<>(c.getContent());
      for (int i = 0; i < values.size(); i++) {
        if (!keep.contains(item.client, item.clock + i)) {
          values.set(i, null);
        }
      }
      return c instanceof ContentAny ? new ContentAny(values) : new ContentJSON(values);
    }
    return c; // deleted content and types: nothing to redact
  }

  private static AbstractContent redactContent(AbstractContent c) {
    if (c instanceof ContentString cs) {
      // Same UTF-16 length keeps every clock (and so every later reference) valid.
      return new ContentString(String.valueOf(PLACEHOLDER).repeat(cs.str.length()));
    }
    if (c instanceof ContentAny a) {
      return new ContentAny(nulls(a.getContent().size()));
    }
    if (c instanceof ContentJSON j) {
      return new ContentJSON(nulls(j.getContent().size()));
    }
    if (c instanceof ContentEmbed) {
      return new ContentEmbed(Map.of());
    }
    if (c instanceof ContentBinary) {
      return new ContentBinary(new byte[0]);
    }
    if (c instanceof ContentFormat f && f.value != null) {
      // Keep "formatted" (a link stays a link) but drop attribute values such as an href.
      return new ContentFormat(f.key, f.value instanceof Map<?, ?> ? Map.of() : Boolean.TRUE);
    }
    return c;
  }

  private static List<Object> nulls(int n) {
    return new ArrayList<>(Collections.nCopies(n, null));
  }
}
