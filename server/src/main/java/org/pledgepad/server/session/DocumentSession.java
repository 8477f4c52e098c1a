package org.pledgepad.server.session;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.pledgepad.server.doc.ReceivedUpdate;
import org.pledgepad.server.doc.SharedDocument;
import org.pledgepad.server.doc.UpdateRejectedException;
import org.pledgepad.server.metrics.ServerMetrics;
import org.pledgepad.server.protocol.CloseCodes;
import org.pledgepad.server.protocol.ProtocolViolation;
import org.pledgepad.server.store.DocumentStore;
import org.pledgepad.server.store.LoadedDocument;
import org.pledgepad.server.store.NewUpdate;
import org.pledgepad.server.store.StoredUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open document: its live CRDT state, its peers and its awareness. Everything runs on one
 * Vert.x context (the one that opened it), so the state needs no locks and messages are handled
 * in arrival order. The public methods may be called from any thread; they hop onto the context.
 *
 * <p>An update travels: validate (decodes fully, once: the clientID check reads that decoding
 * and the apply integrates it) → commit queue → one store transaction for everything queued
 * while the previous commit was in flight (group commit) → apply to the live state → broadcast to the other peers → SyncStatus to the sender. Nothing is visible to anyone
 * before it is durable. The document is loaded from snapshot + log tail before the first sync
 * answer, and unloaded after the last peer left and the unload delay passed.
 */
public final class DocumentSession {
  private static final Logger LOG = LoggerFactory.getLogger(DocumentSession.class);
  /** A v1 state vector with no clients: the peer has nothing yet. */
  private static final byte[] EMPTY_STATE_VECTOR = {0};
  /** How long after a load that found a long log tail its snapshot waits (see loaded). */
  static final long LOAD_SNAPSHOT_DELAY_MS = 1_000;

  private enum State { LOADING, READY, CLOSED }

  /** An admitted update waiting for its commit; applied (as parsed) at most once, after it. */
  private record PendingUpdate(Peer from, ReceivedUpdate update) {}

  private final String name;
  private final Vertx vertx;
  private final Context context;
  private final SessionRegistry registry;
  private final DocumentStore store;
  private final SharedDocument doc;
  private final SessionSettings settings;
  private final ServerMetrics metrics;
  /** clientID ownership (null: not enforced). */
  private final UpdateAdmission admission;
  /** Connections that acquired this session and have not released it (see SessionRegistry). */
  final AtomicInteger reservations = new AtomicInteger();

  private State state = State.LOADING;
  /** Actions that arrived while loading, run in order once the document is ready. */
  private final List<Runnable> waiting = new ArrayList<>();
  /** Peers' messages in {@link #waiting}, and their bytes: bounded (see {@link #runMessage}). */
  private int waitingMessages;
  private long waitingBytes;
  /** Each peer's share of those while loading: messages and bytes. */
  private final java.util.Map<Peer, long[]> waitingPerPeer = new java.util.HashMap<>();
  /** Peers closed for queueing too much while loading: what else they send meanwhile is ignored. */
  private final Set<Peer> overflowed = new java.util.HashSet<>();
  private final Set<Peer> peers = new LinkedHashSet<>();
  /** Peers whose first step 1 was answered (see {@link Peer#repliesToEveryStepOne}). */
  private final Set<Peer> answeredFirstStepOne = new java.util.HashSet<>();
  /** Peers whose join waits for the load; closed if the load fails. */
  private final Set<Peer> joining = new LinkedHashSet<>();
  private final AwarenessStates awareness = new AwarenessStates();
  private final ArrayDeque<PendingUpdate> commitQueue = new ArrayDeque<>();
  private long queuedBytes;
  /** The process's budget for updates waiting for their commit, which commitQueue draws on. */
  private final StoreBacklog backlog;
  /** Updates accepted and not yet committed or failed (queued or in the append in flight). */
  private int waitingForCommit;
  private boolean commitInFlight;
  /**
   * The updates of the append in flight, in order (null when none): the list its completion
   * handles, which {@link #joinWaitingAppend} may still extend.
   */
  private List<PendingUpdate> inFlight;
  /** What the store returned for that append: it identifies the append to join. */
  private Future<List<Long>> inFlightAppend;
  private boolean snapshotInFlight;
  /** Every update up to this sequence number is applied to {@link #doc} (the gap-free head). */
  private long headSeq;
  /**
   * Reads this document's log after a seq when other processes append to the same store
   * (cluster fan-out); null on a single node.
   */
  private final LogReader logReader;
  /** Own commits logged above a gap that other processes' commits fill; already applied. */
  private final java.util.TreeSet<Long> appliedAhead = new java.util.TreeSet<>();
  /** Seq of the update acknowledged last (what a server-made update was logged at). */
  private long lastCommittedSeq;
  private boolean readLogAgain;
  private boolean readLogInFlight;
  /** Shutting down: new updates are not taken (their senders resend them elsewhere). */
  private boolean draining;
  /** Run once the commit queue is empty and no commit is in flight (draining). */
  private final List<Runnable> whenIdle = new ArrayList<>();
  /** Shutdowns queued behind the load (in {@link #waiting}); a failed load completes them. */
  private final List<Promise<Void>> shutdownsWhileLoading = new ArrayList<>();
  /** Server-made updates queued behind the load; a failed load fails them (their callers wait). */
  private final List<ServerPeer> submitsWhileLoading = new ArrayList<>();
  private long lastSnapshotSeq;
  /** Update bytes committed since the newest snapshot: a snapshot is due by count or by bytes. */
  private long unsnapshottedBytes;
  /** Size of the newest snapshot (0: none that applied): the tail's bytes are weighed against it. */
  private long lastSnapshotBytes;
  /** How much earlier than the policy's limits this document's next snapshot comes due (SnapshotPolicy.jitter). */
  private double snapshotEarlier;
  /**
   * The whole state encoded (the step 2 for a peer with an empty state vector, and the snapshot)
   * as of {@link #encodedStateSeq}; reused until the document changes. Every new connection of
   * a fresh client asks for exactly this, and for a large document it is the costly part of
   * answering (a reconnect wave asks for it hundreds of times).
   */
  private byte[] encodedState;
  private long encodedStateSeq = -1;
  /** {@link #encodedState} split for the peers' message limits, made when first needed. */
  private OutgoingUpdate encodedStateParts;
  /**
   * Loaded from a snapshot and a log tail, and unchanged since: the snapshot as read and the
   * state vector it left the document at. The whole state is then that snapshot followed by
   * what the document holds beyond that vector (the tail, and the delete set), which answers a
   * step 1 without encoding the whole document: that encoding (20–40 ms for 100,000 items) was on
   * the first open's critical path after a crash. Null once the document changed or was encoded.
   */
  private byte[] loadedSnapshot;
  private byte[] loadedSnapshotVector;
  private OutgoingUpdate loadedSnapshotAndRest;
  private long unloadTimer = -1;

