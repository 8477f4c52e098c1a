package org.pledgepad.server.session;

import java.util.List;
import org.pledgepad.server.doc.ReceivedUpdate;
import org.pledgepad.server.doc.SharedDocument;
import org.pledgepad.server.doc.YjsDocument;

/** The real document, counting {@link #release} calls and refusing any use after one. */
final class ReleaseCountingDocument implements SharedDocument {
  private final YjsDocument doc = new YjsDocument();
  volatile int released;

  private YjsDocument live() {
    if (released > 0) {
      throw new IllegalStateException("used after release");
    }
    return doc;
  }

  @Override public ReceivedUpdate parse(byte[] update) { return live().parse(update); }
  @Override public boolean addsNothing(ReceivedUpdate update) { return live().addsNothing(update); }
  @Override public void apply(ReceivedUpdate update) { live().apply(update); }
  @Override public void apply(byte[] update) { live().apply(update); }
  @Override public List<Integer> applyAll(List<byte[]> updates) { return live().applyAll(updates); }
  @Override public byte[] stateVector() { return live().stateVector(); }
  @Override public long clock(long clientId) { return live().clock(clientId); }
  @Override public byte[] diff(byte[] stateVector) { return live().diff(stateVector); }
  @Override public byte[] encodeState() { return live().encodeState(); }
  @Override public long approximateSize() { return live().approximateSize(); }

  @Override
  public void release() {
    live().release();
    released++;
  }
}
