package org.pledgepad.server.doc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.DocOptions;
import org.pledgepad.crdt.UpdateLimits;
import org.pledgepad.crdt.Y;
import org.pledgepad.crdt.lib0.Encoder;

/** Updates from peers are checked against crdt's limits for untrusted input before they apply. */
class YjsDocumentLimitsTest {
  private static byte[] vu(long... values) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (long v : values) {
      Encoder e = new Encoder();
      e.writeVarUint(v);
      out.writeBytes(e.toUint8Array());
    }
    return out.toByteArray();
  }

  /** v1: one group of n GC structs of length 1 (two bytes each), empty delete set. */
  private static byte[] gcRun(int n) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(vu(1, n, 7, 0));
    for (int i = 0; i < n; i++) {
      out.writeBytes(vu(0, 1));
    }
    out.writeBytes(vu(0));
    return out.toByteArray();
  }

  /** What client 7 sends after typing text into an empty document. */
  private static byte[] typedBy7(String text) {
    Doc client = new Doc(new DocOptions().clientID(7));
    client.getText("t").insert(0, text);
    return Y.encodeStateAsUpdate(client);
  }

  @Test
  void anHonestUpdateParsesAndAppliesAsParsed() {
    byte[] update = typedBy7("Guten Tag");
    YjsDocument doc = new YjsDocument();
    ReceivedUpdate received = doc.parse(update);
    assertThat(received.bytes()).isSameAs(update);
    assertThat(received.structs()).hasSize(1);
    assertThat(received.structs().get(0).client).isEqualTo(7);
    doc.apply(received);
    assertThat(doc.diff(vu(0))).isEqualTo(update);
    assertThat(doc.approximateSize()).isEqualTo(update.length);
  }

  @Test
  void aParsedUpdateAppliesOnceAndOnlyItsBytesStayUsable() {
    byte[] update = typedBy7("Hallo");
    YjsDocument doc = new YjsDocument();
    ReceivedUpdate received = doc.parse(update);
    doc.apply(received);
    // its structs are the document's items now: neither a second apply nor a reader may touch them
    assertThatThrownBy(() -> doc.apply(received)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new YjsDocument().apply(received)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(received::structs).isInstanceOf(IllegalStateException.class);
    assertThat(received.bytes()).isSameAs(update);
    assertThat(doc.diff(vu(0))).isEqualTo(update);
  }

  @Test
  void updatesOverThePeerLimitsAreRejectedBeforeTheyApply() {
    YjsDocument doc = new YjsDocument(UpdateLimits.UNTRUSTED.withStructs(100, 2, 1000));
    byte[] tooMany = gcRun(1001); // 2,000 bytes allow 4,100 structs, the cap 1,000
    assertThatThrownBy(() -> doc.parse(tooMany)).isInstanceOf(UpdateRejectedException.class);
    doc.parse(gcRun(1000));
    byte[] manyClients = vu(1L << 50, 0, 1, 0); // declares 2^50 client groups
    assertThatThrownBy(() -> new YjsDocument().parse(manyClients)).isInstanceOf(UpdateRejectedException.class);
    byte[] manyRanges = vu(0, 1, 7, 2_000_000, 0, 1); // a delete set declaring 2,000,000 ranges
    assertThatThrownBy(() -> new YjsDocument().parse(manyRanges)).isInstanceOf(UpdateRejectedException.class);
    assertThat(doc.stateVector()).isEqualTo(vu(0));
  }
}
