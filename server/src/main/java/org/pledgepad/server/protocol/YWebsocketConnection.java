package org.pledgepad.server.protocol;

import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import java.util.ArrayList;
import java.util.List;
import org.pledgepad.server.auth.AuthDecision;
import org.pledgepad.server.auth.AuthHook;
import org.pledgepad.server.auth.AuthRequest;
import org.pledgepad.server.config.Limits;
import org.pledgepad.server.metrics.ServerMetrics;
import org.pledgepad.server.session.DocumentSession;
import org.pledgepad.server.session.Inbound;
import org.pledgepad.server.session.Peer;
import org.pledgepad.server.session.SessionRegistry;
import org.pledgepad.server.session.SyncMessages;
import org.pledgepad.server.session.UpdateFraming;
import org.pledgepad.server.wire.MalformedFrameException;
import org.pledgepad.server.wire.WireReader;
import org.pledgepad.server.wire.SharedFrame;
import org.pledgepad.server.wire.WireWriter;

/**
 * The y-websocket protocol (what the stock {@code WebsocketProvider} speaks): one document per
 * socket, named in the URL path; every message is varUint(type) + payload. Messages that arrive
 * while the auth hook decides are held (up to MAX_QUEUED_BEFORE_AUTH messages and
 * MAX_BYTES_QUEUED_BEFORE_AUTH bytes, for at most AUTH_TIMEOUT_SECONDS).
 */
public final class YWebsocketConnection extends WsConnection implements Peer {
  static final int MESSAGE_SYNC = 0;
  static final int MESSAGE_AWARENESS = 1;
  static final int MESSAGE_AUTH = 2;
  static final int MESSAGE_QUERY_AWARENESS = 3;
  static final int AUTH_PERMISSION_DENIED = 0;

  private final String documentName;
  /** Token and hook are used once, at open, and dropped then: an idle socket would keep its token copy. */
  private String token;
  private AuthHook auth;
  private final SessionRegistry sessions;
  private DocumentSession session;
  private List<Inbound> beforeAuth = new ArrayList<>();
  /** Received bytes of {@link #beforeAuth}, counted against the connection's cap. */
  private int beforeAuthBytes;
  private long authTimer = -1;
  private volatile boolean readOnly = true;
  private String actor = "anonymous";
  private org.pledgepad.server.auth.AccessWatch watch;

  public YWebsocketConnection(Vertx vertx, ServerWebSocket ws, Limits limits, ServerMetrics metrics,
      String documentName, String token, AuthHook auth, SessionRegistry sessions) {
    super(vertx, ws, limits, metrics);
    this.documentName = documentName;
    this.token = token;
    this.auth = auth;
    this.sessions = sessions;
  }

  @Override
  protected void onOpen() {
    AuthRequest request = new AuthRequest(documentName, token, remoteAddress());
    AuthHook hook = auth;
    token = null;
    auth = null;
    authTimer = startAuthTimer(() -> {
      if (beforeAuth != null && session == null) {
        authTimedOut();
      }
    });
    hook.authenticate(request).onComplete(ar -> onOwnContext(() -> {
      if (isClosed()) {
        return;
      }
      cancelAuthTimer(authTimer);
      if (ar.failed()) {
        deny("authentication failed");
      } else if (ar.result() instanceof AuthDecision.Denied d) {
        deny(d.reason());
      } else {
        AuthDecision.Allowed a = (AuthDecision.Allowed) ar.result();
        actor = a.actor();
        readOnly = a.readOnly();
        watch = a.watch();
        if (watch != null) {
          watch.bind(new org.pledgepad.server.auth.AccessWatch.Listener() {
            @Override
            public void readOnly(boolean ro) {
              readOnly = ro;
            }

            @Override
            public void revoked(String reason) {
              onOwnContext(() -> {
                if (!isClosed()) {
                  deny(reason);
                }
              });
            }
          });
        }
        session = sessions.acquire(documentName);
        session.join(this);
        List<Inbound> held = beforeAuth;
        beforeAuth = null;
        releaseBeforeAuth(beforeAuthBytes); // handed over: from here the session's limits apply
        beforeAuthBytes = 0;
        held.forEach(m -> session.receive(this, m));
      }
    }));
  }

  private void deny(String reason) {
    dropHeldBeforeAuth();
    send(new WireWriter().writeVarUint(MESSAGE_AUTH).writeVarUint(AUTH_PERMISSION_DENIED)
        .writeVarString(reason).toByteArray());
    close(CloseCodes.FORBIDDEN, "permission denied");
  }

  @Override
  protected void onMessage(byte[] message) {
    WireReader r = new WireReader(message);
    int type = r.readVarUintAsInt();
    Inbound m;
    switch (type) {
      case MESSAGE_SYNC -> m = SyncMessages.read(r);
      case MESSAGE_AWARENESS -> m = new Inbound.Awareness(r.readVarUint8Array());
      case MESSAGE_QUERY_AWARENESS -> m = new Inbound.QueryAwareness();
      case MESSAGE_AUTH -> {
        // Clients never send auth messages in this protocol; tolerated and ignored like the
        // reference server does.
        return;
      }
      default -> throw new MalformedFrameException("unknown message type");
    }
    if (session != null) {
      session.receive(this, m);
    } else if (beforeAuth != null) {
      holdBeforeAuth(beforeAuth.size(), message.length);
      beforeAuth.add(m);
      beforeAuthBytes += message.length;
    }
  }

