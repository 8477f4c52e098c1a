package org.pledgepad.server.access;

import java.util.Objects;
import org.pledgepad.auth.AccessMode;
import org.pledgepad.auth.Authorizer;
import org.pledgepad.auth.Decision;
import org.pledgepad.auth.DocumentAccess;
import org.pledgepad.auth.Operation;
import org.pledgepad.auth.Principal;
import org.pledgepad.server.auth.AccessWatch;

/**
 * One connection's rights on one document, re-evaluated by {@link AccessControl} after every
 * refresh. It remembers the credential (token or cookie session), not the reconciled principal,
 * so that a logout, an expired token or a changed account is seen on the next re-check. For a
 * token it keeps only what the one signature check at connect established ({@link #token}):
 * the re-check then only compares the expiry with the clock and reconciles with the account.
 * The token's text is not kept: an open socket would hold a copy of it (several hundred bytes)
 * that nothing reads again.
 */
final class ConnectionGrant implements AccessWatch {
  private final AccessControl access;
  /** The cookie session the principal is found in again; null for a token or a guest. */
  final String sessionId;
  final String document;
  /**
   * The token as verified at connect, or as renewed since (Hocuspocus token sync); null for a
   * cookie session or a guest.
   */
  volatile VerifiedToken token;
  /** The jti of the token a fresh one was asked for (once per token); null: none asked. */
  private volatile String renewalAskedFor;
  private volatile AccessWatch.Listener listener;
  private volatile boolean readOnly;
  private volatile boolean awareness;
  private volatile boolean revoked;

  ConnectionGrant(AccessControl access, Credential credential, VerifiedToken token, String document,
      Principal principal, DocumentAccess doc) {
    if ((credential.token() != null) != (token != null)) {
      throw new IllegalArgumentException("a token credential needs its verified token, and only it");
    }
    this.access = access;
    this.sessionId = credential.sessionId();
    this.token = token;
    this.document = document;
    AccessMode mode = Authorizer.mode(principal, doc);
    this.readOnly = mode != AccessMode.READ_WRITE;
    this.awareness = Authorizer.isAllowed(principal, doc, Operation.AWARENESS);
  }

  boolean readOnly() {
    return readOnly;
  }

  /** Applies the rights of {@code principal} (null: credential no longer valid). */
  void recheck(Principal principal, DocumentAccess doc) {
    if (revoked) {
      return;
    }
    AccessWatch.Listener l = listener;
    if (principal == null) {
      revoke(l, "credentials-expired");
      return;
    }
    Decision read = Authorizer.authorize(principal, doc, Operation.READ);
    if (!read.allowed()) {
      revoke(l, read.code());
      return;
    }
    awareness = Authorizer.isAllowed(principal, doc, Operation.AWARENESS);
    boolean ro = !Authorizer.isAllowed(principal, doc, Operation.SYNC_WRITE);
    if (ro != readOnly) {
      readOnly = ro;
      if (l != null) {
        l.readOnly(ro);
      }
    }
  }

  /**
   * Asks the client for a fresh token once its token ends before {@code soon} (once per token; a
   * renewal with the same token does not ask again).
   */
  void askForRenewalIfEndingBefore(java.time.Instant soon) {
    VerifiedToken t = token;
    AccessWatch.Listener l = listener;
    if (t == null || l == null || revoked || t.jti().equals(renewalAskedFor) || !t.expiredAt(soon)) {
      return;
    }
    renewalAskedFor = t.jti();
    l.tokenEndsSoon();
  }

  /** Whether a fresh token was asked for and not yet given. */
  boolean renewalPending() {
    VerifiedToken t = token;
    return t != null && t.jti().equals(renewalAskedFor);
  }

  void replaceToken(VerifiedToken fresh) {
    token = fresh;
  }

  @Override
  public boolean renew(String freshToken) {
    return !revoked && renewalPending() && access.renew(this, freshToken);
  }

  /** Closes the connection for {@code reason} (a stable code), e.g. its token was revoked. */
  void end(String reason) {
    if (!revoked) {
      revoke(listener, reason);
    }
  }

  private void revoke(AccessWatch.Listener l, String reason) {
    revoked = true;
    readOnly = true;
    awareness = false;
    if (l != null) {
      l.readOnly(true);
      l.revoked(reason);
    }
    access.unregister(this);
  }

  @Override
  public void bind(AccessWatch.Listener l) {
    this.listener = Objects.requireNonNull(l, "listener");
    access.register(this);
  }

  @Override
  public void release() {
    access.unregister(this);
  }

  @Override
  public boolean mayPublishAwareness() {
    return awareness && !revoked;
  }

  @Override
  public boolean allows(Operation op) {
    return !revoked && access.allowsNow(this, op);
  }
}
