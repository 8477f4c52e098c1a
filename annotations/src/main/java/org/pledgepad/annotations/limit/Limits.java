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
  /** Threads per document (visible or pending); beyond this a document is being flooded. */
  public static final int MAX_THREADS_PER_DOCUMENT = 5_000;
  /** Posts per thread (visible or pending). */
  public static final int MAX_POSTS_PER_THREAD = 500;
  /**
   * Open threads one person may have in one document: far more than a careful reader raises on a
   * long text, a hundredth of the document's cap (so a hundred people, not one, would fill it).
   */
  public static final int MAX_OPEN_THREADS_PER_PERSON = 50;
  /** Posts of one person in one thread: a tenth of the thread's cap. */
  public static final int MAX_POSTS_PER_PERSON_PER_THREAD = 50;
  /**
   * Posts of one person waiting for a moderator, across documents: a queue moderators can read
   * through; someone honest with twenty unanswered posts waits for the moderators, not for room.
   */
  public static final int MAX_PENDING_PER_PERSON = 20;
  /** Threads per page of a document's list, when the client names no limit, and the most it may ask for. */
  public static final int DEFAULT_PAGE_THREADS = 200;
  public static final int MAX_PAGE_THREADS = 500;
  /** Posts per thread in a list page; the thread's own view has the rest. */
  public static final int POSTS_PER_THREAD_IN_LIST = 10;
  /**
   * Posts per page of one thread's view, when the client names no limit, and the most it may ask
   * for (a thread holds at most {@link #MAX_POSTS_PER_THREAD} live posts, but deleted and hidden
   * ones stay stored and listed, so a thread has no upper bound).
   */
  public static final int DEFAULT_PAGE_POSTS = 100;
  public static final int MAX_PAGE_POSTS = 500;

  private Limits() {}

  public static int length(String s) {
    return s.codePointCount(0, s.length());
  }
}
