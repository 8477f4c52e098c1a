package org.pledgepad.crdt.sync;

// Follows y-protocols/awareness.js (y-protocols 1.0.7): the format of encodeAwarenessUpdate /
// applyAwarenessUpdate.

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.pledgepad.crdt.lib0.Decoder;
import org.pledgepad.crdt.lib0.DecodingException;
import org.pledgepad.crdt.lib0.Encoder;
import org.pledgepad.crdt.lib0.Json;

/**
 * The awareness update wire format: varUint(n), then n × (clientID varUint, clock varUint,
 * state as varString JSON, "null" meaning "client gone"). Decoding checks every entry (JSON
 * well-formed, state no larger than a cap) before returning, so a caller applies all or none.
 */
public final class AwarenessUpdate {
  /** Default cap on one client's state as UTF-8 JSON; cursors and user names are far smaller. */
  public static final int DEFAULT_MAX_STATE_BYTES = 64 * 1024;

  private AwarenessUpdate() {}

  /**
   * One client's entry. {@code state} is the parsed JSON (null for a removal); {@code json} is
   * the text as received, so a relay can forward it unchanged.
   */
  public record Entry(long clientID, long clock, Object state, String json) {
    public Entry(long clientID, long clock, Object state) {
      this(clientID, clock, state, jsonOf(state));
    }

    private static String jsonOf(Object state) {
      String s = Json.stringify(state);
      return s == null ? "null" : s;
    }
  }

  public static List<Entry> decode(byte[] update) {
    return decode(update, DEFAULT_MAX_STATE_BYTES);
  }

  public static List<Entry> decode(byte[] update, int maxStateBytes) {
    Decoder decoder = new Decoder(update);
    long n = decoder.readVarUint();
    // An entry takes at least three bytes (client, clock, string length).
    if (n > decoder.remaining() / 3) {
      throw new DecodingException("awareness entry count " + n + " exceeds the input");
    }
    List<Entry> entries = new ArrayList<>((int) n);
    for (long i = 0; i < n; i++) {
      long clientID = decoder.readVarUint();
      long clock = decoder.readVarUint();
      int start = decoder.pos;
      long len = decoder.readVarUint();
      if (len > maxStateBytes) {
        throw new DecodingException("awareness state of " + len + " bytes exceeds the cap of " + maxStateBytes);
      }
      decoder.pos = start;
      String json = decoder.readVarString();
      Object state = Json.parse(json);
      entries.add(new Entry(clientID, clock, state, json));
    }
    if (decoder.hasContent()) {
      throw new DecodingException("trailing bytes after awareness update");
    }
    return Collections.unmodifiableList(entries);
  }

  /**
   * modifyAwarenessUpdate: rewrites every state (e.g. to strip fields a reader must not see),
   * re-serialising it with JSON.stringify semantics; null stays a removal.
   */
  public static byte[] modify(byte[] update, java.util.function.UnaryOperator<Object> modify) {
    List<Entry> in = decode(update);
    List<Entry> out = new ArrayList<>(in.size());
    for (Entry e : in) {
      out.add(new Entry(e.clientID(), e.clock(), modify.apply(e.state())));
    }
    return encode(out);
  }

  /** Writes the entries' JSON text as given. */
  public static byte[] encode(List<Entry> entries) {
    Encoder encoder = new Encoder();
    encoder.writeVarUint(entries.size());
    for (Entry e : entries) {
      encoder.writeVarUint(e.clientID());
      encoder.writeVarUint(e.clock());
      encoder.writeVarString(e.json());
    }
    return encoder.toUint8Array();
  }
}
