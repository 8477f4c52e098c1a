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
 * A row that stands in part loses the units that do not ({@link #plan}, history/README.md,
 * "Partial redaction"). Because a deletion in a CRDT is final, what does not stand now never
 * stands again, so the plan stays right while others keep editing.
 */
public final class Erasure {
  private Erasure() {}

  /** Seqs of the rows that inserted something still present after the last of {@code rows}. */
  public static Set<Long> standingRows(List<LogRow> rows) {
    ClockIndex index = new ClockIndex();
    return standingRows(replay(rows, index), index);
  }

  /** The document after {@code rows}, adding each row to {@code index} on the way. */
  private static Doc replay(List<LogRow> rows, ClockIndex index) {
    Doc doc = new Doc();
    for (LogRow r : rows) {
      index.add(r);
      if (r.update() != null) {
        Y.applyUpdate(doc, r.update());
      }
    }
    return doc;
  }

  private static Set<Long> standingRows(Doc doc, ClockIndex index) {
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
   * What one erasure run does to a document (history/README.md, "Partial redaction"): the rows as
   * they will be stored once erased, and the seq of the newest row the plan replayed, which the
   * erasure record names so that the verifier can check the units a partial stand-in kept.
   *
   * @param erased rows of the person in seq order, each as its stand-in: whole when nothing of
   *     the row stands, partial (the standing units kept) when some does; rows erased before
   *     whose stand-in still holds units that no longer stand are redacted again
   * @param partial how many of {@code erased} keep some content
   */
  public record Plan(long asOf, List<LogRow> erased, int partial) {}

  /** The plan for the rows {@code theirs} attributes to the person, against the head of {@code rows}. */
  public static Plan plan(List<LogRow> rows, java.util.function.Predicate<LogRow> theirs) {
    ClockIndex index = new ClockIndex();
    Doc doc = replay(rows, index);
    Set<Long> standingRows = standingRows(doc, index);
    IdSet standing = new IdSet(1024);
    doc.store.clients.forEach((client, structs) -> {
      for (AbstractStruct s : structs) {
        if (s instanceof Item item && !item.deleted()) {
          for (int i = 0; i < item.length; i++) {
            standing.add(client, item.clock + i);
          }
        }
      }
    });
    List<LogRow> out = new ArrayList<>();
    int partial = 0;
    for (LogRow r : rows) {
      if (!theirs.test(r) || r.update() == null) {
        continue;
      }
      if (!r.erased() && !standingRows.contains(r.seq())) {
        out.add(r.eraseRedacted()); // nothing of it stands: the whole-row stand-in, as always
        continue;
      }
      // Standing in part, or erased in part before and some of what it kept deleted since.
      byte[] standin = Redaction.redactExcept(r.update(), standing);
      if (standin == null || r.erased() && held(standin) == held(r.update())) {
        continue;
      }
      out.add(new LogRow(r.doc(), r.seq(), r.timeMillis(), r.actor(), r.connectionId(), null, standin,
          r.commitment(), r.hash()));
      partial++;
    }
    return new Plan(rows.isEmpty() ? 0 : rows.get(rows.size() - 1).seq(), out, partial);
  }

  /** Units of an update that hold content (not marks). */
  private static long held(byte[] update) {
    return Redaction.contentUnits(update).stream().mapToLong(u -> u[2]).sum();
  }

  /**
   * The restores that typed the person's text in again (history/README.md, "Partial
   * redaction", point 5): a restore is logged under whoever restored, with new items, so neither
   * its actor nor authorship names the person whose words it brought back. A restore (row seq →
   * the version it restored) counts when the version held a unit that the person's rows
   * inserted and that was deleted between the version and the restore, which the restore
   * therefore typed again. Units a counted restore typed count as the person's for later
   * restores, so a restore of a restore is followed back. Errs towards counting: a restore that
   * brought back the person's words is counted whichever of its units are theirs, and the plan
   * then redacts every unit of it that no longer stands (deleted content only, whoever wrote it).
   *
   * @param restores restore row seq → restored seq
   * @return the seqs of the counted restore rows
   */
  public static Set<Long> restoresRetyping(List<LogRow> rows, java.util.Map<Long, Long> restores,
                                           java.util.function.Predicate<LogRow> theirs) {
    ClockIndex index = ClockIndex.of(rows);
    Set<Long> sources = new HashSet<>();
    for (LogRow r : rows) {
      if (theirs.test(r)) {
        sources.add(r.seq());
      }
    }
    Set<Long> retyping = new TreeSet<>();
    for (java.util.Map.Entry<Long, Long> e : new java.util.TreeMap<>(restores).entrySet()) {
      long seq = e.getKey();
      long version = e.getValue();
      boolean[] found = {false};
      index.forEachInsert((client, from, to, inserted) -> {
        if (found[0] || inserted > version || !sources.contains(inserted)) {
          return;
        }
        for (long clock = from; clock < to && !found[0]; clock++) {
          ClockIndex.RowInfo deleted = index.deletedBy(client, clock);
          found[0] = deleted != null && deleted.seq() > version && deleted.seq() < seq;
        }
      });
      if (found[0]) {
        retyping.add(seq);
        sources.add(seq);
      }
    }
    return retyping;
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
