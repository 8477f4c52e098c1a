package org.pledgepad.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.pledgepad.crdt.AbstractType;
import org.pledgepad.crdt.ContentEmbed;
import org.pledgepad.crdt.ContentFormat;
import org.pledgepad.crdt.ContentString;
import org.pledgepad.crdt.ContentType;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.Item;
import org.pledgepad.crdt.UpdateHandler;
import org.pledgepad.crdt.YText;
import org.pledgepad.crdt.YXmlElement;
import org.pledgepad.crdt.YXmlFragment;
import org.pledgepad.crdt.YXmlText;

/**
 * Restores an old version by making new edits, never by rewinding: the current document is
 * changed into the old content with ordinary CRDT operations in one transaction, so people still
 * typing converge with the restore and keep their concurrent edits.
 *
 * <p>Old and current version are aligned by CRDT identity, not by comparing strings: blocks and
 * characters that are the same items in both stay; what exists only now is deleted; what was
 * deleted since is inserted again where it stood (blocks as copies, text with its formatting);
 * changed attributes and formatting are set back. So only what differs is touched, and a
 * colleague typing in a paragraph the restore changes keeps their words.
 */
public final class Restorer {
  private Restorer() {}

  /**
   * Edits {@code current} so that its "default" content equals {@code target}'s and returns the
   * update (v1) of that transaction, to be logged and broadcast like any other; an empty array
   * when nothing differed. {@code target} should be a version of the same document (e.g. from
   * {@link VersionReader}); for foreign content everything is replaced.
   *
   * @param origin the transaction origin (lets the server's own observers recognise the restore)
   */
  public static byte[] restore(Doc current, Doc target, ContentKind kind, Object origin) {
    byte[][] captured = new byte[1][];
    UpdateHandler h = (update, o, doc, tr) -> captured[0] = update;
    current.onUpdate(h);
    try {
      current.transact(tr -> {
        if (kind == ContentKind.TEXT) {
          restoreText(current.getText(ContentKind.ROOT), target.getText(ContentKind.ROOT));
        } else {
          restoreChildren(current.getXmlFragment(ContentKind.ROOT), target.getXmlFragment(ContentKind.ROOT));
        }
      }, origin);
    } finally {
      current.offUpdate(h);
    }
    return captured[0] == null ? new byte[0] : captured[0];
  }

  static void restoreText(YText text, YText target) {
    TextProjection have = TextProjection.ofText(text);
    TextProjection want = TextProjection.ofText(target);
    List<Map<String, Object>> haveAttrs = attributes(text);
    List<Map<String, Object>> wantAttrs = attributes(target);
    int at = 0;
    for (TextDiff.Part p : Alignment.align(want, have)) {
      switch (p.kind()) {
        case EQUAL -> {
          int len = p.oldTo() - p.oldFrom();
          reformat(text, at, len, haveAttrs.subList(p.newFrom(), p.newTo()), wantAttrs.subList(p.oldFrom(), p.oldTo()));
          at += len;
        }
        case INSERT -> text.delete(at, p.newTo() - p.newFrom()); // present now, not in the version
        case DELETE -> at = reinsert(text, at, want, wantAttrs, p.oldFrom(), p.oldTo());
      }
    }
  }

  /** Types the version's units [from, to) in again at {@code at}, run by run of equal formatting. */
  private static int reinsert(YText text, int at, TextProjection want, List<Map<String, Object>> attrs, int from, int to) {
    int runStart = from;
    for (int k = from; k <= to; k++) {
      boolean boundary = k == to || want.embeds.containsKey(k) || want.embeds.containsKey(runStart)
          || !Objects.equals(attrs.get(k), attrs.get(runStart));
      if (!boundary || k == runStart) {
        continue;
      }
      // Explicit attributes (possibly none): without them Yjs would inherit the left neighbour's.
      Map<String, Object> a = new HashMap<>(attrs.get(runStart));
      Object embed = want.embeds.get(runStart);
      if (embed != null) {
        text.insertEmbed(at, embed, a);
      } else {
        text.insert(at, want.text.substring(runStart, k), a);
      }
      at += k - runStart;
      runStart = k;
    }
    return at;
  }

  /** Sets formatting back where a kept character's formatting changed since the version. */
  private static void reformat(YText text, int at, int len, List<Map<String, Object>> have, List<Map<String, Object>> want) {
    int k = 0;
    while (k < len) {
      Map<String, Object> diff = attrDiff(have.get(k), want.get(k));
      int e = k + 1;
      while (e < len && attrDiff(have.get(e), want.get(e)).equals(diff)) {
        e++;
      }
      if (!diff.isEmpty()) {
        text.format(at + k, e - k, diff);
      }
      k = e;
    }
  }

