package org.pledgepad.server.auth;

/**
 * The live side of an {@link AuthDecision.Allowed}: rights can shrink while a socket is open
 * (role or bodies changed, account disabled, logout, token expired, document stage changed).
 * The connection binds a listener once it joined the document and releases it when it leaves;
 * the access layer calls the listener from any thread, so implementations hop onto their own
 * context.
 */
public interface AccessWatch {
  /** What the connection must do when its rights change. */
  interface Listener {
    /** Updates are refused from now on ({@code true}) or allowed again ({@code false}). */
    void readOnly(boolean readOnly);

    /** The connection may no longer read this document: close it (reason is a stable code). */
    void revoked(String reason);

    /**
     * The token the connection was opened with ends soon: ask the client for a fresh one and
     * hand it to {@link AccessWatch#renew}, if the protocol can (Hocuspocus's token sync);
     * otherwise the connection ends with the token ({@code credentials-expired}).
     */
    default void tokenEndsSoon() {}
  }

  void bind(Listener listener);

  void release();

  /** Whether the connection may publish awareness (presence) right now. */
  boolean mayPublishAwareness();

  /**
   * Whether the connection's principal may do {@code op} on the document now: evaluated at each
   * call against the current accounts and document access, not remembered from the connect.
   */
  default boolean allows(org.pledgepad.auth.Operation op) {
    return false;
  }

  /**
   * A fresh token the client sent after {@link Listener#tokenEndsSoon}: true once it replaced the
   * connection's token (valid, not revoked, the same account, for this document or any); false
   * otherwise, and when nothing was asked for. A refused one changes nothing: the connection
   * keeps its token until that ends.
   */
  default boolean renew(String token) {
    return false;
  }
}
