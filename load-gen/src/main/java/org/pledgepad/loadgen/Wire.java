package org.pledgepad.loadgen;

import java.util.List;
import java.util.function.Consumer;

/**
 * One collaboration protocol as the stock provider speaks it: where a client connects, what it
 * sends once the socket is open, how it frames its updates and awareness, and how it answers the
 * server's frames. Implementations keep no per-client state.
 */
interface Wire {
  /** The WebSocket URL of one client of {@code documentName}. */
  String url(String base, String documentName, String token);

  /** The frames the provider sends when its socket opened, in order. */
  List<byte[]> opening(Peer peer, byte[] stateVector, byte[] localAwareness);

  byte[] update(String documentName, byte[] update);

  byte[] awareness(String documentName, byte[] awarenessUpdate);

  /** Handles one received frame; frames the provider would send in reply go to {@code send}. */
  void receive(byte[] frame, Peer peer, Consumer<byte[]> send);

  static Wire of(String protocol, String token) {
    switch (protocol) {
      case "yws":
        return new YWebsocketWire();
      case "hp":
        return new HocuspocusWire(token);
      default:
        throw new IllegalArgumentException("protocol must be yws or hp");
    }
  }
}
