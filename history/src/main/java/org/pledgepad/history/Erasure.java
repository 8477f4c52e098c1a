package org.pledgepad.history;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.pledgepad.crdt.AbstractStruct;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.Item;
import org.pledgepad.crdt.Y;

/**
 * Which of a person's log rows can lose their content (GDPR Art. 17) without changing the
 * document as it stands, and the snapshots to rebuild afterwards (history/README.md, "Erasure
 * policy"). A row "stands" while any item it inserted (a character, an element, an attribute or
 * mark) is still present, not deleted, in the document at the newest row: that text belongs to
 * the shared document others have built on. Every other row of the person — text later deleted,
 * formatting since replaced, pure deletions — is redacted ({@link LogRow#eraseRedacted()}).
 * Because a deletion in a CRDT is final, a row that does not stand now never stands again, so
 * the plan stays right while others keep editing.
 */
public final class Erasure {
  private Erasure() {}

  /** Seqs of the rows that inserted something still present after the last of {@code rows}. */
  public static Set<Long> standingRows(List<LogRow> rows) {
    Doc doc = new Doc();
    ClockIndex index = new ClockIndex();
    for (LogRow r : rows) {
      index.add(r);
      if (r.update() != null) {
        Y.applyUpdate(doc, r.update());
      }
    }
    Set<Long> standing = new HashSet<>();
    doc.store.clients.forEach((client, structs) -> {
      for (AbstractStruct s : structs) {
        if (s instanceof Item item && !item.deleted()) {
          index.rowsInserting(client, item.clock, item.clock + item.length, standing);
        }
      }
    });
    return standing;
  }

  /** The rows of {@code actor} that do not stand and still carry content, in seq order. */
  public static List<LogRow> redactable(List<LogRow> rows, String actor) {
    return redactable(rows, r -> r.actor().equals(actor));
  }

  /**
   * As {@link #redactable(List, String)} for the rows {@code theirs} attributes to the person
   * (the server also counts accepted suggestions, logged under the accepting editor, as the
   * suggester's words).
   */
  public static List<LogRow> redactable(List<LogRow> rows, java.util.function.Predicate<LogRow> theirs) {
    Set<Long> standing = standingRows(rows);
    List<LogRow> out = new ArrayList<>();
    for (LogRow r : rows) {
      if (theirs.test(r) && !r.erased() && !standing.contains(r.seq())) {
        out.add(r);
      }
    }
    return out;
  }

  /**
   * The document state (v1 update) after each of {@code seqs}, replaying {@code rows} (already
   * redacted) from the empty document: what the store must hold as snapshots at those seqs so
   * that no snapshot keeps erased content and the verifier's replay matches them.
   */
  public static List<StoredSnapshot> rebuildSnapshots(List<LogRow> rows, Collection<Long> seqs) {
    TreeSet<Long> wanted = new TreeSet<>(seqs);
    List<StoredSnapshot> out = new ArrayList<>();
    Doc doc = new Doc();
    if (wanted.remove(0L)) {
      out.add(new StoredSnapshot(0, Y.encodeStateAsUpdate(doc)));
    }
    for (LogRow r : rows) {
      if (wanted.isEmpty()) {
        break;
      }
      if (r.update() != null) {
        Y.applyUpdate(doc, r.update());
      }
      if (wanted.remove(r.seq())) {
        out.add(new StoredSnapshot(r.seq(), Y.encodeStateAsUpdate(doc)));
      }
    }
    return out;
  }
}
