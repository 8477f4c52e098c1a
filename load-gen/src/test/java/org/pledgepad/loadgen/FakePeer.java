package org.pledgepad.loadgen;

import java.util.ArrayList;
import java.util.List;

/** Records what a wire asked of its client. */
final class FakePeer implements Peer {
  final List<byte[]> applied = new ArrayList<>();
  final List<Boolean> step2 = new ArrayList<>();
  final List<byte[]> stateVectors = new ArrayList<>();
  byte[] answer = {0, 0};
  byte[] awarenessEcho;
  byte[] all = {0};
  int denied;

  @Override
  public String documentName() {
    return "doc-1";
  }

  @Override
  public byte[] answerStep1(byte[] stateVector) {
    stateVectors.add(stateVector);
    return answer;
  }

  @Override
  public void applyRemote(byte[] update, boolean isStep2) {
    applied.add(update);
    step2.add(isStep2);
  }

  @Override
  public byte[] applyAwareness(byte[] update) {
    return awarenessEcho;
  }

  @Override
  public byte[] allAwareness() {
    return all;
  }

  @Override
  public void denied() {
    denied++;
  }
}
