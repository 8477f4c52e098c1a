package org.pledgepad.auth;

/**
 * What a connection may do with a document as a whole, for the protocol's auth answer
 * (Hocuspocus Auth type 2 "readonly" / "read-write", or y-websocket permission denied). It is a
 * summary for the client only: each message is still authorized on its own.
 */
public enum AccessMode {
  /** READ denied: refuse the document. */
  NONE,
  /** READ allowed, SYNC_WRITE denied. */
  READ_ONLY,
  /** READ and SYNC_WRITE allowed. */
  READ_WRITE;

  /** The Hocuspocus wire string ("readonly" / "read-write"); NONE has none. */
  public String hocuspocusScope() {
    return switch (this) {
      case READ_ONLY -> "readonly";
      case READ_WRITE -> "read-write";
      case NONE -> throw new IllegalStateException("no scope for a refused document");
    };
  }
}
