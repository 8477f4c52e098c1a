package org.pledgepad.server.session;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pledgepad.server.protocol.CloseCodes;
import org.pledgepad.server.protocol.ProtocolViolation;
import org.pledgepad.server.wire.AwarenessMessages;
import org.pledgepad.server.wire.MalformedFrameException;
import org.pledgepad.server.wire.WireReader;
import org.pledgepad.server.wire.WireWriter;

/**
 * The awareness states (presence, cursors) of one document. The server does not interpret
 * them, but it enforces two rules: a state is a JSON object or null, and a clientID belongs to
 * the first connection that announced it, so nobody can move someone else's cursor or make them
 * vanish. The one exception is the same actor on a new connection: a client that reconnects
 * before the server noticed its old connection died must not be locked out of its own
 * clientID, with a newer state than the one recorded (an older or equal one is an echo). When a
 * connection leaves, its clientIDs are announced as removed.
 * Used on the session's context only.
 */
final class AwarenessStates {
  /** A real client announces one clientID per document; a few more cover reconnects. */
  static final int MAX_CLIENT_IDS_PER_PEER = 8;
  /**
   * Longest state (JSON, in chars) taken: a name, a colour and a cursor are a few hundred. A state
   * is sent to every peer of the document and to each that joins; bounded only by the message
   * size (2 MiB), a few of them filled every other peer's send queue at once (4503 for all).
   */
  static final int MAX_STATE_CHARS = 8192;
  /**
   * Bytes of one message of the states a joiner (or a query) gets, at most: in one message they
   * grew with the peers (up to 8 states of 8,192 characters per peer), and a document with
   * hundreds present sent each joiner megabytes at once. One state (8,192 characters of at most
   * 3 bytes in UTF-8) always fits.
   */
  static final int MAX_ALL_STATES_MESSAGE_BYTES = 64 * 1024;

  private record Entry(Peer owner, long clock, String json) {}

  private final Map<Long, Entry> states = new LinkedHashMap<>();

  /**
   * Validates an awareness update from {@code from} and records it.
   *
   * @throws ProtocolViolation when the update is malformed or claims another peer's clientID
   */
  void apply(Peer from, byte[] update) {
    List<long[]> ids = new ArrayList<>();
    List<String> jsons = new ArrayList<>();
    try {
      WireReader r = new WireReader(update);
      long n = r.readVarUint();
      if (n > r.remaining()) {
        throw new MalformedFrameException("awareness entry count beyond message");
      }
      for (long i = 0; i < n; i++) {
        long clientId = r.readVarUint();
        long clock = r.readVarUint();
        String json = r.readVarString();
        ids.add(new long[] {clientId, clock});
        jsons.add(json);
      }
    } catch (MalformedFrameException e) {
      throw new ProtocolViolation(CloseCodes.INVALID_UPDATE, "malformed awareness update");
    }
    Map<Long, Boolean> seen = new HashMap<>();
    int owned = countOwned(from);
    for (int i = 0; i < ids.size(); i++) {
      long id = ids.get(i)[0];
      Entry existing = states.get(id);
      if (existing != null && existing.owner() != from && !existing.owner().actor().equals(from.actor())) {
        throw new ProtocolViolation(CloseCodes.AWARENESS_FORGERY, "awareness clientID owned by another connection");
      }
      if (existing == null && seen.putIfAbsent(id, true) == null && ++owned > MAX_CLIENT_IDS_PER_PEER) {
        throw new ProtocolViolation(CloseCodes.AWARENESS_FORGERY, "too many awareness clientIDs");
      }
      if (jsons.get(i).length() > MAX_STATE_CHARS) {
        throw new ProtocolViolation(CloseCodes.INVALID_UPDATE, "awareness state too large");
      }
      validateJson(jsons.get(i));
    }
    for (int i = 0; i < ids.size(); i++) {
      long id = ids.get(i)[0];
      long clock = ids.get(i)[1];
      Entry existing = states.get(id);
      if (existing != null && existing.owner() != from && clock <= existing.clock()) {
        // The same actor's other connection repeating a state it received: the stock y-websocket
        // provider sends back every awareness change, whatever its origin. Taken as a takeover,
        // the echoing tab's leaving would announce the first tab's cursor gone. A reconnecting
        // tab (its old connection not yet noticed dead) takes its clientID over with its next
        // change, whose clock is higher — at the latest when it answers that removal.
        continue;
      }
      states.put(id, new Entry(from, clock, jsons.get(i)));
    }
  }

  private static void validateJson(String json) {
    if ("null".equals(json)) {
      return;
    }
    try {
      Object v = Json.decodeValue(json);
      if (!(v instanceof JsonObject)) {
        throw new ProtocolViolation(CloseCodes.INVALID_UPDATE, "awareness state is not a JSON object");
      }
    } catch (DecodeException e) {
      throw new ProtocolViolation(CloseCodes.INVALID_UPDATE, "awareness state is not JSON");
    }
  }

  private int countOwned(Peer p) {
    int n = 0;
    for (Entry e : states.values()) {
      if (e.owner() == p) {
        n++;
      }
    }
    return n;
  }

  /**
   * All known non-null states as awareness updates of at most {@link #MAX_ALL_STATES_MESSAGE_BYTES}
   * each (none when there are none).
   */
  List<byte[]> encodeAll() {
    List<byte[]> entries = new ArrayList<>();
    for (Map.Entry<Long, Entry> e : states.entrySet()) {
      if (!"null".equals(e.getValue().json())) {
        entries.add(AwarenessMessages.entry(e.getKey(), e.getValue().clock(), e.getValue().json()));
      }
    }
    return AwarenessMessages.pack(entries, MAX_ALL_STATES_MESSAGE_BYTES);
  }

  /**
   * Forgets the clientIDs of a leaving peer.
   *
   * @return an awareness update announcing their removal, or null when the peer had none
   */
  byte[] removePeer(Peer p) {
    List<Map.Entry<Long, Entry>> gone = new ArrayList<>();
    states.entrySet().removeIf(e -> {
      if (e.getValue().owner() == p) {
        gone.add(Map.entry(e.getKey(), e.getValue()));
        return true;
      }
      return false;
    });
    if (gone.isEmpty()) {
      return null;
    }
    WireWriter w = new WireWriter().writeVarUint(gone.size());
    for (Map.Entry<Long, Entry> e : gone) {
      w.writeVarUint(e.getKey()).writeVarUint(e.getValue().clock() + 1).writeVarString("null");
    }
    return w.toByteArray();
  }
}
