package org.pledgepad.server.cluster;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.pledgepad.server.session.SessionRegistry;
import org.pledgepad.server.wire.AwarenessMessages;
import org.pledgepad.server.wire.MalformedFrameException;
import org.pledgepad.server.wire.WireReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Presence (awareness: cursors, names) across nodes, through NOTIFY on its own channel, never
 * stored. What this node's clients announce (already checked by their session) is collected per
 * document, the newest state per clientID, and sent at most every {@link #FLUSH_MS} as one or
 * more notifications of at most {@link #MAX_PAYLOAD} bytes; the other nodes forward it to their
 * peers of that document. Best effort: a lost notification is repaired by the clients' own
 * renewal (y-protocols re-announces every 15 s and drops states silent for 30 s).
 */
final class AwarenessRelay {
  private static final Logger LOG = LoggerFactory.getLogger(AwarenessRelay.class);
  static final String CHANNEL = "pledgepad_awareness";
  static final long FLUSH_MS = 100;
  /**
   * Below PostgreSQL's 8000-byte NOTIFY payload limit, header included, in UTF-8 bytes. One
   * client's state that does not fit a notification of its own stays on its node (real states
   * are a few hundred bytes).
   */
  static final int MAX_PAYLOAD = 7000;
  /** Documents with unsent presence; beyond this, new announcements wait for the next flush. */
  static final int MAX_PENDING_DOCUMENTS = 10_000;

  /** A client's newest state as it goes out: its entry of the awareness update, encoded. */
  private record State(long clock, byte[] entry) {}

  private final Vertx vertx;
  private final Context context;
  /** Sends one payload on {@link #CHANNEL} (pg_notify). */
  private final Function<String, Future<?>> notify;
  private final SessionRegistry sessions;
  private final String nodeId = UUID.randomUUID().toString();
  /** Document → clientID → newest state; touched on {@link #context} only. */
  private final Map<String, LinkedHashMap<Long, State>> pending = new HashMap<>();
  private boolean flushScheduled;

  AwarenessRelay(Vertx vertx, Context context, Function<String, Future<?>> notify, SessionRegistry sessions) {
    this.vertx = vertx;
    this.context = context;
    this.notify = notify;
    this.sessions = sessions;
  }

  /** A local session broadcast this awareness update to its peers (any thread). */
  void published(String document, byte[] update) {
    context.runOnContext(v -> {
      LinkedHashMap<Long, State> states = pending.get(document);
      if (states == null) {
        if (pending.size() >= MAX_PENDING_DOCUMENTS) {
          return;
        }
        states = new LinkedHashMap<>();
        pending.put(document, states);
      }
      int budget = budget(header(document));
      try {
        WireReader r = new WireReader(update);
        long n = r.readVarUint();
        for (long i = 0; i < n; i++) {
          long clientId = r.readVarUint();
          long clock = r.readVarUint();
          // Weighed as sent, in bytes: a limit in characters let a state of three-byte
          // characters through that made a notification PostgreSQL refuses.
          byte[] entry = AwarenessMessages.entry(clientId, clock, r.readVarString());
          State old = states.get(clientId);
          if (AwarenessMessages.fitsAlone(entry, budget) && (old == null || old.clock() <= clock)) {
            states.put(clientId, new State(clock, entry));
          }
        }
      } catch (MalformedFrameException e) {
        return; // the session validated it; nothing to relay otherwise
      }
      if (!flushScheduled) {
        flushScheduled = true;
        vertx.setTimer(FLUSH_MS, id -> flush());
      }
    });
  }

  /** Sends what is pending (also on shutdown, so that removals reach the other nodes). */
  Future<Void> flush() {
    return Future.<Void>future(p -> context.runOnContext(v -> {
      flushScheduled = false;
      List<Future<?>> sent = new ArrayList<>();
      for (Map.Entry<String, LinkedHashMap<Long, State>> doc : pending.entrySet()) {
        for (String payload : payloads(doc.getKey(), doc.getValue())) {
          sent.add(notify.apply(payload).onFailure(e -> LOG.debug("Awareness relay notify failed: {}", e.getMessage())));
        }
      }
      pending.clear();
      Future.join(sent).onComplete(ar -> p.complete());
    }));
  }

  /** Splits the states into notifications within the payload budget. */
  private List<String> payloads(String document, Map<Long, State> states) {
    String header = header(document);
    List<byte[]> entries = new ArrayList<>(states.size());
    states.values().forEach(s -> entries.add(s.entry()));
    List<String> out = new ArrayList<>();
    for (byte[] update : AwarenessMessages.pack(entries, budget(header))) {
      out.add(header + Base64.getEncoder().encodeToString(update));
    }
    return out;
  }

  private String header(String document) {
    return nodeId + "\n" + document + "\n";
  }

  /** Bytes of entries (and their count) whose base64 fits a notification after {@code header}. */
  private static int budget(String header) {
    return (MAX_PAYLOAD - header.getBytes(StandardCharsets.UTF_8).length) / 4 * 3;
  }

  /** A notification of another node: forwarded to this node's peers of that document. */
  void received(String payload) {
    int first = payload == null ? -1 : payload.indexOf('\n');
    int second = first < 0 ? -1 : payload.indexOf('\n', first + 1);
    if (second < 0 || payload.substring(0, first).equals(nodeId)) {
      return; // malformed, or our own
    }
    String document = payload.substring(first + 1, second);
    byte[] update;
    try {
      update = Base64.getDecoder().decode(payload.substring(second + 1));
      WireReader r = new WireReader(update);
      long n = r.readVarUint();
      for (long i = 0; i < n; i++) {
        r.readVarUint();
        r.readVarUint();
        r.readVarString();
      }
    } catch (IllegalArgumentException | MalformedFrameException e) {
      LOG.warn("Ignoring a malformed {} notification", CHANNEL);
      return;
    }
    sessions.awarenessFromElsewhere(document, update);
  }
}
