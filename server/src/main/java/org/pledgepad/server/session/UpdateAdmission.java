package org.pledgepad.server.session;

import io.vertx.core.Future;
import java.util.List;
import java.util.function.LongUnaryOperator;
import org.pledgepad.server.doc.ReceivedUpdate;

/**
 * Per-document check of who may write under which Yjs clientID (plugged in by the access layer;
 * without it every decoded update is admitted). Called on the session's context only.
 */
public interface UpdateAdmission {
  /** What to do with an update. */
  enum Result {
    ACCEPT,
    /** Refuse (SyncStatus false / permission denied); nothing is logged or broadcast. */
    REFUSE,
    /** Refuse and send the server's sync step 1, so an honest client resends contiguously. */
    RESYNC
  }

  /** Restores persisted clientID owners before the document answers anyone. */
  Future<Void> load();

  /** Restores owners from one logged update (its actor created its new structs). */
  void restoreLogged(String actor, byte[] update);

  /**
   * @param update decoded already (read its structs; it is applied only after the commit)
   * @param documentClocks the live document's next clock per clientID (its state vector)
   */
  Result admitUpdate(Peer peer, ReceivedUpdate update, LongUnaryOperator documentClocks);

  /**
   * A commit failed: updates admitted earlier were dropped, unlogged. The clocks they reached
   * must no longer count as known, or the sender's next update that skips them is admitted and
   * waits in the CRDT for a range only its reconnect brings, instead of being answered with step 1.
   *
   * @param stillWaiting the admitted updates still waiting for their commit (they keep their clocks)
   */
  void commitFailed(List<ReceivedUpdate> stillWaiting);

  /** The awareness update without entries this peer may not speak for; null if none remain. */
  byte[] filterAwareness(Peer peer, byte[] awarenessUpdate, LongUnaryOperator documentClocks);

  void leave(Peer peer);
}
