package org.pledgepad.server.protocol;

import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pledgepad.server.auth.AuthHook;
import org.pledgepad.server.config.Limits;
import org.pledgepad.server.metrics.ServerMetrics;
import org.pledgepad.server.session.Inbound;
import org.pledgepad.server.session.SessionRegistry;
import org.pledgepad.server.session.SyncMessages;
import org.pledgepad.server.wire.MalformedFrameException;
import org.pledgepad.server.wire.SharedFrame;
import org.pledgepad.server.wire.WireReader;
import org.pledgepad.server.wire.WireWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Hocuspocus protocol (provider 4.x): several documents share one socket; every message is
 * varString(documentName) + varUint(type) + body, except the connection-level keep-alive, a
 * single byte Ping (9) / Pong (10). Each document has its own {@link HocuspocusChannel} with its
 * own auth; its messages are held until the auth resolved.
 */
public final class HocuspocusConnection extends WsConnection {
  private static final Logger LOG = LoggerFactory.getLogger(HocuspocusConnection.class);
  static final int SYNC = 0;
  static final int AWARENESS = 1;
  static final int AUTH = 2;
  static final int QUERY_AWARENESS = 3;
  static final int SYNC_REPLY = 4;
  static final int STATELESS = 5;
  static final int BROADCAST_STATELESS = 6;
  static final int CLOSE = 7;
  static final int SYNC_STATUS = 8;
  static final int PING = 9;
  static final int PONG = 10;

  static final int AUTH_TOKEN = 0;
  static final int AUTH_PERMISSION_DENIED = 1;
  static final int AUTH_AUTHENTICATED = 2;

  private final AuthHook auth;
  private final SessionRegistry sessions;
  /**
   * Documents closed on this socket for what the client sent, before the socket itself is
   * closed: a provider that goes on sending refused updates gets no endless cycle of
   * reopen-and-refuse at the server's cost.
   */
  static final int MAX_DOCUMENT_FAULTS = 3;

  private final Map<String, HocuspocusChannel> channels = new HashMap<>();
  private int documentFaults;

  public HocuspocusConnection(Vertx vertx, ServerWebSocket ws, Limits limits, ServerMetrics metrics,
      AuthHook auth, SessionRegistry sessions) {
    super(vertx, ws, limits, metrics);
    this.auth = auth;
    this.sessions = sessions;
  }

  @Override
  protected void onOpen() {
    // The client speaks first (Auth, then sync step 1).
  }

  @Override
  protected void onMessage(byte[] message) {
    if (message.length == 1 && (message[0] == PING || message[0] == PONG)) {
      if (message[0] == PING) {
        send(new byte[] {PONG});
      }
      return;
    }
    WireReader r = new WireReader(message);
    // A session-aware provider (Hocuspocus 4, sessionAwareness: true) addresses its messages as
    // documentName + NUL + sessionId, so that one socket can carry the same document more than
    // once; each address is a channel of its own, answered under that address.
    String address = r.readVarString();
    int separator = address.indexOf('\0');
    String name = separator < 0 ? address : address.substring(0, separator);
    if (!DocumentNames.isValid(name)
        || separator >= 0 && !DocumentNames.isValidSessionId(address.substring(separator + 1))) {
      throw new ProtocolViolation(CloseCodes.MALFORMED_MESSAGE, "invalid document name");
    }
    int type = r.readVarUintAsInt();
    HocuspocusChannel ch = channels.get(address);
    if (type == AUTH) {
      if (r.readVarUintAsInt() != AUTH_TOKEN) {
        throw new MalformedFrameException("clients may only send auth tokens");
      }
      String token = r.readVarString();
      if (ch != null && ch.ended()) {
        channels.remove(address, ch); // a new token is a new attempt
        ch = null;
      }
      if (ch == null) {
        ch = openChannel(address, name);
      }
      ch.authenticate(token);
      return;
    }
    Inbound m;
    switch (type) {
      case SYNC, SYNC_REPLY -> m = SyncMessages.read(r);
      case AWARENESS -> m = new Inbound.Awareness(r.readVarUint8Array());
      case QUERY_AWARENESS -> m = new Inbound.QueryAwareness();
      case STATELESS -> {
        r.readVarString(); // validated (UTF-8) and dropped: no stateless handlers yet
        return;
      }
      case CLOSE -> {
        if (ch != null) {
          ch.leave();
          channels.remove(address);
        }
        return;
      }
      case SYNC_STATUS, PING, PONG -> {
        return;
      }
      default -> throw new MalformedFrameException("unknown message type");
    }
    if (ch == null) {
      ch = openChannel(address, name);
    }
    ch.receive(m, message.length);
  }

