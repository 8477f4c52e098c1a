package org.pledgepad.annotations.service;

import java.util.Arrays;
import java.util.Objects;
import org.pledgepad.annotations.model.AnnotationThread;

/**
 * The suggestion as the accepting editor was shown it: replacement, passage positions and quote,
 * exactly as {@code views.thread}/{@code views.list} gave them. Threads carry no version, and the
 * suggester may change all of these until the accept; comparing them is what ties the accept to
 * the text that was reviewed.
 */
public record Reviewed(String replacement, byte[] start, byte[] end, String quote) {
  public Reviewed {
    Objects.requireNonNull(replacement, "replacement");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(quote, "quote");
    start = start.clone();
    end = end.clone();
  }

  /** What a view of {@code t} shows now. */
  public static Reviewed of(AnnotationThread t) {
    return new Reviewed(t.suggestion().replacement(), t.anchor().start(), t.anchor().end(), t.anchor().quote());
  }

  /** Whether {@code t} still proposes what was reviewed. */
  boolean matches(AnnotationThread t) {
    return replacement.equals(t.suggestion().replacement()) && Arrays.equals(start, t.anchor().start())
        && Arrays.equals(end, t.anchor().end()) && quote.equals(t.anchor().quote());
  }
}
