package org.pledgepad.annotations.limit;

/**
 * How much room a document, a thread and one person may take, counted in the store (so the
 * numbers hold across server nodes sharing one database). The shared caps count what readers see
 * or may see (visible and pending items), so neither a deleted flood nor one a moderator hid keeps
 * the room; the per-person quotas stop one person from filling the shared caps in the first
 * place. Editors (SYNC_WRITE) and moderators (MODERATE) of the document are exempt from the
 * per-person quotas — they answer the flood, and their posts never wait — but not from the caps.
 *
 * @param threadsPerDocument threads whose opening post is neither deleted nor hidden
 * @param postsPerThread posts of one thread neither deleted nor hidden
 * @param openThreadsPerPerson open threads of one person in one document whose opening post the
 *     person has not deleted (hidden ones count: a hide must not hand the room back to the flooder)
 * @param postsPerPersonPerThread posts of one person in one thread, not deleted
 * @param pendingPerPerson posts of one person awaiting approval, not deleted, across all documents
 */
public record Quotas(int threadsPerDocument, int postsPerThread, int openThreadsPerPerson,
    int postsPerPersonPerThread, int pendingPerPerson) {

  /** The production numbers; README.md ("Limits") says why each one. */
  public static final Quotas DEFAULTS = new Quotas(Limits.MAX_THREADS_PER_DOCUMENT, Limits.MAX_POSTS_PER_THREAD,
      Limits.MAX_OPEN_THREADS_PER_PERSON, Limits.MAX_POSTS_PER_PERSON_PER_THREAD, Limits.MAX_PENDING_PER_PERSON);

  public Quotas {
    if (threadsPerDocument < 1 || postsPerThread < 1 || openThreadsPerPerson < 1 || postsPerPersonPerThread < 1
        || pendingPerPerson < 1) {
      throw new IllegalArgumentException("every quota must be at least 1");
    }
  }
}
