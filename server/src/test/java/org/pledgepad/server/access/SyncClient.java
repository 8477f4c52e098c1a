package org.pledgepad.server.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pledgepad.server.wire.WireReader;
import org.pledgepad.server.wire.WireWriter;

/**
 * One document over either protocol, at message level, for the permission tests. Incoming
 * messages are normalised to {@link Msg}: y-websocket and Hocuspocus share the message types
 * 0 sync, 1 awareness, 2 auth; Hocuspocus adds 8 SyncStatus.
 */
final class SyncClient implements AutoCloseable {
  enum Protocol { Y_WEBSOCKET, HOCUSPOCUS }

  record Msg(int type, int sub, byte[] payload, String text) {
    boolean closed() {
      return type < 0;
    }
  }

  final Protocol protocol;
  final String document;
  final WsProbe ws;

  private SyncClient(Protocol protocol, String document, WsProbe ws) {
    this.protocol = protocol;
    this.document = document;
    this.ws = ws;
  }

  /** Connects and, for Hocuspocus, sends the Auth message. Returns null if the upgrade was refused. */
  static SyncClient connect(Protocol protocol, String wsBase, String document, String token,
      Map<String, String> headers) {
    String url = protocol == Protocol.Y_WEBSOCKET
        ? wsBase + "/ws/" + document + (token == null ? "" : "?token=" + token)
        : wsBase + "/collab";
    Object r = WsProbe.open(url, headers);
    if (!(r instanceof WsProbe p)) {
      return null;
    }
    SyncClient c = new SyncClient(protocol, document, p);
    if (protocol == Protocol.HOCUSPOCUS) {
      c.send(new WireWriter().writeVarUint(2).writeVarUint(0).writeVarString(token == null ? "" : token));
    }
    return c;
  }

  static int upgradeStatus(Protocol protocol, String wsBase, String document, String token, Map<String, String> headers) {
    String url = protocol == Protocol.Y_WEBSOCKET
        ? wsBase + "/ws/" + document + (token == null ? "" : "?token=" + token)
        : wsBase + "/collab" + (token == null ? "" : "?token=" + token);
    Object r = WsProbe.open(url, headers);
    if (r instanceof WsProbe p) {
      p.close();
      return 101;
    }
    return -(Integer) r;
  }

  /**
   * A y-websocket connection refused on its socket: the permission-denied reason and the close
   * code ("4403 invalid-credentials"); null when it was not refused.
   */
  static String refusalOnSocket(String wsBase, String document, String token) throws InterruptedException {
    try (SyncClient c = connect(Protocol.Y_WEBSOCKET, wsBase, document, token, Map.of())) {
      List<Msg> got = c.until(m -> m.type() == 2 && m.sub() == 0);
      Msg denied = got.get(got.size() - 1);
      if (denied.closed()) {
        return null;
      }
      c.until(m -> false);
      return c.ws.closeCode + " " + denied.text();
    }
  }

  private void send(WireWriter body) {
    byte[] b = body.toByteArray();
    WireWriter w = new WireWriter(b.length + 64);
    if (protocol == Protocol.HOCUSPOCUS) {
      w.writeVarString(document);
    }
    ws.send(w.writeRaw(b).toByteArray());
  }

  /** An Auth message with a token, as the stock provider sends one (at connect, or when asked again). */
  void sendToken(String token) {
    send(new WireWriter().writeVarUint(2).writeVarUint(0).writeVarString(token));
  }

  void sendUpdate(byte[] update) {
    send(new WireWriter().writeVarUint(0).writeVarUint(2).writeVarUint8Array(update));
  }

  void sendStep2(byte[] update) {
    send(new WireWriter().writeVarUint(0).writeVarUint(1).writeVarUint8Array(update));
  }

  void sendStep1(byte[] stateVector) {
    send(new WireWriter().writeVarUint(0).writeVarUint(0).writeVarUint8Array(stateVector));
  }

  void sendAwareness(long clientId, long clock, String json) {
    byte[] update = new WireWriter().writeVarUint(1).writeVarUint(clientId).writeVarUint(clock)
        .writeVarString(json).toByteArray();
    send(new WireWriter().writeVarUint(1).writeVarUint8Array(update));
  }

  Msg next() throws InterruptedException {
    byte[] m = ws.next();
    if (m == WsProbe.CLOSED) {
      return new Msg(-1, -1, null, null);
    }
    WireReader r = new WireReader(m);
    if (protocol == Protocol.HOCUSPOCUS) {
      r.readVarString();
    }
    int type = r.readVarUintAsInt();
    return switch (type) {
      case 0 -> {
        int sub = r.readVarUintAsInt();
        yield new Msg(0, sub, r.readVarUint8Array(), null);
      }
      case 1 -> new Msg(1, 0, r.readVarUint8Array(), null);
      case 2 -> {
        int sub = r.readVarUintAsInt();
        yield new Msg(2, sub, null, r.hasContent() ? r.readVarString() : null);
      }
      case 8 -> new Msg(8, (int) r.readVarInt(), null, null);
      default -> new Msg(type, -1, null, null);
    };
  }

  /** Messages up to and including the first that matches (or the close). */
  List<Msg> until(java.util.function.Predicate<Msg> stop) throws InterruptedException {
    List<Msg> out = new ArrayList<>();
    while (true) {
      Msg m = next();
      out.add(m);
      if (m.closed() || stop.test(m)) {
        return out;
      }
    }
  }

  /** True if an awareness message in {@code msgs} carries a state for {@code clientId}. */
  static boolean hasAwarenessOf(List<Msg> msgs, long clientId) {
    for (Msg m : msgs) {
      if (m.type() != 1) {
        continue;
      }
      WireReader r = new WireReader(m.payload());
      long n = r.readVarUint();
      for (long i = 0; i < n; i++) {
        long client = r.readVarUint();
        r.readVarUint();
        String state = r.readVarString();
        if (client == clientId && !state.equals("null")) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public void close() {
    ws.close();
  }
}
