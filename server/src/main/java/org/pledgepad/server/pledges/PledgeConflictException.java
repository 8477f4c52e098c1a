package org.pledgepad.server.pledges;

/**
 * A write lost to concurrent writes of other nodes more often than it retries; answered 409
 * (the caller may try again), not 503: the database is fine.
 */
final class PledgeConflictException extends RuntimeException {
  PledgeConflictException(String message) {
    super(message);
  }
}
