package org.pledgepad.annotations.limit;

/** Size limits of user-written annotation text, in Unicode code points. */
public final class Limits {
  /** A comment or reply body; long enough for a reasoned statement, short of a document. */
  public static final int MAX_BODY = 10_000;
  /** A suggestion's replacement text. */
  public static final int MAX_REPLACEMENT = 10_000;
  /** Reasons given for reports, hiding, rejecting. */
  public static final int MAX_REASON = 1_000;
  /** Display names shown next to annotations. */
  public static final int MAX_DISPLAY_NAME = 80;
  /** Threads per document; beyond this a document is being flooded. */
  public static final int MAX_THREADS_PER_DOCUMENT = 5_000;
  /** Posts per thread. */
  public static final int MAX_POSTS_PER_THREAD = 500;

  private Limits() {}

  public static int length(String s) {
    return s.codePointCount(0, s.length());
  }
}
