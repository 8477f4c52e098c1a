package org.pledgepad.server.session;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A peer that records what the session sent it (calls arrive on the session's context). */
final class RecordingPeer implements Peer {
  record Sent(String kind, byte[] payload) {}

  final String id;
  final String actor;
  final boolean readOnly;
  final List<Sent> sent = new CopyOnWriteArrayList<>();
  volatile Short closedWith;
  /** What {@link #maxSyncPayloadBytes()} answers: a network peer's limit, or any size. */
  volatile int maxPayload = Integer.MAX_VALUE;
  /** What {@link #updateFraming()} answers: null = updates arrive as "update" payloads. */
  volatile UpdateFraming framing;
  /** Every shared message received through {@link #sendFramedUpdate}, as the very object. */
  final List<org.pledgepad.server.wire.SharedFrame> framed = new CopyOnWriteArrayList<>();
  /** What {@link #mayPublishAwareness()} answers (false: a guest). */
  volatile boolean publishesAwareness = true;
  /** When set, every update and acknowledgement sent to this peer throws it (a socket closed under the send). */
  volatile RuntimeException failSends;

  RecordingPeer(String id, String actor, boolean readOnly) {
    this.id = id;
    this.actor = actor;
    this.readOnly = readOnly;
  }

  @Override
  public String connectionId() {
    return id;
  }

  @Override
  public String actor() {
    return actor;
  }

  @Override
  public boolean readOnly() {
    return readOnly;
  }

  @Override
  public boolean mayPublishAwareness() {
    return publishesAwareness;
  }

  @Override
  public int maxSyncPayloadBytes() {
    return maxPayload;
  }

  @Override
  public void sendSyncStep1(byte[] stateVector) {
    sent.add(new Sent("step1", stateVector));
  }

  @Override
  public void sendSyncStep2(byte[] update) {
    sent.add(new Sent("step2", update));
  }

  @Override
  public void sendUpdate(byte[] update) {
    throwIfFailing();
    sent.add(new Sent("update", update));
  }

  @Override
  public UpdateFraming updateFraming() {
    return framing;
  }

  @Override
  public void sendFramedUpdate(org.pledgepad.server.wire.SharedFrame message) {
    throwIfFailing();
    framed.add(message);
    sent.add(new Sent("framed", message.messageBytes()));
  }

  @Override
  public void sendAwareness(byte[] awarenessUpdate) {
    sent.add(new Sent("awareness", awarenessUpdate));
  }

  @Override
  public void sendSyncStatus(boolean applied) {
    throwIfFailing();
    sent.add(new Sent(applied ? "applied" : "rejected", new byte[0]));
  }

  @Override
  public void close(short code, String reason) {
    if (closedWith == null) {
      closedWith = code;
    }
  }

  private void throwIfFailing() {
    RuntimeException e = failSends;
    if (e != null) {
      throw e;
    }
  }

  long count(String kind) {
    return sent.stream().filter(s -> s.kind().equals(kind)).count();
  }

  List<byte[]> payloads(String kind) {
    return sent.stream().filter(s -> s.kind().equals(kind)).map(Sent::payload).toList();
  }
}
