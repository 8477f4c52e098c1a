package org.pledgepad.server.protocol;

import java.util.ArrayList;
import java.util.List;
import org.pledgepad.server.auth.AuthDecision;
import org.pledgepad.server.auth.AuthHook;
import org.pledgepad.server.auth.AuthRequest;
import org.pledgepad.server.session.DocumentSession;
import org.pledgepad.server.session.Inbound;
import org.pledgepad.server.session.Peer;
import org.pledgepad.server.session.SessionRegistry;
import org.pledgepad.server.session.SyncMessages;
import org.pledgepad.server.session.UpdateFraming;
import org.pledgepad.server.wire.SharedFrame;
import org.pledgepad.server.wire.WireWriter;

/**
 * One document on a Hocuspocus socket: its auth state, the messages held until auth resolved,
 * and the {@link Peer} the document session talks to. Used on the connection's context, except
 * the Peer send methods, which the session calls from its own.
 */
final class HocuspocusChannel implements Peer {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HocuspocusChannel.class);
  private enum State { AWAITING_TOKEN, AUTHENTICATING, JOINED, LEFT }

  private final HocuspocusConnection conn;
  private final String documentName;
  /**
   * What the client addresses this channel's messages with, and what every answer carries: the
   * document name, or for a session-aware provider the name, NUL and its session id.
   */
  private final String address;
  /** varString(address): the start of every message of this channel. */
  private final byte[] namePrefix;
  /**
   * The whole SyncStatus(applied) message, sent once per accepted update: one frame written
   * again each time, never modified.
   */
  private final SharedFrame appliedStatus;
  private final HocuspocusUpdateFraming updateFraming;
  private final AuthHook auth;
  private final SessionRegistry sessions;
  private State state = State.AWAITING_TOKEN;
  /**
   * Access was denied or revoked, or the document was closed for what the client sent: the
   * channel stays, so that the provider's further messages for the document (it keeps sending
   * awareness) are dropped, not held for a new authentication that would time out and close the
   * socket every other document shares. A new token replaces the channel (HocuspocusConnection).
   */
  private boolean ended;
  /**
   * Set once the channel left its session (on the connection's context), read where the session
   * sends (on its own): what the session still sends until it has processed the leave must not
   * reach the client, which may by then have opened the same document again on a new channel.
   */
  private volatile boolean gone;
  private final List<Inbound> held = new ArrayList<>();
  /** Received bytes of {@link #held}, counted against the connection's cap. */
  private int heldBytes;
  /** Closes the connection if this document's auth has not resolved in AUTH_TIMEOUT_SECONDS. */
  private final long authTimer;
  private DocumentSession session;
  private volatile boolean readOnly = true;
  private volatile String actor = "anonymous";
  private volatile org.pledgepad.server.auth.AccessWatch watch;

  HocuspocusChannel(HocuspocusConnection conn, String address, String documentName, AuthHook auth,
      SessionRegistry sessions) {
    this.conn = conn;
    this.address = address;
    this.documentName = documentName;
    this.namePrefix = new WireWriter(address.length() + 4).writeVarString(address).toByteArray();
    this.appliedStatus = SharedFrame.of(SharedFrame.writer(namePrefix.length + 2).writeRaw(namePrefix)
        .writeVarUint(HocuspocusConnection.SYNC_STATUS).writeVarInt(1));
    this.updateFraming = new HocuspocusUpdateFraming(address, namePrefix);
    this.auth = auth;
    this.sessions = sessions;
    this.authTimer = conn.startAuthTimer(() -> {
      if (state == State.AWAITING_TOKEN || state == State.AUTHENTICATING) {
        conn.documentAuthTimedOut(this);
      }
    });
  }

  String documentName() {
    return documentName;
  }

  String address() {
    return address;
  }

  boolean ended() {
    return ended;
  }

  void authenticate(String token) {
    if (state == State.JOINED) {
      renew(token);
      return;
    }
    if (state != State.AWAITING_TOKEN) {
      return; // one auth per document and socket; repeated tokens are ignored
    }
    state = State.AUTHENTICATING;
    auth.authenticate(new AuthRequest(documentName, token, conn.remote())).onComplete(ar -> conn.onOwnContext(() -> {
      if (state != State.AUTHENTICATING) {
        return;
      }
      conn.cancelAuthTimer(authTimer);
      if (ar.failed() || ar.result() instanceof AuthDecision.Denied) {
        String reason = ar.failed() ? "authentication failed" : ((AuthDecision.Denied) ar.result()).reason();
        state = State.LEFT;
        ended = true;
        dropHeld();
        conn.sendTo(address, HocuspocusConnection.AUTH, new WireWriter()
            .writeVarUint(HocuspocusConnection.AUTH_PERMISSION_DENIED).writeVarString(reason));
        return;
      }
      AuthDecision.Allowed a = (AuthDecision.Allowed) ar.result();
      actor = a.actor();
      readOnly = a.readOnly();
      watch = a.watch();
      if (watch != null) {
        watch.bind(new org.pledgepad.server.auth.AccessWatch.Listener() {
          @Override
          public void readOnly(boolean ro) {
            // Said, not only enforced: a stock provider takes a later Authenticated as its new
            // scope, so an editor shows "read only" instead of waiting for acknowledgements of
            // updates that are refused. The flag flips in the same task, after the announcement
            // is written, so the client never sees a refusal before it has been told why.
            conn.onOwnContext(() -> {
              if (state == State.JOINED && readOnly != ro) {
                conn.sendTo(address, HocuspocusConnection.AUTH, new WireWriter()
                    .writeVarUint(HocuspocusConnection.AUTH_AUTHENTICATED).writeVarString(ro ? "readonly" : "read-write"));
              }
              readOnly = ro;
            });
          }

          @Override
          public void tokenEndsSoon() {
            // Hocuspocus's token sync: an Auth message of type Token without a payload makes the
            // stock provider call its token function again and send the result.
            conn.onOwnContext(() -> {
              if (state == State.JOINED) {
                conn.sendTo(address, HocuspocusConnection.AUTH,
                    new WireWriter().writeVarUint(HocuspocusConnection.AUTH_TOKEN));
              }
            });
          }

          @Override
          public void revoked(String reason) {
            conn.onOwnContext(() -> {
              if (state == State.JOINED) {
                leave();
                ended = true;
                conn.sendTo(address, HocuspocusConnection.AUTH, new WireWriter()
                    .writeVarUint(HocuspocusConnection.AUTH_PERMISSION_DENIED).writeVarString(reason));
              }
            });
          }
        });
      }
      conn.sendTo(address, HocuspocusConnection.AUTH, new WireWriter()
          .writeVarUint(HocuspocusConnection.AUTH_AUTHENTICATED)
          .writeVarString(a.readOnly() ? "readonly" : "read-write"));
      state = State.JOINED;
      session = sessions.acquire(documentName);
      session.join(this);
      for (Inbound m : held) {
        session.receive(this, m);
      }
      dropHeld(); // handed over: from here the session's limits apply
    }));
  }

  /**
   * A token sent while joined: taken as the connection's fresh token if the server asked for
   * one (its token ends soon) and the access layer accepts it; otherwise ignored, as Hocuspocus
   * ignores a token it has no use for. Nothing is answered either way: a refused token leaves
   * the connection as it was, until its token ends.
   */
  private void renew(String token) {
    org.pledgepad.server.auth.AccessWatch w = watch;
    if (w != null && w.renew(token)) {
      LOG.debug("Connection {} renewed its token for document {}", conn.id(), documentName);
    }
  }

  /** A message of this document, {@code bytes} long as received. */
  void receive(Inbound m, int bytes) {
    switch (state) {
      case JOINED -> session.receive(this, m);
      case AWAITING_TOKEN, AUTHENTICATING -> {
        conn.holdBeforeAuth(held.size(), bytes);
        held.add(m);
        heldBytes += bytes;
      }
      case LEFT -> { }
    }
  }

  void leave() {
    gone = true;
    conn.cancelAuthTimer(authTimer);
    if (watch != null) {
      watch.release();
    }
    if (state == State.JOINED) {
      session.leave(this);
    }
    state = State.LEFT;
    dropHeld();
  }

  /** Leaves the session for a fault in what the client sent for this document; the socket stays. */
  void endForFault() {
    leave();
    ended = true;
  }

  /** Forgets the held messages and releases their bytes. */
  void dropHeld() {
    held.clear();
    conn.releaseBeforeAuth(heldBytes);
    heldBytes = 0;
  }

  // Peer

  @Override
  public String connectionId() {
    return conn.id();
  }

  @Override
  public String actor() {
    return actor;
  }

  @Override
  public boolean readOnly() {
    return readOnly;
  }

  @Override
  public boolean repliesToEveryStepOne() {
    return true;
  }

  @Override
  public boolean mayPublishAwareness() {
    org.pledgepad.server.auth.AccessWatch w = watch;
    return w == null || w.mayPublishAwareness();
  }

  @Override
  public boolean allows(org.pledgepad.auth.Operation op) {
    org.pledgepad.server.auth.AccessWatch w = watch;
    return w != null && w.allows(op); // a revoked grant answers no
  }

  @Override
  public void sendSyncStep1(byte[] stateVector) {
    sync(SyncMessages.STEP1, stateVector);
  }

  @Override
  public void sendSyncStep2(byte[] update) {
    sync(SyncMessages.STEP2, update);
  }

  @Override
  public void sendUpdate(byte[] update) {
    sync(SyncMessages.UPDATE, update);
  }

  @Override
  public int maxSyncPayloadBytes() {
    // Addresses are ASCII (DocumentNames): their varString is the length prefix plus one byte each.
    int name = address.length();
    return conn.maxMessageBytes() - SyncMessages.envelopeBytes(name + (name < 128 ? 1 : 2));
  }

  @Override
  public void sendSyncStep2Parts(List<byte[]> parts) {
    if (gone) {
      return;
    }
    List<byte[]> messages = new ArrayList<>(parts.size());
    for (int i = 0; i < parts.size(); i++) {
      int kind = i == parts.size() - 1 ? SyncMessages.STEP2 : SyncMessages.UPDATE;
      messages.add(HocuspocusConnection.syncMessage(namePrefix, kind, parts.get(i)));
    }
    conn.sendRawAll(messages);
  }

  @Override
  public void sendUpdateParts(List<byte[]> parts) {
    if (gone) {
      return;
    }
    conn.sendRawAll(parts.stream().map(p -> HocuspocusConnection.syncMessage(namePrefix, SyncMessages.UPDATE, p)).toList());
  }

  @Override
  public UpdateFraming updateFraming() {
    return updateFraming;
  }

  @Override
  public void sendFramedUpdate(SharedFrame message) {
    if (gone) {
      return;
    }
    conn.sendFramed(message);
  }

  private void sync(int kind, byte[] payload) {
    if (gone) {
      return;
    }
    conn.sendSync(namePrefix, kind, payload);
  }

  @Override
  public void sendAwareness(byte[] awarenessUpdate) {
    if (gone) {
      return;
    }
    conn.sendTo(address, HocuspocusConnection.AWARENESS,
        new WireWriter(awarenessUpdate.length + 8).writeVarUint8Array(awarenessUpdate));
  }

  @Override
  public void sendSyncStatus(boolean applied) {
    if (gone) {
      return;
    }
    if (applied) {
      conn.sendFramed(appliedStatus);
    } else {
      conn.sendTo(address, HocuspocusConnection.SYNC_STATUS, new WireWriter().writeVarInt(0));
    }
  }

  @Override
  public void sendStateless(String payload) {
    if (gone) {
      return;
    }
    conn.sendTo(address, HocuspocusConnection.STATELESS, new WireWriter().writeVarString(payload));
  }

  /**
   * A fault in what the client sent for this document alone (an update or awareness update the
   * document refuses, or one that would make it too large) closes only this document, as the
   * Hocuspocus server does: the socket's other documents go on. Everything else (the framing,
   * rates, the server's own faults, shutdown) closes the socket, and the provider reconnects.
   */
  @Override
  public void close(short code, String reason) {
    if (documentScoped(code)) {
      conn.closeDocument(this, code, reason);
    } else {
      conn.close(code, reason);
    }
  }

  static boolean documentScoped(short code) {
    return code == CloseCodes.INVALID_UPDATE || code == CloseCodes.DOCUMENT_TOO_LARGE
        || code == CloseCodes.AWARENESS_FORGERY;
  }
}
