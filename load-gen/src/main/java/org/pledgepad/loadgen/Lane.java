package org.pledgepad.loadgen;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The clients of some documents on one event loop (what a worker process is to load.mjs): every
 * sender and receiver of a document share this thread, so a lane counts its own deliveries and
 * latencies without locks. All methods except the Future-returning entry points run on the
 * lane's context.
 */
final class Lane {
  static final long TICK_MS = 5;
  private static final long AWARENESS_CHECK_MS = 3_000;
  /** After the drain, in-flight window edits get this long to arrive (as in load-worker.mjs). */
  static final long SETTLE_MS = 300;

  final Vertx vertx;
  final Context context;
  final Clock clock;
  private final WebSocketClient sockets;
  private final Wire wire;
  final ClientMode mode;
  final Typing typing;
  private final List<SimClient> clients = new ArrayList<>();
  private final Map<String, SimClient> byKey = new HashMap<>();
  private final Map<Long, SimClient> byClientId = new HashMap<>();
  private final Map<String, Integer> perDocument = new HashMap<>();
  private final Map<String, List<SimClient>> byDocument = new HashMap<>();
  final AtomicInteger synced = new AtomicInteger();
  final AtomicInteger refused = new AtomicInteger();
  final AtomicInteger closed = new AtomicInteger();
  final AtomicInteger failed = new AtomicInteger();

  /** Scratch space of the lean receive path (one lane, one thread). */
  private final MarkerScanner.Markers markers = new MarkerScanner.Markers();
  private boolean measuring;
  private long received;
  /** Deliveries of the last step's window edits that arrived after that step ended. */
  private long lateReceived;
  private Samples latencies = new Samples();

  Lane(Vertx vertx, Clock clock, WebSocketClient sockets, Wire wire, ClientMode mode) {
    this(vertx, clock, sockets, wire, mode, Typing.RANDOM);
  }

  Lane(Vertx vertx, Clock clock, WebSocketClient sockets, Wire wire, ClientMode mode, Typing typing) {
    this.vertx = vertx;
    this.mode = mode;
    this.typing = typing;
    // A new event-loop context per lane (round robin over the pool): getOrCreateContext() from
    // the main thread hands every caller the same sticky loop, which put all lanes on one thread.
    this.context = ((io.vertx.core.internal.VertxInternal) vertx).createEventLoopContext();
    this.clock = clock;
    this.sockets = sockets;
    this.wire = wire;
  }

  /** Opens the clients one after another, {@code spacingMs} apart (no burst of hundreds). */
  void open(List<String> bases, List<String> documents, int perDoc, String token, long spacingMs) {
    context.runOnContext(v -> {
      long delay = 1;
      for (String name : documents) {
        for (int i = 0; i < perDoc; i++) {
          SimClient c = new SimClient(this, wire, name, i);
          clients.add(c);
          byKey.put(c.key, c);
          byClientId.put(c.doc.clientID, c);
          perDocument.merge(name, 1, Integer::sum);
          byDocument.computeIfAbsent(name, k -> new ArrayList<>()).add(c);
          String url = wire.url(bases.get(i % bases.size()), name, token); // split across nodes
          vertx.setTimer(delay, t -> connect(c, url));
          delay += spacingMs;
        }
      }
      vertx.setPeriodic(AWARENESS_CHECK_MS, t -> {
        long now = (long) clock.nowMillis();
        for (SimClient c : clients) {
          c.renewAwareness(now);
        }
      });
    });
  }

  int size() {
    return clients.size();
  }

  private void connect(SimClient c, String url) {
    sockets.connect(new WebSocketConnectOptions().setAbsoluteURI(url)).onComplete(ar -> {
      if (ar.failed()) {
        failed.incrementAndGet();
        return;
      }
      ar.result().binaryMessageHandler(buf -> {
        boolean was = c.synced;
        c.received(buf.getBytes());
        if (!was && c.synced) {
          synced.incrementAndGet();
        }
        if (c.refused) {
          c.refused = false;
          refused.incrementAndGet();
        }
      });
      ar.result().closeHandler(x -> closed.incrementAndGet());
      c.opened(ar.result());
    });
  }

  Future<StepResult> run(StepPlan plan) {
    Promise<StepResult> done = Promise.promise();
    context.runOnContext(v -> new Step(plan, done).start());
    return done.future();
  }

  /**
   * Edits sent so far that some other client of the same document has not seen yet, over all
   * clients of this lane (a document's clients all live on one lane): 0 once the server has
   * delivered everything, whatever step the edits belonged to.
   */
  Future<Long> backlog() {
    Promise<Long> p = Promise.promise();
    context.runOnContext(v -> {
      long missing = 0;
      for (SimClient receiver : clients) {
        for (SimClient sender : byDocument.get(receiver.documentName)) {
          if (sender != receiver) {
            Long seen = receiver.last.get(sender.key);
            missing += sender.seq - (seen == null ? 0 : seen);
          }
        }
      }
      p.complete(missing);
    });
    return p.future();
  }

