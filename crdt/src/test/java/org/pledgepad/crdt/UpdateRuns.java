package org.pledgepad.crdt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A document state with its runs coalesced: two structs of one client with consecutive clocks,
 * the second continuing the first (origin = the first's last clock, same right origin, same
 * kind of content) are one run. Yjs merges such structs only at the end of the transaction that
 * brought them, so the same document can be encoded in different chunks depending on which
 * updates brought its structs; this form tells states apart by content, ids, origins and
 * deletions only.
 */
final class UpdateRuns {
  private UpdateRuns() {}

  static String of(byte[] state) {
    Updates.DecodedUpdate d = Y.decodeUpdate(state);
    List<String> runs = new ArrayList<>();
    AbstractStruct prev = null;
    StringBuilder content = new StringBuilder();
    long length = 0;
    for (AbstractStruct s : d.structs) {
      if (prev != null && continues(prev, length, s)) {
        content.append(contentOf(s));
        length += s.length;
        continue;
      }
      if (prev != null) {
        runs.add(head(prev) + " len=" + length + " " + content);
      }
      prev = s;
      length = s.length;
      content = new StringBuilder(contentOf(s));
    }
    if (prev != null) {
      runs.add(head(prev) + " len=" + length + " " + content);
    }
    Map<Long, String> ds = new TreeMap<>();
    d.ds.clients.forEach((client, ranges) -> {
      StringBuilder b = new StringBuilder();
      ranges.forEach(r -> b.append(r.clock).append('+').append(r.len).append(' '));
      ds.put(client, b.toString());
    });
    return String.join("\n", runs) + "\nDS " + ds;
  }

  private static boolean continues(AbstractStruct first, long runLength, AbstractStruct next) {
    if (first.client != next.client || first.clock + runLength != next.clock) {
      return false;
    }
    if (first instanceof GC && next instanceof GC) {
      return true;
    }
    if (!(first instanceof Item a) || !(next instanceof Item b) || a.content.getClass() != b.content.getClass()
        || a.content instanceof ContentFormat || a.content instanceof ContentType
        || a.content instanceof ContentEmbed || a.content instanceof ContentBinary || a.content instanceof ContentDoc) {
      return false;
    }
    return Objects.equals(b.origin(), new ID(a.client, a.clock + runLength - 1))
        && Objects.equals(a.rightOrigin(), b.rightOrigin());
  }

  private static String head(AbstractStruct s) {
    if (!(s instanceof Item i)) {
      return s.getClass().getSimpleName() + " " + s.id();
    }
    return "Item " + i.id() + " o=" + i.origin() + " ro=" + i.rightOrigin() + " p=" + (i.origin() == null && i.rightOrigin() == null ? i.parent : "")
        + " sub=" + i.parentSub + " " + i.content.getClass().getSimpleName();
  }

  private static String contentOf(AbstractStruct s) {
    if (!(s instanceof Item i) || i.content instanceof ContentDeleted) {
      return "";
    }
    if (i.content instanceof ContentString str) {
      return str.str;
    }
    StringBuilder b = new StringBuilder();
    i.content.getContent().forEach(e -> b.append(e).append('|'));
    return b.toString();
  }
}
