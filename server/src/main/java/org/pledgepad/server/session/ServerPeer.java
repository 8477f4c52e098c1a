package org.pledgepad.server.session;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.function.LongSupplier;

/**
 * The sender of an update the server makes on a person's behalf (a history restore): never a
 * member of the session, so it receives nothing, but its update travels the client path
 * (validation, group commit, apply, broadcast to everyone). The acknowledgement completes the
 * promise with the seq the update was logged at.
 */
final class ServerPeer implements Peer {
  private final String actor;
  private final String connectionId;
  private final LongSupplier headSeq;
  private final Promise<Long> logged = Promise.promise();

  ServerPeer(String actor, String connectionId, LongSupplier headSeq) {
    this.actor = actor;
    this.connectionId = connectionId;
    this.headSeq = headSeq;
  }

  Future<Long> logged() {
    return logged.future();
  }

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
    return false;
  }

  @Override
  public void sendSyncStep1(byte[] stateVector) {}

  @Override
  public void sendSyncStep2(byte[] update) {}

  @Override
  public void sendUpdate(byte[] update) {}

  @Override
  public void sendAwareness(byte[] awarenessUpdate) {}

  @Override
  public void sendSyncStatus(boolean applied) {
    // Sent right after the session set its head to this update's seq.
    if (applied) {
      logged.tryComplete(headSeq.getAsLong());
    } else {
      logged.tryFail("update refused");
    }
  }

  @Override
  public void close(short code, String reason) {
    logged.tryFail("update not logged: " + reason + " (" + code + ")");
  }
}