  DocumentSession(String name, Vertx vertx, Context context, SessionRegistry registry,
      DocumentStore store, SharedDocument doc, SessionSettings settings, ServerMetrics metrics) {
    this.name = name;
    this.vertx = vertx;
    this.context = context;
    this.registry = registry;
    this.store = store;
    this.doc = doc;
    this.settings = settings;
    this.snapshotEarlier = settings.snapshots().jitter();
    this.metrics = metrics;
    this.admission = registry.admissionFor(name);
    this.logReader = registry.logReader();
    this.backlog = registry.backlog();
  }

  public String name() {
    return name;
  }

  void start() {
    long started = System.nanoTime();
    context.runOnContext(v -> (admission == null ? store.load(name)
        : admission.load().compose(x -> store.load(name))).onComplete(ar -> onContext(() -> {
      if (ar.succeeded()) {
        loaded(ar.result(), started);
      } else {
        LOG.error("Loading document {} failed", name, ar.cause());
        failLoading();
      }
    })));
  }

  private void loaded(LoadedDocument loaded, long started) {
    long read = System.nanoTime();
    boolean snapshotApplied = false;
    if (loaded.snapshot() != null) {
      try {
        doc.apply(loaded.snapshot());
        snapshotApplied = true;
        lastSnapshotBytes = loaded.snapshot().length;
        if (!loaded.tail().isEmpty()) {
          loadedSnapshot = loaded.snapshot();
          loadedSnapshotVector = doc.stateVector();
        }
      } catch (RuntimeException | StackOverflowError e) {
        // The tail alone would lack everything up to the snapshot, and the next snapshot, made
        // from that, would hide it from every later load. The older snapshots and the log are
        // all kept: load from the one before (or from the log's start) instead.
        LOG.error("Snapshot {} of document {} does not apply; loading from the one before it",
            loaded.snapshotSeq(), name, e);
        if (!java.util.Arrays.equals(doc.stateVector(), EMPTY_STATE_VECTOR)) {
          failLoading(); // partly applied: nothing to build on
          return;
        }
        store.loadBefore(name, loaded.snapshotSeq()).onComplete(ar -> onContext(() -> {
          if (ar.succeeded()) {
            loaded(ar.result(), started);
          } else {
            LOG.error("Loading document {} failed", name, ar.cause());
            failLoading();
          }
        }));
        return;
      }
    }
    applyTail(loaded.tail());
    headSeq = loaded.headSeq();
    lastSnapshotSeq = loaded.snapshotSeq();
    if (snapshotApplied && loaded.tail().isEmpty() && headSeq == lastSnapshotSeq) {
      // The snapshot is the whole state at the head (it was encoded from it): it answers a step 1
      // with an empty state vector as it is, without encoding the document again on open.
      encodedState = loaded.snapshot();
      encodedStateSeq = headSeq;
    }
    state = State.READY;
    metrics.documentLoaded();
    long applied = System.nanoTime();
    // The two phases of an open's critical path before the first answer: the store (queue and
    // read) and the CRDT apply (GC pauses included).
    LOG.info("Document {} loaded: head seq {}, snapshot seq {}, {} tail updates; read {} ms, applied {} ms",
        name, headSeq, lastSnapshotSeq, loaded.tail().size(), (read - started) / 1_000_000,
        (applied - read) / 1_000_000);
    List<Runnable> queued = new ArrayList<>(waiting);
    waiting.clear();
    shutdownsWhileLoading.clear(); // their drains are queued
    submitsWhileLoading.clear(); // so are they
    queued.forEach(Runnable::run);
    waitingMessages = 0;
    waitingBytes = 0;
    waitingPerPeer.clear();
    overflowed.clear();
    if (peers.isEmpty()) {
      scheduleUnload();
    }
    if (settings.snapshots().dueOnLoad(headSeq - lastSnapshotSeq, unsnapshottedBytes)) {
      // A long tail (the process died before its snapshot, or the policy changed): snapshot
      // soon, so that the next load is short again — but not before the first peers' step 1,
      // which usually arrive within a round trip of our step 1: the snapshot encodes the whole
      // document (20–40 ms for 100,000 items) that their answer does not need (loadedSnapshot).
      vertx.setTimer(LOAD_SNAPSHOT_DELAY_MS, id -> onContext(() -> {
        if (!snapshotInFlight && state == State.READY && headSeq > lastSnapshotSeq) {
          writeSnapshot();
        }
      }));
    }
  }