  /** Each document's texts as its clients on this lane see them (to check convergence). */
  Future<Map<String, List<String>>> texts() {
    Promise<Map<String, List<String>>> p = Promise.promise();
    context.runOnContext(v -> {
      Map<String, List<String>> out = new HashMap<>();
      for (SimClient c : clients) {
        out.computeIfAbsent(c.documentName, k -> new ArrayList<>()).add(c.text.toString());
      }
      p.complete(out);
    });
    return p.future();
  }

  /** A full receiver's map observer: each changed entry is the newest {s, t} of its sender. */
  void observe(SimClient receiver, Set<String> keysChanged) {
    double now = clock.nowMillis();
    for (String key : keysChanged) {
      if (receiver.meta.get(key) instanceof Map<?, ?> entry
          && entry.get("s") instanceof Number s && entry.get("t") instanceof Number t) {
        delivered(receiver, key, s.longValue(), t.doubleValue(), now);
      }
    }
  }

  /** A lean receiver's update: its markers, by the sender's client ID. */
  void observe(SimClient receiver, byte[] update) {
    markers.clear();
    MarkerScanner.scan(update, markers);
    double now = clock.nowMillis();
    for (int i = 0; i < markers.size(); i++) {
      SimClient sender = byClientId.get(markers.client(i));
      // y-websocket and Hocuspocus send an update back to its sender too; a document integrating
      // it would see no change, so neither does the lean receiver
      if (sender != null && sender != receiver) {
        delivered(receiver, sender.key, markers.seq(i), markers.time(i), now);
      }
    }
  }

  /**
   * Sender {@code key}'s entry s (sent at t) reached {@code receiver}: every window edit from
   * the last one seen up to s counts as delivered, and s gives a latency sample if in the window.
   */
  private void delivered(SimClient receiver, String key, long s, double t, double now) {
    Long lastSeen = receiver.last.get(key);
    long last = lastSeen == null ? 0 : lastSeen;
    if (s <= last) {
      return;
    }
    receiver.last.put(key, s);
    SimClient sender = byKey.get(key);
    if (sender == null) {
      return;
    }
    if (!measuring || sender.winStart < 0) {
      lateReceived += overlap(last, s, sender.lastWinStart, sender.lastWinEnd);
      return;
    }
    received += overlap(last, s, sender.winStart, sender.winEnd);
    if (s > sender.winStart && s <= sender.winEnd) {
      latencies.add(now - t, now);
    }
  }

  /** How many of the edits (last, s] lie in the window (start, end]. */
  private static long overlap(long last, long s, long start, long end) {
    return Math.max(0, Math.min(s, end) - Math.max(last, start));
  }

  /**
   * Deliveries of the last step's window edits that arrived after the step ended (its drain and
   * settle time): not part of its {@link StepResult}, but they show that nothing was lost.
   */
  Future<Long> lateDeliveries() {
    Promise<Long> p = Promise.promise();
    context.runOnContext(v -> p.complete(lateReceived));
    return p.future();
  }

  /** One step on this lane: the 5 ms tick of load-worker.mjs, catching up edits it fell behind on. */
  private final class Step {
    private final StepPlan plan;
    private final Promise<StepResult> done;
    private boolean winStarted;
    private boolean winEnded;
    private double prev;
    private double maxGap;
    private long timer;

    Step(StepPlan plan, Promise<StepResult> done) {
      this.plan = plan;
      this.done = done;
    }

    void start() {
      received = 0;
      latencies = new Samples();
      for (SimClient c : clients) {
        c.stepBase = c.seq;
        c.winStart = -1;
        c.winEnd = Long.MAX_VALUE;
      }
      prev = clock.nowMillis();
      timer = vertx.setPeriodic(TICK_MS, t -> tick());
    }

    private void tick() {
      double now = clock.nowMillis();
      double el = now - plan.startMs();
      double gap = now - prev;
      prev = now;
      if (winStarted && !winEnded && gap > maxGap) {
        maxGap = gap;
      }
      if (!winStarted && el >= plan.warmupMs()) {
        winStarted = true;
        measuring = true;
        for (SimClient c : clients) {
          c.winStart = c.seq;
        }
      }
      if (winStarted && !winEnded && el >= plan.warmupMs() + plan.windowMs()) {
        winEnded = true;
        for (SimClient c : clients) {
          c.winEnd = c.seq;
        }
      }
      if (el >= plan.totalMs()) {
        vertx.cancelTimer(timer);
        vertx.setTimer(SETTLE_MS, t -> finish());
        return;
      }
      for (SimClient c : clients) {
        long due = (long) Math.floor(el * plan.rate() / 1000 + c.phase);
        while (c.seq - c.stepBase < due) {
          c.edit();
        }
      }
    }

    private void finish() {
      long sent = 0;
      long expected = 0;
      for (SimClient c : clients) {
        long n = c.winStart < 0 ? 0 : c.winEnd - c.winStart;
        sent += n;
        expected += n * (perDocument.get(c.documentName) - 1);
        c.lastWinStart = c.winStart < 0 ? -1 : c.winStart;
        c.lastWinEnd = c.winStart < 0 ? -1 : c.winEnd;
        c.winStart = -1;
      }
      lateReceived = 0;
      measuring = false;
      done.complete(new StepResult(sent, expected, received, latencies.toArray(), latencies.arrivalsArray(), maxGap));
    }
  }
}
