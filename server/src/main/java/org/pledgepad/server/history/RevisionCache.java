package org.pledgepad.server.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last {@link HistoryOverview} per document, so that the history page does not replay the
 * whole log on every request (revisions over 260k rows take about a second): an entry is reused
 * while the head seq, the named versions and the restore points are unchanged. Bounded: the
 * least recently used document is dropped beyond {@code maxDocuments}, and each entry holds
 * only the summaries (no CRDT state). The server-made notes found in the log are kept with the
 * entry and extended incrementally when the head moves. Thread-safe (one lock; the expensive
 * computation runs outside it, under the caller's per-document lock).
 */
final class RevisionCache {
  private final int maxDocuments;
  private final LinkedHashMap<String, HistoryOverview> entries;

  RevisionCache(int maxDocuments) {
    this.maxDocuments = maxDocuments;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, HistoryOverview> eldest) {
        return size() > RevisionCache.this.maxDocuments;
      }
    };
  }

  synchronized HistoryOverview get(String doc) {
    return entries.get(doc);
  }

  synchronized void put(String doc, HistoryOverview overview) {
    entries.put(doc, overview);
  }

  /** Forget a document (its log rows were rewritten by an erasure). */
  synchronized void invalidate(String doc) {
    entries.remove(doc);
  }

  synchronized int size() {
    return entries.size();
  }

  /** Accepted-suggestion notes of {@code previous} (if any) followed by the newly read ones. */
  static List<LogNote> extend(HistoryOverview previous, List<LogNote> fresh) {
    List<LogNote> out = new ArrayList<>(previous == null ? List.of() : previous.acceptedSuggestions());
    for (LogNote n : fresh) {
      if (n.suggestion().isPresent()) {
        out.add(n);
      }
    }
    return out;
  }
}