  private static Map<String, Object> attrDiff(Map<String, Object> have, Map<String, Object> want) {
    Map<String, Object> d = new LinkedHashMap<>();
    want.forEach((key, v) -> {
      if (!YText.equalAttrs(have.get(key), v)) {
        d.put(key, v);
      }
    });
    have.keySet().forEach(key -> {
      if (!want.containsKey(key)) {
        d.put(key, null);
      }
    });
    return d;
  }

  /** The formatting in force at each unit of {@link TextProjection#ofText}, in the same order. */
  static List<Map<String, Object>> attributes(YText t) {
    List<Map<String, Object>> out = new ArrayList<>();
    Map<String, Object> current = Map.of();
    for (Item n = t._start; n != null; n = n.right) {
      if (n.deleted()) {
        continue;
      }
      if (n.content instanceof ContentFormat f) {
        Map<String, Object> next = new LinkedHashMap<>(current);
        if (f.value == null) {
          next.remove(f.key);
        } else {
          next.put(f.key, f.value);
        }
        current = next;
      } else if (n.content instanceof ContentString cs) {
        for (int i = 0; i < cs.str.length(); i++) {
          out.add(current);
        }
      } else if (n.content instanceof ContentEmbed) {
        out.add(current);
      }
    }
    return out;
  }

  /** Aligns two child lists by item identity; see the class comment. */
  static void restoreChildren(YXmlFragment parent, YXmlFragment target) {
    List<Item> have = children(parent);
    List<Item> want = children(target);
    IdSet haveIds = new IdSet(have.size());
    have.forEach(n -> haveIds.add(n.client, n.clock));
    IdSet wantIds = new IdSet(want.size());
    want.forEach(n -> wantIds.add(n.client, n.clock));
    int at = 0;
    int i = 0;
    int j = 0;
    while (i < want.size() || j < have.size()) {
      while (j < have.size() && !wantIds.contains(have.get(j).client, have.get(j).clock)) {
        parent.delete(at, 1);
        j++;
      }
      List<Object> copies = new ArrayList<>();
      while (i < want.size() && !haveIds.contains(want.get(i).client, want.get(i).clock)) {
        copies.add(copy(type(want.get(i))));
        i++;
      }
      if (!copies.isEmpty()) {
        parent.insert(at, copies);
        at += copies.size();
      }
      if (i < want.size() && j < have.size()) {
        if (have.get(j).startsAt(want.get(i).client, want.get(i).clock)) {
          restoreNode(type(have.get(j)), type(want.get(i)));
          at++;
          i++;
          j++;
        } else {
          // Shared items in different orders cannot happen within one document; for foreign
          // input replace the rest rather than guess.
          parent.delete(at, have.size() - j);
          List<Object> rest = new ArrayList<>();
          for (; i < want.size(); i++) {
            rest.add(copy(type(want.get(i))));
          }
          parent.insert(at, rest);
          return;
        }
      }
    }
  }

  private static void restoreNode(AbstractType<?> have, AbstractType<?> want) {
    if (have instanceof YXmlText ht && want instanceof YXmlText wt) {
      restoreText(ht, wt);
    } else if (have instanceof YXmlElement he && want instanceof YXmlElement we) {
      Map<String, Object> wa = we.getAttributes();
      Map<String, Object> ha = he.getAttributes();
      wa.forEach((k, v) -> {
        if (!Objects.equals(ha.get(k), v)) {
          he.setAttribute(k, v);
        }
      });
      ha.keySet().forEach(k -> {
        if (!wa.containsKey(k)) {
          he.removeAttribute(k);
        }
      });
      restoreChildren(he, we);
    }
  }

  private static List<Item> children(YXmlFragment f) {
    List<Item> out = new ArrayList<>();
    for (Item n = f._start; n != null; n = n.right) {
      if (!n.deleted() && n.countable() && n.content instanceof ContentType) {
        out.add(n);
      }
    }
    return out;
  }

  private static AbstractType<?> type(Item n) {
    return ((ContentType) n.content).type;
  }

  private static Object copy(AbstractType<?> t) {
    if (t instanceof YXmlElement e) {
      return e.clone();
    }
    if (t instanceof YXmlText x) {
      return x.clone();
    }
    throw new IllegalArgumentException("cannot copy " + t.getClass().getSimpleName());
  }
}
