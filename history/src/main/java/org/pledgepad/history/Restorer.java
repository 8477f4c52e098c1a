package org.pledgepad.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pledgepad.crdt.AbstractType;
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
 * typing converge with the restore and keep their concurrent edits. Only what differs is
 * touched (the characters that differ by CRDT identity for text, whole changed blocks for the
 * XML fragment), which keeps
 * concurrent edits elsewhere in the document out of harm's way.
 */
public final class Restorer {
  private Restorer() {}

  /**
   * Edits {@code current} so that its "default" content equals {@code target}'s and returns the
   * update (v1) of that transaction, to be logged and broadcast like any other; an empty array
   * when nothing differed.
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
          restoreText(current.getText(ContentKind.ROOT), current, target);
        } else {
          restoreBlocks(current.getXmlFragment(ContentKind.ROOT), target.getXmlFragment(ContentKind.ROOT));
        }
      }, origin);
    } finally {
      current.offUpdate(h);
    }
    return captured[0] == null ? new byte[0] : captured[0];
  }

  /**
   * Aligns the two versions on their CRDT ids: units visible now but not in the target are
   * deleted, units of the target deleted since are typed in again where they stood. When the
   * target shares no ids with the current document (not one of its versions) this degrades to
   * replacing everything, so callers restoring foreign text should diff strings instead.
   */
  static void restoreText(YText text, Doc current, Doc target) {
    TextProjection have = TextProjection.of(current, ContentKind.TEXT);
    TextProjection want = TextProjection.of(target, ContentKind.TEXT);
    int at = 0;
    for (TextDiff.Part p : Alignment.align(want, have)) {
      switch (p.kind()) {
        case EQUAL -> at += p.newTo() - p.newFrom();
        case INSERT -> text.delete(at, p.newTo() - p.newFrom()); // present now, not in the version
        case DELETE -> {
          int from = p.oldFrom();
          for (int k = p.oldFrom(); k <= p.oldTo(); k++) {
            Object embed = k < p.oldTo() ? want.embeds.get(k) : null;
            if (k == p.oldTo() || embed != null) {
              if (k > from) {
                text.insert(at, want.text.substring(from, k));
                at += k - from;
              }
              if (embed != null) {
                text.insertEmbed(at, embed);
                at++;
              }
              from = k + 1;
            }
          }
        }
      }
    }
  }

  /** Top-level blocks compared by their XML serialisation; changed ones replaced by copies. */
  static void restoreBlocks(YXmlFragment fragment, YXmlFragment want) {
    List<AbstractType<?>> have = blocks(fragment);
    List<AbstractType<?>> target = blocks(want);
    Map<String, Integer> interner = Tokens.newInterner();
    int[] a = keys(have, interner);
    int[] b = keys(target, interner);
    int at = 0;
    int tb = 0;
    for (Myers.Run r : Myers.diff(a, b)) {
      switch (r.op()) {
        case EQUAL -> {
          at += r.len();
          tb += r.len();
        }
        case DELETE -> fragment.delete(at, r.len());
        case INSERT -> {
          List<Object> copies = new ArrayList<>();
          for (int i = tb; i < tb + r.len(); i++) {
            copies.add(copy(target.get(i)));
          }
          fragment.insert(at, copies);
          at += r.len();
          tb += r.len();
        }
      }
    }
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

  private static List<AbstractType<?>> blocks(YXmlFragment f) {
    List<AbstractType<?>> out = new ArrayList<>();
    for (Item n = f._start; n != null; n = n.right) {
      if (!n.deleted() && n.content instanceof ContentType ct && n.countable()) {
        out.add(ct.type);
      }
    }
    return out;
  }

  private static int[] keys(List<AbstractType<?>> blocks, Map<String, Integer> interner) {
    int[] out = new int[blocks.size()];
    for (int i = 0; i < out.length; i++) {
      AbstractType<?> t = blocks.get(i);
      String key = (t instanceof YXmlElement e ? "E" + e.nodeName + ":" : "T:") + t;
      out[i] = interner.computeIfAbsent(key, k -> interner.size());
    }
    return out;
  }
}