  /** The log tail in one CRDT transaction; an update that does not apply is skipped and reported. */
  private void applyTail(List<StoredUpdate> tail) {
    List<byte[]> updates = new ArrayList<>(tail.size());
    List<Long> seqs = new ArrayList<>(tail.size());
    for (StoredUpdate u : tail) {
      if (u.update() != null) { // null once erased: its content is gone, the snapshots carry it
        updates.add(u.update());
        seqs.add(u.seq());
        unsnapshottedBytes += u.update().length;
      }
    }
    for (int failed : doc.applyAll(updates)) {
      // Logged updates were validated before commit; one that fails now is skipped so the
      // rest of the document stays usable, and reported for the moderators.
      LOG.error("Logged update {} of document {} does not apply; skipped", seqs.get(failed), name);
    }
    if (admission != null) {
      for (StoredUpdate u : tail) {
        admission.restoreLogged(u.actor(), u.update());
      }
    }
  }

  private void applyLogged(StoredUpdate u) {
    try {
      doc.apply(u.update());
    } catch (RuntimeException | StackOverflowError e) {
      // Logged updates were validated before commit; one that fails now is skipped so the
      // rest of the document stays usable, and reported for the moderators.
      LOG.error("Logged update {} of document {} does not apply; skipped", u.seq(), name, e);
    }
  }

  private void failLoading() {
    state = State.CLOSED;
    waiting.clear();
    shutdownsWhileLoading.forEach(Promise::tryComplete); // nothing loaded, nothing to drain
    shutdownsWhileLoading.clear();
    submitsWhileLoading.forEach(p -> p.close(CloseCodes.INTERNAL_ERROR, "document unavailable"));
    submitsWhileLoading.clear();
    for (Peer p : List.copyOf(joining)) {
      closeForFault(p, "document unavailable");
    }
    joining.clear();
    registry.forceRemove(this);
  }

  /** Adds a peer: it receives the server's sync step 1 and the current awareness states. */
  public void join(Peer p) {
    onContext(() -> {
      if (state == State.CLOSED) {
        closeForFault(p, "document unavailable");
      } else if (state == State.LOADING) {
        joining.add(p);
      }
    });
    run(() -> {
      joining.remove(p);
      if (draining) {
        // Shutting down: the drain closed the peers it had; a latecomer would stay open with
        // its updates refused unseen until the listener closes it.
        p.close(CloseCodes.GOING_AWAY, "server shutting down");
        return;
      }
      peers.add(p);
      cancelUnload();
      p.sendSyncStep1(doc.stateVector());
      awareness.encodeAll().forEach(p::sendAwareness);
    });
  }

  /** Handles one message of a peer; a violation closes that peer only. */
  public void receive(Peer p, Inbound m) {
    runMessage(p, m.bytes(), () -> {
      if (!peers.contains(p)) {
        return;
      }
      try {
        handle(p, m);
      } catch (ProtocolViolation v) {
        reject(p, v.code(), v.getMessage());
      }
    });
  }

