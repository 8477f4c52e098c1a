package org.pledgepad.annotations.service;

import java.util.Locale;

/**
 * Why an annotation request was refused, with the HTTP status the server should answer and a
 * stable problem+json type suffix ({@link #code()}).
 */
public enum Problem {
  /** Anonymous caller where an account is needed (report, comment). */
  NOT_SIGNED_IN(401),
  /** {@code Authorizer.authorize} denied the operation; the decision code is in the detail. */
  FORBIDDEN(403),
  /** Only the author may do this to their own post. */
  NOT_AUTHOR(403),
  /** Unknown thread, post or report, or one of another document. */
  NOT_FOUND(404),
  /** Empty or oversized text, malformed anchor. */
  INVALID(400),
  /** The thread is locked by a moderator. */
  LOCKED(409),
  /** The action does not fit the current state (accepting a rejected suggestion, editing a hidden post). */
  WRONG_STATE(409),
  /**
   * The suggester changed the replacement or the passage after the editor read it: the editor must
   * see the new version before accepting it.
   */
  SUGGESTION_CHANGED(409),
  /** Too many threads or posts in one place (visible or pending ones). */
  TOO_MANY(409),
  /**
   * The person's own quota is used up: too many open threads of theirs in this document
   * ({@code quota-open-threads}), posts of theirs in this thread ({@code quota-thread-posts}) or
   * posts of theirs awaiting a moderator ({@code quota-pending}). 429 like the rate limit, but
   * waiting alone does not help: the client says what frees room (no Retry-After).
   */
  QUOTA_OPEN_THREADS(429),
  QUOTA_THREAD_POSTS(429),
  QUOTA_PENDING(429),
  /** The user's token bucket is empty. */
  RATE_LIMITED(429);

  private final int httpStatus;

  Problem(int httpStatus) {
    this.httpStatus = httpStatus;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** Lower-case, hyphenated: "rate-limited". */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