  @Override
  protected void sendPing() {
    sendPingFrame();
  }

  @Override
  protected void dropHeldBeforeAuth() {
    if (beforeAuth != null) {
      beforeAuth.clear();
      releaseBeforeAuth(beforeAuthBytes);
      beforeAuthBytes = 0;
    }
  }

  @Override
  protected void onClosed() {
    cancelAuthTimer(authTimer);
    dropHeldBeforeAuth();
    if (watch != null) {
      watch.release();
    }
    if (session != null) {
      session.leave(this);
    }
  }

  // Peer

  @Override
  public String connectionId() {
    return id;
  }

  @Override
  public String actor() {
    return actor;
  }

  @Override
  public boolean readOnly() {
    return readOnly;
  }

  /**
   * The stock y-websocket 3.x provider stops for good on every code from 4400 to 4499 (it reads
   * them as "refused"). Rate limiting and idleness ask it to come back, so those go out as codes
   * it reconnects on: 4429 as 1013 (try again later, after its back-off) and 4408 as 1001. Before,
   * a client typing a burst was closed with 4429 and kept its later edits unsent until reloaded.
   */
  @Override
  protected short closeCodeOnWire(short code) {
    switch (code) {
      case CloseCodes.RATE_LIMITED:
        return CloseCodes.TRY_AGAIN_LATER;
      case CloseCodes.IDLE_TIMEOUT:
        return CloseCodes.GOING_AWAY;
      default:
        return code;
    }
  }

  @Override
  public boolean mayPublishAwareness() {
    return watch == null || watch.mayPublishAwareness();
  }

  @Override
  public void sendSyncStep1(byte[] stateVector) {
    sendSync(SyncMessages.STEP1, stateVector);
  }

  @Override
  public void sendSyncStep2(byte[] update) {
    sendSync(SyncMessages.STEP2, update);
  }

  @Override
  public void sendUpdate(byte[] update) {
    sendSync(SyncMessages.UPDATE, update);
  }

  @Override
  public int maxSyncPayloadBytes() {
    return limits.maxMessageBytes() - SyncMessages.envelopeBytes(0);
  }

  @Override
  public void sendSyncStep2Parts(List<byte[]> parts) {
    List<byte[]> messages = new ArrayList<>(parts.size());
    for (int i = 0; i < parts.size(); i++) {
      messages.add(syncMessage(i == parts.size() - 1 ? SyncMessages.STEP2 : SyncMessages.UPDATE, parts.get(i)));
    }
    sendAll(messages);
  }

  @Override
  public void sendUpdateParts(List<byte[]> parts) {
    sendAll(parts.stream().map(p -> syncMessage(SyncMessages.UPDATE, p)).toList());
  }

  @Override
  public UpdateFraming updateFraming() {
    return YWebsocketUpdateFraming.INSTANCE;
  }

  @Override
  public void sendFramedUpdate(SharedFrame message) {
    sendShared(message);
  }

  private void sendSync(int kind, byte[] payload) {
    send(syncMessage(kind, payload));
  }

  /** One sync message in an exactly sized array: several go out per delivered update. */
  static byte[] syncMessage(int kind, byte[] payload) {
    return writeSyncMessage(new WireWriter(syncMessageSize(kind, payload)), kind, payload).toByteArray();
  }

  /** A sync message as a whole WebSocket frame, for every y-websocket peer of a document at once. */
  static SharedFrame syncFrame(int kind, byte[] payload) {
    return SharedFrame.of(writeSyncMessage(SharedFrame.writer(syncMessageSize(kind, payload)), kind, payload));
  }

  private static int syncMessageSize(int kind, byte[] payload) {
    return WireWriter.varUintSize(MESSAGE_SYNC) + WireWriter.varUintSize(kind)
        + WireWriter.varUintSize(payload.length) + payload.length;
  }

  private static WireWriter writeSyncMessage(WireWriter w, int kind, byte[] payload) {
    return SyncMessages.write(w.writeVarUint(MESSAGE_SYNC), kind, payload);
  }

  @Override
  public void sendAwareness(byte[] awarenessUpdate) {
    send(new WireWriter(awarenessUpdate.length + 8).writeVarUint(MESSAGE_AWARENESS)
        .writeVarUint8Array(awarenessUpdate).toByteArray());
  }

  @Override
  public void sendSyncStatus(boolean applied) {
    // y-websocket has no acknowledgement message; a refused update gets "permission denied"
    // (the stock provider reports it and keeps the connection, which stays useful read-only).
    if (!applied) {
      send(new WireWriter().writeVarUint(MESSAGE_AUTH).writeVarUint(AUTH_PERMISSION_DENIED)
          .writeVarString("read-only").toByteArray());
    }
  }
}
