package org.pledgepad.history;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.pledgepad.crdt.Doc;

/**
 * The history of one document as the server's endpoints need it: any version, the difference
 * between two versions, who wrote what, revisions, and restore. One object per request (or per
 * document, if the server keeps the clock index warm); not thread-safe.
 */
public final class DocumentHistory {
  private final ContentKind kind;
  private final RowSource rows;
  private final List<StoredSnapshot> snapshots;
  private final Map<Long, String> clientActors;
  private ClockIndex index;

  /**
   * @param kind what the root "default" holds (the web client writes {@link ContentKind#XML})
   * @param snapshots the document's stored snapshots (seq, state); may be empty
   * @param clientActors the server's clientID → actor binding
   * @param index a clock index kept from an earlier request, or null to build one on demand
   */
  public DocumentHistory(ContentKind kind, RowSource rows, List<StoredSnapshot> snapshots,
                         Map<Long, String> clientActors, ClockIndex index) {
    this.kind = kind;
    this.rows = rows;
    this.snapshots = List.copyOf(snapshots);
    this.clientActors = Map.copyOf(clientActors);
    this.index = index;
  }

  public DocumentHistory(ContentKind kind, RowSource rows, List<StoredSnapshot> snapshots, Map<Long, String> clientActors) {
    this(kind, rows, snapshots, clientActors, null);
  }

  /** The document after row seq (0: empty). */
  public Doc docAt(long seq) {
    StoredSnapshot base = VersionReader.nearest(snapshots, seq);
    return VersionReader.docAt(base, rows.rows(base == null ? 0 : base.seq(), seq), seq);
  }

  public VersionView version(long seq) {
    return new VersionView(docAt(seq), kind);
  }

  /** The clock index covering at least rows 1..seq, extended from the rows as needed. */
  public ClockIndex clockIndex(long seq) {
    if (index == null) {
      index = new ClockIndex();
    }
    if (index.lastSeq() < seq) {
      for (LogRow r : rows.rows(index.lastSeq(), seq)) {
        index.add(r);
      }
    }
    return index;
  }

  public List<AuthorSpan> authorship(long seq) {
    return Authorship.of(TextProjection.of(docAt(seq), kind), clockIndex(seq), clientActors);
  }

  /** Word diff from version fromSeq to the later version toSeq, attributed. */
  public List<VersionDiff.Change> diff(long fromSeq, long toSeq) {
    if (fromSeq > toSeq) {
      throw new IllegalArgumentException("diff runs from the older version: " + fromSeq + " > " + toSeq);
    }
    return VersionDiff.between(TextProjection.of(docAt(fromSeq), kind), TextProjection.of(docAt(toSeq), kind),
        clockIndex(toSeq), clientActors);
  }

  /** Changes {@code current} (the live document) back to version seq; returns the update to log. */
  public byte[] restore(Doc current, long seq, Object origin) {
    return Restorer.restore(current, docAt(seq), kind, origin);
  }

  public List<Revision> revisions(long upToSeq, Duration pause, List<NamedVersion> named, List<RestorePoint> restores) {
    return Revisions.compute(rows.rows(0, upToSeq), pause, named, restores, kind);
  }
}
