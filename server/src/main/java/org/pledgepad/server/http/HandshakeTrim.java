package org.pledgepad.server.http;

import io.vertx.core.MultiMap;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.impl.headers.HeadersMultiMap;
import java.lang.reflect.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes an open WebSocket forget the query string and headers of its upgrade request once the
 * server has read what it needs from them (document, token, cookie, client address). Vert.x
 * keeps both for the life of the socket; with a y-websocket client the query carries the access
 * token, so an idle socket held the token twice (uri and query) plus a header map: about 1.3 KiB
 * of its heap (docs/benchmarks.md, issue 3). Afterwards {@code uri()} is the path,
 * {@code query()} is null and {@code headers()} is empty and read-only.
 *
 * <p>The fields are Vert.x-internal: should an upgrade rename them, this does nothing (logged
 * once) and the socket keeps them; {@code SocketMemoryTest} fails then, as a reminder.
 */
public final class HandshakeTrim {
  private static final Logger LOG = LoggerFactory.getLogger(HandshakeTrim.class);
  private static final MultiMap NO_HEADERS = HeadersMultiMap.httpHeaders().copy(false);
  private static final Field URI;
  private static final Field PATH;
  private static final Field QUERY;
  private static final Field HEADERS;

  static {
    Field uri = null;
    Field path = null;
    Field query = null;
    Field headers = null;
    try {
      Class<?> server = Class.forName("io.vertx.core.http.impl.ServerWebSocketImpl");
      uri = accessible(server.getDeclaredField("uri"));
      path = accessible(server.getDeclaredField("path"));
      query = accessible(server.getDeclaredField("query"));
      headers = accessible(server.getSuperclass().getDeclaredField("headers"));
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.info("Vert.x internals changed ({}): open WebSockets keep their upgrade's query and headers",
          e.getClass().getSimpleName());
      uri = null;
    }
    URI = uri;
    PATH = path;
    QUERY = query;
    HEADERS = headers;
  }

  private HandshakeTrim() {}

  /** Call once the upgrade's query and headers were read; true when they were dropped. */
  public static boolean trim(ServerWebSocket ws) {
    if (URI == null || !URI.getDeclaringClass().isInstance(ws)) {
      return false;
    }
    try {
      URI.set(ws, PATH.get(ws));
      QUERY.set(ws, null);
      HEADERS.set(ws, NO_HEADERS);
      return true;
    } catch (IllegalAccessException | RuntimeException e) {
      return false;
    }
  }

  private static Field accessible(Field f) {
    f.setAccessible(true);
    return f;
  }
}
