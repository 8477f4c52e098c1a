package org.pledgepad.history;

import java.util.List;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.DocOptions;
import org.pledgepad.crdt.Y;

/**
 * Rebuilds the document as it was after row {@code seq}: loads the nearest stored snapshot at or
 * before seq and replays only the rows after it. With a snapshot every K rows, reading any version
 * costs one snapshot load plus at most K-1 small updates, independent of the log's length.
 */
public final class VersionReader {
  private VersionReader() {}

  /** The snapshot with the highest seq ≤ {@code seq}, or null (replay from the empty document). */
  public static StoredSnapshot nearest(List<StoredSnapshot> snapshots, long seq) {
    StoredSnapshot best = null;
    for (StoredSnapshot s : snapshots) {
      if (s.seq() <= seq && (best == null || s.seq() > best.seq())) {
        best = s;
      }
    }
    return best;
  }

  /**
   * The document after row {@code seq}.
   *
   * @param base nearest snapshot at or before seq (see {@link #nearest}), or null
   * @param rowsAfterBase rows with base.seq &lt; row.seq; rows beyond seq are ignored; erased rows replay their redacted stand-in if they have one
   */
  public static Doc docAt(StoredSnapshot base, Iterable<LogRow> rowsAfterBase, long seq) {
    // gc off: a reader may want deleted items of this version (diffs against later versions look
    // them up), and a fresh document has nothing to collect anyway.
    Doc doc = new Doc(new DocOptions().gc(false));
    long from = 0;
    if (base != null) {
      if (base.seq() > seq) {
        throw new IllegalArgumentException("snapshot " + base.seq() + " is after version " + seq);
      }
      Y.applyUpdate(doc, base.state());
      from = base.seq();
    }
    List<byte[]> batch = new java.util.ArrayList<>();
    for (LogRow r : rowsAfterBase) {
      if (r.seq() > seq) {
        break;
      }
      if (r.seq() > from && r.update() != null) {
        batch.add(r.update());
      }
    }
    if (!batch.isEmpty()) {
      // One outer transaction for all rows: applying them one by one would run the cleanup
      // (merging, observers) per row; nested applyUpdate calls join the outer transaction.
      doc.transact(tr -> {
        for (byte[] u : batch) {
          Y.applyUpdate(doc, u);
        }
      });
    }
    return doc;
  }

  public static VersionView view(StoredSnapshot base, Iterable<LogRow> rowsAfterBase, long seq, ContentKind kind) {
    Doc doc = docAt(base, rowsAfterBase, seq);
    return new VersionView(doc, kind == null ? ContentKind.detect(doc, ContentKind.XML) : kind);
  }
}