  private void handle(Peer p, Inbound m) {
    // Java 17: no pattern matching in switch yet.
    if (m instanceof Inbound.SyncStep1 s) {
      OutgoingUpdate diff;
      try {
        diff = java.util.Arrays.equals(s.stateVector(), EMPTY_STATE_VECTOR) ? encodedStateParts()
            : new OutgoingUpdate(doc.diff(s.stateVector()));
      } catch (UpdateRejectedException e) {
        throw new ProtocolViolation(CloseCodes.INVALID_UPDATE, "malformed state vector");
      }
      // A large state goes out in several messages within the peer's limit, the last as step 2.
      p.sendSyncStep2Parts(diff.partsFor(p));
      if (p.repliesToEveryStepOne() && !answeredFirstStepOne.add(p)) {
        p.sendSyncStep1(doc.stateVector());
      }
    } else if (m instanceof Inbound.SyncStep2 s) {
      accept(p, s.update());
    } else if (m instanceof Inbound.Update u) {
      accept(p, u.update());
    } else if (m instanceof Inbound.Awareness a) {
      if (!p.mayPublishAwareness()) {
        // E.g. guests: they receive presence but do not publish it. Their own update goes back to
        // them alone, as every peer's does to everyone: stock providers reconnect after 30 s
        // without a message, and a guest alone in a quiet document hears nothing else.
        byte[] own = a.update();
        sendSafely(p, x -> x.sendAwareness(own));
        return;
      }
      byte[] update = a.update();
      if (admission != null) {
        try {
          update = admission.filterAwareness(p, update, doc::clock);
        } catch (RuntimeException e) {
          // The same code as AwarenessStates gives a malformed update (docs/close-codes.md).
          throw new ProtocolViolation(CloseCodes.INVALID_UPDATE, "malformed awareness update");
        }
        if (update == null) {
          return; // only entries for clientIDs of other users
        }
      }
      awareness.apply(p, update);
      byte[] admitted = update;
      for (Peer q : peers) {
        sendSafely(q, x -> x.sendAwareness(admitted));
      }
      registry.awarenessPublished(name, update);
    } else if (m instanceof Inbound.QueryAwareness) {
      awareness.encodeAll().forEach(p::sendAwareness);
    }
  }

  /** Removes a peer (idempotent); its awareness states are announced as gone. */
  public void leave(Peer p) {
    run(() -> {
      if (!peers.remove(p)) {
        return;
      }
      answeredFirstStepOne.remove(p);
      if (admission != null) {
        admission.leave(p);
      }
      byte[] removal = awareness.removePeer(p);
      if (removal != null) {
        for (Peer q : peers) {
          sendSafely(q, x -> x.sendAwareness(removal));
        }
        registry.awarenessPublished(name, removal);
      }
      registry.release(this);
      if (peers.isEmpty()) {
        scheduleUnload();
      }
    });
  }

  /**
   * Updates that were committed elsewhere (another server process sharing the store): applied
   * and broadcast without logging them again, in seq order. Updates at or below the head are
   * ignored; one that does not follow the head stops the batch (a later read fills the gap).
   */
  public void applyCommitted(List<StoredUpdate> updates) {
    run(() -> applyFromLog(updates));
  }

  /**
   * Another process committed updates of this document up to {@code seq} (its notification), or
   * notifications may have been missed ({@code seq < 0}, e.g. after the listener reconnected):
   * reads the log after the head and applies what it finds. One read at a time, started when no
   * own commit is in flight (at the latest when the current one completes, before the next one
   * starts); requests arriving meanwhile are merged into one further read.
   */
  public void catchUp(long seq) {
    run(() -> {
      if (logReader == null || (seq >= 0 && seq <= headSeq)) {
        return; // single node, or our own commit / already read
      }
      readLogAgain = true;
      readLog();
    });
  }

  private void readLog() {
    if (!readLogAgain || readLogInFlight || commitInFlight || state != State.READY || logReader == null) {
      return;
    }
    readLogAgain = false;
    readLogInFlight = true;
    logReader.readAfter(name, headSeq).onComplete(ar -> onContext(() -> {
      readLogInFlight = false;
      if (state != State.READY) {
        return;
      }
      if (ar.succeeded()) {
        applyFromLog(ar.result());
        if (ar.result().size() >= LogReader.MAX_ROWS) {
          readLogAgain = true; // more than one read returns
        }
        readLog();
      } else if (!draining) { // while draining the reader's pool closes under a read: expected
        LOG.warn("Reading the log of document {} after seq {} failed; retrying", name, headSeq, ar.cause());
        readLogAgain = true;
        vertx.setTimer(1000, id -> onContext(this::readLog));
      }
    }));
  }

  private void applyFromLog(List<StoredUpdate> updates) {
    for (StoredUpdate u : updates) {
      if (u.seq() <= headSeq) {
        continue;
      }
      if (u.seq() != headSeq + 1) {
        readLogAgain = true;
        break;
      }
      if (!appliedAhead.remove(u.seq()) && u.update() != null) { // null: erased (schema V5)
        applyLogged(u);
        if (admission != null && u.update() != null) {
          admission.restoreLogged(u.actor(), u.update());
        }
        unsnapshottedBytes += u.update().length;
        stateChanged(); // the cache is keyed by the head, which may not move yet
        broadcast(new OutgoingUpdate(u.update()), null);
      }
      advanceHead(u.seq());
    }
  }

  /** Moves the gap-free head over {@code seq}, or parks an own seq that lies beyond a gap. */
  private void advanceHead(long seq) {
    if (seq <= headSeq) {
      return;
    }
    if (seq == headSeq + 1 || logReader == null) {
      headSeq = seq;
      while (appliedAhead.remove(headSeq + 1)) {
        headSeq++;
      }
    } else {
      appliedAhead.add(seq); // another process committed the seqs in between: read them
      readLogAgain = true;
    }
  }

  /** Relays the presence of this node's clients of the document once more, all of it (if any). */
  public void republishAwareness() {
    onContext(() -> {
      if (state == State.READY) {
        awareness.encodeAll().forEach(part -> registry.awarenessPublished(name, part));
      }
    });
  }

