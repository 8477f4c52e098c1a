package org.pledgepad.server.history;

/** Stable problem types of the history endpoints (besides the shared ones in http/Problems). */
final class HistoryProblems {
  static final String INVALID_SEQ = "urn:pledgepad:problem:history-invalid-seq";
  static final String INVALID_REQUEST = "urn:pledgepad:problem:history-invalid-request";
  static final String UNKNOWN_VERSION = "urn:pledgepad:problem:history-unknown-version";
  static final String NAME_TAKEN = "urn:pledgepad:problem:history-name-taken";
  static final String RESTORE_FAILED = "urn:pledgepad:problem:history-restore-failed";
  static final String BUSY = "urn:pledgepad:problem:history-busy";
  static final String TOO_MANY_REQUESTS = "urn:pledgepad:problem:history-too-many-requests";
  static final String RESTORE_IN_PROGRESS = "urn:pledgepad:problem:history-restore-in-progress";

  private HistoryProblems() {}
}
