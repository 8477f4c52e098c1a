package org.pledgepad.server.testing;

import java.util.List;
import org.pledgepad.server.doc.ReceivedUpdate;
import org.pledgepad.server.doc.SharedDocument;
import org.pledgepad.server.doc.YjsDocument;

/** A real document behind every call; tests and benches override the calls they watch. */
public abstract class ForwardingDocument implements SharedDocument {
  protected final YjsDocument inner = new YjsDocument();

  @Override
  public ReceivedUpdate parse(byte[] update) {
    return inner.parse(update);
  }

  @Override
  public boolean addsNothing(ReceivedUpdate update) {
    return inner.addsNothing(update);
  }

  @Override
  public void apply(ReceivedUpdate update) {
    inner.apply(update);
  }

  @Override
  public void apply(byte[] update) {
    inner.apply(update);
  }

  @Override
  public List<Integer> applyAll(List<byte[]> updates) {
    return inner.applyAll(updates);
  }

  @Override
  public byte[] stateVector() {
    return inner.stateVector();
  }

  @Override
  public long clock(long clientId) {
    return inner.clock(clientId);
  }

  @Override
  public byte[] diff(byte[] stateVector) {
    return inner.diff(stateVector);
  }

  @Override
  public byte[] encodeState() {
    return inner.encodeState();
  }

  @Override
  public long approximateSize() {
    return inner.approximateSize();
  }
}
