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
    try {
      for (AbstractStruct s : Updates.decodeUpdate(updateV1).structs) {
        if (s instanceof Item item && !redacted(item.content)) {
          return false;
        }
      }
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static boolean redacted(AbstractContent c) {
    if (c instanceof ContentString cs) {
      return cs.str.chars().allMatch(ch -> ch == PLACEHOLDER);
    }
    if (c instanceof ContentAny || c instanceof ContentJSON) {
      return c.getContent().stream().allMatch(java.util.Objects::isNull);
    }
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
    if (!(s instanceof Item item)) {
      return s;
    }
    AbstractContent c = redactContent(item.content);
    if (c == item.content) {
      return s;
    }
    return new Item(item.id(), null, item.origin(), null, item.rightOrigin(), item.parent, item.parentSub, c);
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
