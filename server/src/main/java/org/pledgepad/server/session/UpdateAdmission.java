package org.pledgepad.server.session;

import io.vertx.core.Future;
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

  /** The awareness update without entries this peer may not speak for; null if none remain. */
  byte[] filterAwareness(Peer peer, byte[] awarenessUpdate, LongUnaryOperator documentClocks);

  void leave(Peer peer);
}
