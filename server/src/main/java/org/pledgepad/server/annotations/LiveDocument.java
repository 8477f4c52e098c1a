package org.pledgepad.server.annotations;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.List;
import org.pledgepad.crdt.Updates;
import org.pledgepad.server.session.DocumentSession;
import org.pledgepad.server.session.Inbound;
import org.pledgepad.server.session.Peer;
import org.pledgepad.server.session.SessionRegistry;

/**
 * The annotation services' way into a live document session, through the session's ordinary
 * peer interface (no back door): a server-side peer joins the document, asks for the full
 * state with a sync step 1 against an empty state vector (the session answers on its own context,
 * so the state is consistent), and submits an accepted suggestion as an ordinary update — the
 * session validates, logs (actor = editor, connection = the origin note), broadcasts and
 * acknowledges it exactly as for a client, and only the acknowledgement (after the commit)
 * completes {@link #submit}. Opening a document that is not loaded loads it from the store.
 *
 * <p>Use: {@link #open}, then {@link #state()}, optionally {@link #submit}, finally
 * {@link #close()} exactly once.
 */
final class LiveDocument implements Peer {
  /** varUint(0): a state vector naming no clients, so the session's step 2 is the whole document. */
  private static final byte[] EMPTY_STATE_VECTOR = {0};

  /**
   * A session that never answers (its load queue full, a store outage) must not hold the
   * document's annotation queue forever: the state request fails, and an accept is answered
   * (AcceptedEdit.Pending), after this long.
   */
  static final long TIMEOUT_MS = 30_000;

  private final Vertx vertx;
  private final DocumentSession session;
  private final String actor;
  private volatile String connectionId;
  /** The session's answer to our step 1: one update, or parts to apply in order. */
  private final Promise<List<byte[]>> state = Promise.promise();
  private volatile Promise<Void> pendingAck;
  private volatile boolean closed;

  private LiveDocument(Vertx vertx, DocumentSession session, String actor, String connectionId) {
    this.vertx = vertx;
    this.session = session;
    this.actor = actor;
    this.connectionId = connectionId;
  }

  /**
   * Joins {@code document} as {@code actor}; {@code connectionId} is what the log records as the
   * connection of updates submitted through it (for accepted suggestions: the origin note).
   */
  static LiveDocument open(Vertx vertx, SessionRegistry sessions, String document, String actor,
      String connectionId) {
    LiveDocument live = new LiveDocument(vertx, sessions.acquire(document), actor, connectionId);
    live.session.join(live);
    live.session.receive(live, new Inbound.SyncStep1(EMPTY_STATE_VECTOR));
    return live;
  }

  /** The document's full state as a v1 update, as of the moment the session answered. */
  Future<byte[]> state() {
    long timer = vertx.setTimer(TIMEOUT_MS, id -> state.tryFail(new IllegalStateException("document state timed out")));
    return state.future().andThen(ar -> vertx.cancelTimer(timer))
        // Parts (a document just loaded from a snapshot and a log tail is answered as that
        // snapshot, then the rest): merged off the event loop, as the replica is built.
        .compose(parts -> parts.size() == 1 ? Future.succeededFuture(parts.get(0))
            : vertx.executeBlocking(() -> Updates.mergeUpdates(parts), false));
  }

  /**
   * Submits a v1 update, logged with {@code note} as its connection; completes once it is
   * committed, applied and broadcast, fails when the session refuses it or closes. One at a
   * time. No timeout: the outcome is what decides whether an accept stands ({@link
   * AcceptedEdit}), so the caller stays joined until it is known.
   */
  Future<Void> submit(byte[] update, String note) {
    Promise<Void> p = Promise.promise();
    connectionId = note;
    pendingAck = p;
    session.receive(this, new Inbound.Update(update));
    return p.future();
  }

  void close() {
    if (!closed) {
      closed = true;
      session.leave(this);
    }
  }

  // Peer: called by the session on its context.

  @Override
  public String connectionId() {
    return connectionId;
  }

  @Override
  public String actor() {
    return actor;
  }

  @Override
  public boolean readOnly() {
    return false; // the REST layer authorized the write (SYNC_WRITE) before submitting
  }

  @Override
  public void sendSyncStep1(byte[] stateVector) {
    // The session's own step 1: a server peer has nothing to send back.
  }

  @Override
  public void sendSyncStep2(byte[] update) {
    state.tryComplete(List.of(update));
  }

  @Override
  public void sendSyncStep2Parts(List<byte[]> parts) {
    state.tryComplete(List.copyOf(parts));
  }

  @Override
  public void sendUpdate(byte[] update) {
    // Other peers' edits: the private replica does not follow them.
  }

  @Override
  public void sendAwareness(byte[] awarenessUpdate) {
    // Presence is of no interest here.
  }

  @Override
  public void sendSyncStatus(boolean applied) {
    Promise<Void> p = pendingAck;
    if (p != null) {
      if (applied) {
        p.tryComplete();
      } else {
        p.tryFail(new IllegalStateException("the document session refused the update"));
      }
    }
  }

  @Override
  public void close(short code, String reason) {
    state.tryFail(new IllegalStateException("document session closed: " + code));
    Promise<Void> p = pendingAck;
    if (p != null) {
      p.tryFail(new IllegalStateException("document session closed: " + code));
    }
  }
}
