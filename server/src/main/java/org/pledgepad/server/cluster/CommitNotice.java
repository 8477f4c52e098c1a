package org.pledgepad.server.cluster;

/**
 * The payload of a pledgepad_updates notification (store/CommitNotifier): {@code <newest seq>:<document>}.
 * It only says which document to read and up to where; the rows come from the log.
 */
record CommitNotice(String document, long seq) {
  /** The notice, or null for a payload this server does not understand (ignored, never fatal). */
  static CommitNotice parse(String payload) {
    if (payload == null) {
      return null;
    }
    int colon = payload.indexOf(':');
    if (colon < 1 || colon > 19) {
      return null;
    }
    long seq;
    try {
      seq = Long.parseLong(payload.substring(0, colon));
    } catch (NumberFormatException e) {
      return null;
    }
    String document = payload.substring(colon + 1);
    // Names as the documents table allows them (1..128 characters).
    return seq > 0 && !document.isEmpty() && document.length() <= 128 ? new CommitNotice(document, seq) : null;
  }
}