  /**
   * Presence from clients on other nodes: forwarded to this node's peers, not recorded (a peer
   * joining later sees those clients at their next renewal, within 15 s).
   */
  public void relayAwareness(byte[] update) {
    onContext(() -> {
      if (state == State.READY) {
        for (Peer q : peers) {
          sendSafely(q, x -> x.sendAwareness(update));
        }
      }
    });
  }

  /** Sends a Stateless message to the peers {@code to} selects (annotation events); none while loading. */
  public void broadcastStateless(String payload, java.util.function.Predicate<Peer> to) {
    onContext(() -> {
      if (state == State.READY) {
        for (Peer q : peers) {
          if (to.test(q)) {
            sendSafely(q, x -> x.sendStateless(payload));
          }
        }
      }
    });
  }

  /**
   * An update the server makes on behalf of {@code actor} (a history restore): validated, logged
   * with that actor, applied and broadcast to every peer exactly like a client update. Completes
   * with its seq once durable; fails when refused or when the commit fails.
   */
  public Future<Long> submit(String actor, String connectionId, byte[] update) {
    ServerPeer p = new ServerPeer(actor, connectionId, () -> lastCommittedSeq);
    onContext(() -> {
      if (state == State.LOADING) {
        submitsWhileLoading.add(p);
      } else if (state == State.CLOSED) {
        closeForFault(p, "document unavailable");
      }
    });
    run(() -> {
      try {
        accept(p, update);
      } catch (ProtocolViolation v) {
        p.close(v.code(), v.getMessage());
      }
    });
    if (admission != null) {
      // A server-made update's sender is done once it is logged or refused; its clientID
      // record would otherwise stay as long as the session.
      p.logged().onComplete(ar -> onContext(() -> admission.leave(p)));
    }
    return p.logged();
  }

  private void accept(Peer p, byte[] update) {
    if (draining) {
      if (p instanceof ServerPeer) {
        p.close(CloseCodes.GOING_AWAY, "server shutting down"); // fails its caller's future
      }
      return; // not acknowledged: the client resends it after reconnecting (to another node)
    }
    if (isEmptyUpdate(update)) {
      // A client without local changes sends this as its step 2: nothing to log, nothing to
      // refuse — also not for read-only connections, whose providers otherwise never count
      // as synced (stock Hocuspocus acknowledges it the same way).
      p.sendSyncStatus(true);
      return;
    }
    ReceivedUpdate received;
    try {
      received = doc.parse(update);
    } catch (UpdateRejectedException e) {
      metrics.updateRejected();
      throw new ProtocolViolation(CloseCodes.INVALID_UPDATE, "update does not decode");
    }
    if (doc.addsNothing(received)) {
      // All of it is here already: what a client that reconnects answers to the server's step
      // 1 when it has no changes of its own, its whole delete set. Acknowledged as stock
      // Hocuspocus does, for read-only connections too (their providers otherwise count an
      // unsynced change for ever), and not logged (it was a row per reconnect).
      p.sendSyncStatus(true);
      return;
    }
    if (p.readOnly()) {
      metrics.updateRejected();
      p.sendSyncStatus(false);
      return;
    }
    if (doc.approximateSize() + update.length > settings.maxDocumentBytes()) {
      metrics.updateRejected();
      throw new ProtocolViolation(CloseCodes.DOCUMENT_TOO_LARGE, "document size limit reached");
    }
    if (doc.approximateSize() + queuedBytes + update.length > settings.maxDocumentBytes()
        || waitingForCommit >= SessionSettings.MAX_UPDATES_WAITING_FOR_COMMIT) {
      // A backlog behind a slow or stalled store, not a large document: 4413 told the client
      // not to retry, and each waiting update is also held decoded (several times its bytes).
      metrics.updateRejected();
      throw new ProtocolViolation(CloseCodes.RATE_LIMITED, "too many updates waiting for the store");
    }
    // Taken before the admission, which raises the sender's admitted clocks for an update it
    // accepts: refused after it, the update would leave them raised (a gap for the next one).
    if (!backlog.tryTake(update.length)) {
      metrics.updateRejected();
      throw new ProtocolViolation(CloseCodes.RATE_LIMITED, "too many updates waiting for the store");
    }
    if (admission != null) {
      UpdateAdmission.Result r;
      try {
        r = admission.admitUpdate(p, received, doc::clock);
      } catch (RuntimeException e) {
        backlog.give(update.length);
        throw e;
      }
      if (r != UpdateAdmission.Result.ACCEPT) {
        backlog.give(update.length);
        // Another user's clientID, or a gap: refused without closing; after a gap the
        // server's step 1 lets an honest client resend the missing range contiguously.
        metrics.updateRejected();
        p.sendSyncStatus(false);
        if (r == UpdateAdmission.Result.RESYNC) {
          p.sendSyncStep1(doc.stateVector());
        }
        return;
      }
    }
    commitQueue.add(new PendingUpdate(p, received));
    queuedBytes += update.length;
    waitingForCommit++;
    flush();
  }

  /** A v1 update with no structs and an empty delete set. */
  private static boolean isEmptyUpdate(byte[] u) {
    return u.length == 2 && u[0] == 0 && u[1] == 0;
  }

