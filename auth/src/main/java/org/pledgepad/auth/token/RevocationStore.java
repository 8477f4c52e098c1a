package org.pledgepad.auth.token;

import java.time.Instant;
import java.util.List;

/**
 * Where the token revocation list is kept: the server's account database (shared by all nodes
 * on PostgreSQL). Implementations may block.
 */
public interface RevocationStore {
  /**
   * Lists {@code r} unless its jti is listed already; returns the entry listed for that jti
   * afterwards (the earlier one if there was one: the first revocation is the one on record).
   */
  Revocation add(Revocation r);

  /** Entries whose {@code expiresAt} is after {@code after}, in the order they were revoked. */
  List<Revocation> list(Instant after);

  /** Deletes the entries whose {@code expiresAt} is at or before {@code before}; returns how many. */
  int purge(Instant before);
}
