package org.pledgepad.server.store;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pledgepad.history.Hashes;
import org.pledgepad.server.cache.BoundedCache;

/**
 * Per document, the stretch of its log that this process hashed itself in an unbroken run of
 * committed appends: from a base head (the head the store read from the database when the run
 * began) to its newest committed row. Once the history checkpointer has found the base on a chain
 * it checked row by row, it signs the span's later heads without reading the rows back and hashing
 * them again: it would only recompute the hashes this process computed when it appended them. Such
 * a signature covers a hash chain this process computed from a verified row; rows someone rewrote
 * by SQL afterwards do not match it, and verify reports them.
 *
 * <p>A span is only ever extended by an append that continued exactly from its head (same seq and
 * hash); any other append (another node moved the head, a failed transaction made the store read
 * the head again and it differs) starts a new, unverified span with a new generation. So a head
 * on a span is a head this process computed, and a verification counts only for the generation
 * it was made in. Bounded (least recently appended documents fall out and take the full check once).
 * Thread-safe: stores record from their commit thread or event loop, the checkpointer reads from
 * a worker.
 */
public final class OwnChains {
  /** Documents remembered; beyond that the least recently appended fall out. */
  public static final int CAPACITY = 10_000;

  /** A head (seq, hash); {@code hash} is never modified. */
  public record Head(long seq, byte[] hash) {
    boolean same(Head other) {
      return other != null && seq == other.seq && Arrays.equals(hash, other.hash);
    }
  }

  /**
   * Rows base.seq + 1 .. head.seq of the document were hashed by this process, chaining from
   * base; {@code verified} once the checkpointer found base on a chain it checked row by row.
   */
  public record Span(long generation, Head base, Head head, boolean verified) {}

  private final BoundedCache<String, Span> spans;
  private long generations;

  public OwnChains() {
    this(CAPACITY);
  }

  OwnChains(int capacity) {
    spans = new BoundedCache<>(capacity, s -> 1);
  }

  /**
   * After a transaction committed rows that chain from {@code from} to {@code to} (seq 0 is the
   * document's genesis, whatever hash a store's column holds there).
   */
  public synchronized void committed(String document, long fromSeq, byte[] fromHash, long toSeq, byte[] toHash) {
    if (toSeq <= fromSeq) {
      return;
    }
    Head from = new Head(fromSeq, fromSeq == 0 ? Hashes.genesis(document) : fromHash.clone());
    Head to = new Head(toSeq, toHash.clone());
    Span s = spans.get(document);
    spans.put(document, s != null && s.head().same(from)
        ? new Span(s.generation(), s.base(), to, s.verified())
        : new Span(++generations, from, to, false));
  }

  /** The current spans of these documents (absent: none known). */
  public synchronized Map<String, Span> spans(List<String> documents) {
    Map<String, Span> out = new HashMap<>();
    for (String d : documents) {
      Span s = spans.get(d);
      if (s != null) {
        out.put(d, s);
      }
    }
    return out;
  }

  /**
   * The checkpointer found {@code checked}'s base on a chain it verified row by row: every head of
   * that run of appends, now and later, chains from a verified row.
   */
  public synchronized void verified(String document, Span checked) {
    Span s = spans.get(document);
    if (s != null && s.generation() == checked.generation() && !s.verified()) {
      spans.put(document, new Span(s.generation(), s.base(), s.head(), true));
    }
  }

  synchronized int size() {
    return spans.size();
  }
}