  private void flush() {
    if (commitQueue.isEmpty()) {
      return;
    }
    if (commitInFlight) {
      joinWaitingAppend();
      return;
    }
    List<PendingUpdate> batch = new ArrayList<>();
    while (!commitQueue.isEmpty() && batch.size() < settings.groupCommitMaxUpdates()) {
      batch.add(commitQueue.poll());
    }
    List<NewUpdate> rows = new ArrayList<>(batch.size());
    for (PendingUpdate pu : batch) {
      rows.add(row(pu));
    }
    commitInFlight = true;
    inFlight = batch;
    long started = System.nanoTime();
    inFlightAppend = store.append(name, rows);
    inFlightAppend.onComplete(ar -> onContext(() -> {
      commitInFlight = false;
      inFlight = null;
      inFlightAppend = null;
      for (PendingUpdate pu : batch) {
        queuedBytes -= pu.update().bytes().length;
        backlog.give(pu.update().bytes().length);
      }
      waitingForCommit -= batch.size();
      if (ar.succeeded()) {
        metrics.committed(batch.size(), System.nanoTime() - started);
        committed(batch, ar.result());
      } else {
        LOG.error("Commit of {} updates to document {} failed", batch.size(), name, ar.cause());
        metrics.commitFailed();
        Set<Peer> closed = new java.util.HashSet<>();
        for (PendingUpdate pu : batch) {
          // The client still holds its change and resends it on reconnect (sync step 2).
          if (closed.add(pu.from())) {
            closeForFault(pu.from(), "storage unavailable");
          }
        }
        // Their later updates go with them: logged without the failed ones before them, they
        // would wait in every replay for updates that only the reconnect brings.
        commitQueue.removeIf(pu -> {
          if (closed.contains(pu.from())) {
            queuedBytes -= pu.update().bytes().length;
            backlog.give(pu.update().bytes().length);
            waitingForCommit--;
            return true;
          }
          return false;
        });
        if (admission != null) {
          List<ReceivedUpdate> stillWaiting = new ArrayList<>(commitQueue.size());
          commitQueue.forEach(pu -> stillWaiting.add(pu.update()));
          admission.commitFailed(stillWaiting);
        }
      }
      // A read of other nodes' commits goes first: under a steady stream of own commits the
      // next one always started here, the read never did, and this node's clients (and its
      // snapshots, which wait for the gap) never saw another node's edit while the stream
      // lasted. A read may run beside the next commit; committed() knows rows it read back.
      readLog();
      flush();
      if (!commitInFlight) {
        List<Runnable> idle = new ArrayList<>(whenIdle);
        whenIdle.clear();
        idle.forEach(Runnable::run);
      }
      maybeUnloadLater();
    }));
  }

  private static NewUpdate row(PendingUpdate pu) {
    return new NewUpdate(pu.update().bytes(), pu.from().actor(), pu.from().connectionId());
  }

  /**
   * Updates that arrive while this document's append waits for its transaction (the store's
   * group commit interval) go into that append if its transaction has not started, rather than
   * waiting for it to commit and then for the next transaction: up to twice the interval.
   */
  private void joinWaitingAppend() {
    int room = settings.groupCommitMaxUpdates() - inFlight.size();
    if (room <= 0) {
      return;
    }
    List<NewUpdate> rows = new ArrayList<>(Math.min(room, commitQueue.size()));
    for (PendingUpdate pu : commitQueue) {
      if (rows.size() == room) {
        break;
      }
      rows.add(row(pu));
    }
    if (store.appendToWaiting(name, inFlightAppend, rows)) {
      for (int i = 0; i < rows.size(); i++) {
        inFlight.add(commitQueue.poll());
      }
    }
  }

  private void committed(List<PendingUpdate> batch, List<Long> seqs) {
    for (int i = 0; i < batch.size(); i++) {
      PendingUpdate pu = batch.get(i);
      long seq = seqs.get(i);
      lastCommittedSeq = seq;
      if (seq <= headSeq) {
        // Already read back from the log (another process's notification overtook this
        // callback), applied from those bytes and broadcast then; only the acknowledgement is
        // still due (the parsed update is dropped unapplied).
        acknowledge(pu.from());
        continue;
      }
      advanceHead(seq);
      unsnapshottedBytes += pu.update().bytes().length;
      stateChanged(); // the head may stay below an own seq parked beyond a gap
      try {
        doc.apply(pu.update());
      } catch (RuntimeException | StackOverflowError e) {
        LOG.error("Committed update {} of document {} failed to apply", seq, name, e);
        reject(pu.from(), CloseCodes.INVALID_UPDATE, "update failed to apply");
        continue;
      }
      broadcast(new OutgoingUpdate(pu.update().bytes()), pu.from());
      acknowledge(pu.from());
    }
    maybeSnapshot();
  }

  /**
   * Sends an applied update to every peer but {@code except}: split where it exceeds a peer's
   * message limit (a restore, a large paste arriving through the log of another node).
   */
  private void broadcast(OutgoingUpdate update, Peer except) {
    for (Peer q : peers) {
      if (q != except) {
        try {
          update.sendTo(q);
        } catch (RuntimeException e) {
          sendFailed(q, e);
        }
      }
    }
  }