  private HocuspocusChannel openChannel(String address, String name) {
    if (channels.size() >= limits.maxDocumentsPerConnection()) {
      throw new ProtocolViolation(CloseCodes.RATE_LIMITED, "too many documents on one connection");
    }
    HocuspocusChannel ch = new HocuspocusChannel(this, address, name, auth, sessions);
    channels.put(address, ch);
    return ch;
  }

  void sendTo(String documentName, int type, WireWriter body) {
    byte[] b = body.toByteArray();
    send(new WireWriter(b.length + documentName.length() + 8)
        .writeVarString(documentName).writeVarUint(type).writeRaw(b).toByteArray());
  }

  /**
   * Ends one document of this socket for a fault in what the client sent for it (see
   * {@link HocuspocusChannel#close}), telling the provider with a Close message whose reason
   * begins with the close code (docs/close-codes.md). Called from the document's session.
   */
  void closeDocument(HocuspocusChannel ch, short code, String reason) {
    onOwnContext(() -> {
      if (isClosed() || channels.get(ch.address()) != ch || ch.ended()) {
        return;
      }
      ch.endForFault();
      sendTo(ch.address(), CLOSE, new WireWriter().writeVarString(code + " " + reason));
      if (++documentFaults >= MAX_DOCUMENT_FAULTS) {
        LOG.warn("Closing connection {}: {} documents closed for faults ({})", id, documentFaults, code);
        close(code, "repeated faults: " + reason);
      }
    });
  }

  /**
   * A document whose authentication did not resolve within AUTH_TIMEOUT_SECONDS (the client never
   * sent Auth for it, or the auth hook never answered) is closed alone, with a Close message "4408
   * authentication timeout", and what waited for it is dropped. Not counted as a fault: the stock
   * provider sends no Auth when its token function fails, and closing the socket took every other
   * document of it down every 30 s.
   */
  void documentAuthTimedOut(HocuspocusChannel ch) {
    if (isClosed() || channels.get(ch.address()) != ch || ch.ended()) {
      return;
    }
    metrics.frameRejected(CloseCodes.IDLE_TIMEOUT);
    LOG.warn("Connection {}: a document's authentication did not resolve in time; that document closed ({})", id,
        CloseCodes.IDLE_TIMEOUT);
    ch.endForFault();
    sendTo(ch.address(), CLOSE, new WireWriter().writeVarString(CloseCodes.IDLE_TIMEOUT + " authentication timeout"));
  }

  int maxMessageBytes() {
    return limits.maxMessageBytes();
  }

  /**
   * A sync message (update, step 1/2) for the document whose encoded name is {@code namePrefix}
   * (its varString), written in one exactly sized array: several go out per delivered update.
   */
  void sendSync(byte[] namePrefix, int kind, byte[] payload) {
    send(syncMessage(namePrefix, kind, payload));
  }

  static byte[] syncMessage(byte[] namePrefix, int kind, byte[] payload) {
    return writeSyncMessage(new WireWriter(syncMessageSize(namePrefix, kind, payload)), namePrefix, kind, payload)
        .toByteArray();
  }

  /** A sync message as a whole WebSocket frame, shared by every channel of the document. */
  static SharedFrame syncFrame(byte[] namePrefix, int kind, byte[] payload) {
    return SharedFrame.of(writeSyncMessage(SharedFrame.writer(syncMessageSize(namePrefix, kind, payload)),
        namePrefix, kind, payload));
  }

  private static int syncMessageSize(byte[] namePrefix, int kind, byte[] payload) {
    return namePrefix.length + WireWriter.varUintSize(SYNC) + WireWriter.varUintSize(kind)
        + WireWriter.varUintSize(payload.length) + payload.length;
  }

  private static WireWriter writeSyncMessage(WireWriter w, byte[] namePrefix, int kind, byte[] payload) {
    return SyncMessages.write(w.writeRaw(namePrefix).writeVarUint(SYNC), kind, payload);
  }

  /** Complete messages of one document that belong together (a split update), behind one queue check. */
  void sendRawAll(List<byte[]> messages) {
    sendAll(messages);
  }

  /**
   * A complete message built by a channel, possibly written to other connections too (one
   * framed update for all peers of a document) or again later (the applied status): never modified.
   */
  void sendFramed(SharedFrame message) {
    sendShared(message);
  }

  void violate(ProtocolViolation v) {
    violation(v);
  }

  String id() {
    return id;
  }

  String remote() {
    return remoteAddress();
  }

  @Override
  protected void sendPing() {
    send(new byte[] {PING});
  }

  @Override
  protected void dropHeldBeforeAuth() {
    for (HocuspocusChannel ch : channels.values()) {
      ch.dropHeld();
    }
  }

  @Override
  protected void onClosed() {
    for (HocuspocusChannel ch : List.copyOf(channels.values())) {
      ch.leave();
    }
    channels.clear();
  }
}
