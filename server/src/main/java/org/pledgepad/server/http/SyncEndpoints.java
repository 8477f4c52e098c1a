package org.pledgepad.server.http;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import java.util.List;
import org.pledgepad.server.auth.AuthHook;
import org.pledgepad.server.config.Limits;
import org.pledgepad.server.metrics.ServerMetrics;
import org.pledgepad.server.protocol.CloseCodes;
import org.pledgepad.server.protocol.DocumentNames;
import org.pledgepad.server.protocol.HocuspocusConnection;
import org.pledgepad.server.protocol.YWebsocketConnection;
import org.pledgepad.server.session.SessionRegistry;

/**
 * Routes WebSocket upgrades: {@code /ws/{documentName}} speaks y-websocket, {@code /collab}
 * speaks Hocuspocus. Anything else is refused before the upgrade with an HTTP status.
 */
public final class SyncEndpoints {
  public static final String Y_WEBSOCKET_PREFIX = "/ws/";
  public static final String HOCUSPOCUS_PATH = "/collab";

  private final Vertx vertx;
  private final Limits limits;
  private final ServerMetrics metrics;
  private final AuthHook auth;
  private final SessionRegistry sessions;
  private final java.util.Set<String> allowedOrigins;
  private volatile java.util.function.BooleanSupplier refuse = () -> false;

  public SyncEndpoints(Vertx vertx, Limits limits, ServerMetrics metrics, AuthHook auth,
      SessionRegistry sessions, java.util.Set<String> allowedOrigins) {
    this.allowedOrigins = allowedOrigins;
    this.vertx = vertx;
    this.limits = limits;
    this.metrics = metrics;
    this.auth = auth;
    this.sessions = sessions;
  }

  /** While {@code condition} holds (the node drains) upgrades are refused with 503. */
  public void refuseWhen(java.util.function.BooleanSupplier condition) {
    this.refuse = condition;
  }

  public void handshake(ServerWebSocketHandshake h) {
    if (refuse.getAsBoolean()) {
      h.reject(503);
      return;
    }
    String origin = h.headers().get("Origin");
    // Non-browser clients send no Origin; browsers always do, and a page from another site must
    // not open sockets in the name of a signed-in user (cross-site WebSocket hijacking).
    if (!allowedOrigins.isEmpty() && origin != null
        && !allowedOrigins.contains(origin.toLowerCase(java.util.Locale.ROOT))) {
      h.reject(403);
      return;
    }
    String path = h.path();
    if (path.startsWith(Y_WEBSOCKET_PREFIX)) {
      // Accepted, then refused on the socket (connect): an invalid name closes with 4400, a
      // credential that does not verify with permission-denied and 4403. The stock y-websocket
      // provider gives up on those codes, but takes a refused upgrade (400, 401) for a network
      // error and retries it every few seconds for ever.
      h.accept();
      return;
    }
    // Credentials presented at the upgrade (?token=) are checked before it completes.
    if (!auth.acceptsUpgrade(h.headers(), queryToken(h.uri()))) {
      h.reject(401);
      return;
    }
    if (path.equals(HOCUSPOCUS_PATH)) {
      h.accept();
    } else {
      h.reject(404);
    }
  }

  public void connect(ServerWebSocket ws) {
    // Memory per idle socket: drop the finished upgrade, write without Vert.x's queue (WsConnection
    // keeps every write on the socket's event loop), forget the request's query and headers once read.
    UpgradeRelease.release(ws);
    DirectOutbound.install(ws);
    IdleHandlerRemoval.remove(ws); // WsConnection times out idle sockets itself
    String path = ws.path();
    AuthHook auth = this.auth.forConnection(ws.headers(), ws.remoteAddress(), ws.isSsl());
    if (path.equals(HOCUSPOCUS_PATH)) {
      HandshakeTrim.trim(ws); // everything needed from the upgrade request is read
      new HocuspocusConnection(vertx, ws, limits, metrics, auth, sessions).start();
      return;
    }
    String name = documentName(path);
    if (name == null) {
      ws.close(CloseCodes.MALFORMED_MESSAGE, "invalid document name");
      return;
    }
    String token = queryToken(ws.uri());
    HandshakeTrim.trim(ws);
    new YWebsocketConnection(vertx, ws, limits, metrics, name, token, auth, sessions).start();
  }

  private static String queryToken(String uri) {
    List<String> tokens = new QueryStringDecoder(uri).parameters().get("token");
    return tokens == null || tokens.isEmpty() ? null : tokens.get(0);
  }

  private static String documentName(String path) {
    if (!path.startsWith(Y_WEBSOCKET_PREFIX)) {
      return null;
    }
    String raw = path.substring(Y_WEBSOCKET_PREFIX.length());
    String name;
    try {
      name = QueryStringDecoder.decodeComponent(raw);
    } catch (IllegalArgumentException e) {
      return null;
    }
    return DocumentNames.isValid(name) ? name : null;
  }
}