  private void acknowledge(Peer p) {
    try {
      p.sendSyncStatus(true);
    } catch (RuntimeException e) {
      sendFailed(p, e);
    }
  }

  private void sendSafely(Peer q, java.util.function.Consumer<Peer> send) {
    try {
      send.accept(q);
    } catch (RuntimeException e) {
      sendFailed(q, e);
    }
  }

  /**
   * A send to one peer threw (a socket that closed under it, say). Sends are made in loops over
   * a commit batch and over the peers; an exception escaping them once left the rest of a
   * committed batch neither applied nor broadcast, so clients never converged. Now that peer is
   * closed (it resyncs when it reconnects) and the loop goes on for everyone else.
   */
  private void sendFailed(Peer q, RuntimeException e) {
    LOG.warn("Sending to connection {} of document {} failed ({}); closing it", q.connectionId(), name,
        e.getClass().getSimpleName());
    try {
      closeForFault(q, "send failed");
    } catch (RuntimeException ignored) {
      // already closed
    }
  }

  private void maybeSnapshot() {
    if (snapshotInFlight || state != State.READY || !snapshotDue()) {
      return;
    }
    writeSnapshot();
  }

  private boolean snapshotDue() {
    return settings.snapshots().due(headSeq - lastSnapshotSeq, unsnapshottedBytes, lastSnapshotBytes, snapshotEarlier);
  }

  /** The document changed: what was encoded from it no longer holds. */
  private void stateChanged() {
    encodedState = null;
    encodedStateParts = null;
    forgetLoadedSnapshot();
  }

  private void forgetLoadedSnapshot() {
    loadedSnapshot = null;
    loadedSnapshotVector = null;
    loadedSnapshotAndRest = null;
  }

  /** The whole state as one update, encoded at most once per head. */
  private byte[] encodedState() {
    if (encodedStateSeq != headSeq || encodedState == null) {
      encodedState = doc.encodeState();
      encodedStateSeq = headSeq;
      forgetLoadedSnapshot(); // the encoded state answers from now on
    }
    return encodedState;
  }

  /** The whole state for a peer with an empty state vector, split at most once per head and limit. */
  private OutgoingUpdate encodedStateParts() {
    if (loadedSnapshot != null) { // never beside a valid encodedState: encoding forgets it
      if (loadedSnapshotAndRest == null) {
        loadedSnapshotAndRest = new OutgoingUpdate(new OutgoingUpdate(loadedSnapshot), doc.diff(loadedSnapshotVector));
      }
      return loadedSnapshotAndRest;
    }
    byte[] state = encodedState();
    if (encodedStateParts == null || encodedStateParts.update() != state) {
      encodedStateParts = new OutgoingUpdate(state);
    }
    return encodedStateParts;
  }

  private Future<Void> writeSnapshot() {
    if (!appliedAhead.isEmpty()) {
      // The state holds updates beyond the gap-free head: it is not the state as of headSeq.
      return Future.succeededFuture();
    }
    long seq = headSeq;
    byte[] state = encodedState();
    long bytesAtSnapshot = unsnapshottedBytes;
    snapshotInFlight = true;
    return store.writeSnapshot(name, seq, state).andThen(ar -> onContext(() -> {
      snapshotInFlight = false;
      if (ar.succeeded()) {
        if (seq > lastSnapshotSeq) {
          lastSnapshotSeq = seq;
          lastSnapshotBytes = state.length;
        }
        unsnapshottedBytes = Math.max(0, unsnapshottedBytes - bytesAtSnapshot);
        snapshotEarlier = settings.snapshots().jitter();
      } else {
        LOG.warn("Snapshot of document {} at seq {} failed; the log still has everything", name, seq,
            ar.cause());
      }
    }));
  }

  /**
   * Closes a connection for the server's own fault (the store, a send), counted under 1011 like
   * any rejection so that one alert covers store failures; a server-made update is no connection.
   */
  private void closeForFault(Peer p, String reason) {
    if (!(p instanceof ServerPeer)) {
      metrics.frameRejected(CloseCodes.INTERNAL_ERROR);
    }
    p.close(CloseCodes.INTERNAL_ERROR, reason);
  }

  private void reject(Peer p, short code, String reason) {
    metrics.frameRejected(code);
    // The peer closes the connection, or on a Hocuspocus socket this document alone (4413, 4422, 4423).
    LOG.warn("Closing document {} for connection {}: {} ({})", name, p.connectionId(), reason, code);
    p.close(code, reason);
  }

  private void scheduleUnload() {
    cancelUnload();
    unloadTimer = vertx.setTimer(Math.max(1, settings.unloadDelay().toMillis()), id -> onContext(() -> {
      unloadTimer = -1;
      tryUnload();
    }));
  }

  private void maybeUnloadLater() {
    if (peers.isEmpty() && unloadTimer < 0 && state == State.READY) {
      scheduleUnload();
    }
  }

  private void cancelUnload() {
    if (unloadTimer >= 0) {
      vertx.cancelTimer(unloadTimer);
      unloadTimer = -1;
    }
  }

