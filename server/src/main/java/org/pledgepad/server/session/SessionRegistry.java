package org.pledgepad.server.session;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.pledgepad.server.doc.SharedDocument;
import org.pledgepad.server.metrics.ServerMetrics;
import org.pledgepad.server.store.DocumentStore;

/**
 * The open document sessions of this process, by name. A connection {@link #acquire}s a session
 * before joining and releases it on leaving; a session is removed only when nobody holds it,
 * decided atomically per name, so a joining connection can never meet an unloaded session.
 */
public final class SessionRegistry {
  private final Vertx vertx;
  private final DocumentStore store;
  private final Supplier<SharedDocument> documents;
  private final SessionSettings settings;
  private final ServerMetrics metrics;
  private final ConcurrentHashMap<String, DocumentSession> sessions = new ConcurrentHashMap<>();
  /** Updates accepted by every document and not yet committed, against one budget. */
  private final StoreBacklog backlog;
  /**
   * Set when {@link #shutdown} began: a session opened after it lists its sessions (a Hocuspocus
   * socket naming another document, an auth that resolved late, a restore) drains from its load
   * on, instead of taking updates that the drain never waits for.
   */
  private volatile boolean shuttingDown;

  /** clientID ownership per document (access layer); null result = no check. */
  private volatile java.util.function.Function<String, UpdateAdmission> admissions = name -> null;

  /** Plugs in the per-document clientID ownership check for documents opened from now on. */
  public void setUpdateAdmission(java.util.function.Function<String, UpdateAdmission> factory) {
    this.admissions = factory;
  }

  StoreBacklog backlog() {
    return backlog;
  }

  UpdateAdmission admissionFor(String name) {
    return admissions.apply(name);
  }

  /** Reader of updates other processes committed (several nodes on one store); null: one node. */
  private volatile LogReader logReader;

  /** Plugs in the cluster fan-out's log reader for documents opened from now on. */
  public void setLogReader(LogReader reader) {
    this.logReader = reader;
  }

  LogReader logReader() {
    return logReader;
  }

  /** Where this node's awareness broadcasts go to reach other nodes (null: one node). */
  private volatile java.util.function.BiConsumer<String, byte[]> awarenessRelay;

  public void setAwarenessRelay(java.util.function.BiConsumer<String, byte[]> relay) {
    this.awarenessRelay = relay;
  }

  void awarenessPublished(String document, byte[] update) {
    java.util.function.BiConsumer<String, byte[]> r = awarenessRelay;
    if (r != null) {
      r.accept(document, update);
    }
  }

  /** Presence announced on another node: forwarded to this node's peers of the document. */
  public void awarenessFromElsewhere(String document, byte[] update) {
    DocumentSession s = sessions.get(document);
    if (s != null) {
      s.relayAwareness(update);
    }
  }

  /** Another process committed {@code document} up to {@code seq}: an open session reads it. */
  public void committedElsewhere(String document, long seq) {
    DocumentSession s = sessions.get(document);
    if (s != null) {
      s.catchUp(seq);
    }
  }

  /** Notifications may have been missed: every open session reads the log after its head. */
  public void catchUpAll() {
    for (DocumentSession s : sessions.values()) {
      s.catchUp(-1);
    }
  }

  /** Another node has begun to listen: every open session announces its clients' presence. */
  public void republishAwareness() {
    for (DocumentSession s : sessions.values()) {
      s.republishAwareness();
    }
  }

  public SessionRegistry(Vertx vertx, DocumentStore store, Supplier<SharedDocument> documents,
      SessionSettings settings, ServerMetrics metrics) {
    this(vertx, store, documents, settings, metrics, StoreBacklog.forThisProcess());
  }

  SessionRegistry(Vertx vertx, DocumentStore store, Supplier<SharedDocument> documents,
      SessionSettings settings, ServerMetrics metrics, StoreBacklog backlog) {
    this.backlog = backlog;
    this.vertx = vertx;
    this.store = store;
    this.documents = documents;
    this.settings = settings;
    this.metrics = metrics;
  }

  /**
   * The session of {@code name}, created and loading if it was not open, pinned to the caller's
   * context. The caller must {@code join} it and later {@code leave} it exactly once.
   */
  public DocumentSession acquire(String name) {
    DocumentSession[] created = new DocumentSession[1];
    DocumentSession s = sessions.compute(name, (k, cur) -> {
      if (cur == null) {
        cur = new DocumentSession(name, vertx, vertx.getOrCreateContext(), this, store,
            documents.get(), settings, metrics);
        created[0] = cur;
      }
      cur.reservations.incrementAndGet();
      return cur;
    });
    if (created[0] != null) {
      created[0].start();
      if (shuttingDown) {
        created[0].shutdown(); // queued behind the load, ahead of the caller's join
      }
    }
    return s;
  }

  /**
   * Logs and broadcasts a server-made update (see {@link DocumentSession#submit}), loading the
   * session for the time it takes if nobody has the document open. Call on an event loop.
   */
  public Future<Long> submit(String name, String actor, String connectionId, byte[] update) {
    DocumentSession s = acquire(name);
    return s.submit(actor, connectionId, update).andThen(ar -> release(s));
  }

  /** Gives back a reservation taken by {@link #acquire}. */
  void release(DocumentSession s) {
    s.reservations.decrementAndGet();
  }

  /** Removes the session if nobody holds it; true when removed. */
  boolean tryRemove(DocumentSession s) {
    boolean[] removed = new boolean[1];
    sessions.compute(s.name(), (k, cur) -> {
      if (cur == s && s.reservations.get() == 0) {
        removed[0] = true;
        return null;
      }
      return cur;
    });
    return removed[0];
  }

  /** Removes a session that failed to load, whoever holds it. */
  void forceRemove(DocumentSession s) {
    sessions.remove(s.name(), s);
  }

  public int openCount() {
    return sessions.size();
  }

  /** The session of {@code name} if it is open (for updates arriving from the store). */
  public DocumentSession find(String name) {
    return sessions.get(name);
  }

  /** Closes every connection and writes final snapshots. */
  public Future<Void> shutdown() {
    shuttingDown = true; // before the listing: a session created meanwhile sees one or the other
    List<Future<Void>> all = new ArrayList<>();
    for (DocumentSession s : sessions.values()) {
      all.add(s.shutdown());
    }
    return Future.join(all).mapEmpty();
  }
}