  private void tryUnload() {
    if (state != State.READY || !peers.isEmpty()) {
      return;
    }
    if (commitInFlight || !commitQueue.isEmpty() || snapshotInFlight || readLogInFlight) {
      scheduleUnload();
      return;
    }
    if (!registry.tryRemove(this)) {
      return;
    }
    state = State.CLOSED;
    metrics.documentUnloaded();
    if (headSeq > lastSnapshotSeq) {
      writeSnapshot(); // encodes now; what it keeps is the encoded bytes
    }
    stateChanged();
    doc.release(); // see SharedDocument.release: the next open would copy its young part
    LOG.info("Document {} unloaded at seq {}", name, headSeq);
  }

  /**
   * For shutdown (draining): takes no further updates, lets the queued ones commit and be
   * acknowledged, then closes every peer with going-away (so providers reconnect, possibly to
   * another node) and writes a final snapshot.
   */
  Future<Void> shutdown() {
    Promise<Void> drained = Promise.promise();
    onContext(() -> {
      switch (state) {
        // Unloaded (with its own final snapshot) or failed to load since the registry listed it:
        // nothing to drain. Dropping the request instead left the caller waiting for ever.
        case CLOSED -> drained.complete();
        // Behind the load whatever the queue's limit; a load that fails completes it (failLoading).
        case LOADING -> {
          shutdownsWhileLoading.add(drained);
          waiting.add(() -> drain(drained));
        }
        case READY -> drain(drained);
      }
    });
    return drained.future();
  }

  private void drain(Promise<Void> promise) {
    cancelUnload();
    draining = true;
    Runnable close = () -> {
      for (Peer p : List.copyOf(peers)) {
        p.close(CloseCodes.GOING_AWAY, "server shutting down");
        byte[] removal = awareness.removePeer(p); // for the other nodes' editors
        if (removal != null) {
          registry.awarenessPublished(name, removal);
        }
      }
      peers.clear();
      answeredFirstStepOne.clear();
      if (headSeq > lastSnapshotSeq && !snapshotInFlight && state == State.READY) {
        writeSnapshot().onComplete(ar -> promise.complete());
      } else {
        promise.complete();
      }
    };
    if (commitInFlight || !commitQueue.isEmpty()) {
      whenIdle.add(close);
    } else {
      close.run();
    }
  }

  /**
   * Runs on the session's context; while loading, queues behind the load, always: joins, leaves,
   * reads of the log and server-made updates are few (one join and one leave per connection), and
   * dropping one would strand a peer unsynced or a reservation for ever.
   */
  private void run(Runnable action) {
    onContext(() -> {
      if (state == State.LOADING) {
        waiting.add(action);
      } else if (state == State.READY) {
        action.run();
      }
    });
  }

  /**
   * A peer's message, on the session's context. While loading it queues within a limit per peer
   * and one for all peers together, by messages and by bytes; a message over either closes its
   * sender (4429) instead of being dropped unseen, and that sender's queued messages are dropped
   * too (it resends its changes when it reconnects). So one flooding connection is closed before
   * it can fill the queue that everyone shares.
   */
  private void runMessage(Peer p, long bytes, Runnable action) {
    onContext(() -> {
      if (state == State.READY) {
        action.run();
      } else if (state == State.LOADING && !overflowed.contains(p)) {
        long[] mine = waitingPerPeer.computeIfAbsent(p, x -> new long[2]);
        int overall = settings.maxQueuedWhileLoading();
        if (mine[0] + 1 > Math.min(overall, SessionSettings.MAX_QUEUED_PER_PEER_WHILE_LOADING)
            || mine[1] + bytes > SessionSettings.MAX_BYTES_QUEUED_PER_PEER_WHILE_LOADING
            || waitingMessages + 1 > overall
            || waitingBytes + bytes > SessionSettings.MAX_BYTES_QUEUED_WHILE_LOADING) {
          overflowed.add(p);
          dropQueuedMessagesOf(p);
          reject(p, CloseCodes.RATE_LIMITED, "too many messages while the document loads");
          return;
        }
        mine[0]++;
        mine[1] += bytes;
        waitingMessages++;
        waitingBytes += bytes;
        waiting.add(new QueuedMessage(p, bytes, action));
      }
    });
  }

  /** A peer's message waiting for the load; see {@link #runMessage}. */
  private record QueuedMessage(Peer from, long bytes, Runnable action) implements Runnable {
    @Override
    public void run() {
      action.run();
    }
  }

  /** Drops what a peer closed for overflowing has queued, so the others get its room. */
  private void dropQueuedMessagesOf(Peer p) {
    waiting.removeIf(r -> {
      if (r instanceof QueuedMessage m && m.from() == p) {
        waitingMessages--;
        waitingBytes -= m.bytes();
        return true;
      }
      return false;
    });
    waitingPerPeer.remove(p);
  }

  private void onContext(Runnable r) {
    if (Vertx.currentContext() == context) {
      r.run();
    } else {
      context.runOnContext(v -> r.run());
    }
  }

  // Visible for tests.
  long headSeq() {
    return headSeq;
  }

  int peerCount() {
    return peers.size();
  }
}
