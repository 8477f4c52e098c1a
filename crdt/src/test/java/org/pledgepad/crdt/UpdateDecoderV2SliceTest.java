package org.pledgepad.crdt;

// UpdateDecoderV2 reads its nine columns where they lie in the update instead of copying them
// out; the update itself may be a slice of a larger array (Decoder(arr, off, len)).

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.pledgepad.crdt.lib0.Decoder;
import org.pledgepad.crdt.lib0.DecodingException;

class UpdateDecoderV2SliceTest {
  private static byte[] sampleUpdate() {
    Doc doc = new Doc();
    doc.getText("text").insert(0, "hello w\u00f6rld \uD83D\uDE00");
    doc.getText("text").delete(2, 3);
    doc.getMap("map").set("key", "value");
    doc.getArray("list").insert(0, java.util.List.of(1L, "two"));
    return Y.encodeStateAsUpdateV2(doc);
  }

  /** update at off in an array of junk bytes (0xFF: continuation bits everywhere). */
  private static byte[] embedded(byte[] update, int off, int extra) {
    byte[] a = new byte[off + update.length + extra];
    Arrays.fill(a, (byte) 0xFF);
    System.arraycopy(update, 0, a, off, update.length);
    return a;
  }

  @Test
  void anUpdateInsideALargerArrayDecodesAsItsCopy() {
    byte[] update = sampleUpdate();
    Doc expected = new Doc();
    Y.applyUpdateV2(expected, update);
    byte[] a = embedded(update, 5, 40);
    Doc doc = new Doc();
    Decoder decoder = new Decoder(a, 5, update.length);
    Encoding.readUpdateV2(decoder, doc, null, new UpdateDecoderV2(decoder));
    assertThat(Y.encodeStateAsUpdateV2(doc)).isEqualTo(Y.encodeStateAsUpdateV2(expected));
    assertThat(doc.getText("text").toString()).isEqualTo(expected.getText("text").toString());
  }

  @Test
  void aColumnReachingPastTheUpdatesEndIsRejectedEvenIfTheArrayGoesOn() {
    byte[] update = sampleUpdate();
    byte[] a = embedded(update, 3, 200);
    // Every cut inside the nine columns leaves a column whose declared length passes the end.
    Decoder whole = new Decoder(update);
    whole.readVarUint();
    for (int i = 0; i < 9; i++) {
      whole.readVarUint8Array();
    }
    for (int cut = 1; cut < whole.pos; cut++) {
      int len = cut;
      assertThatThrownBy(() -> new UpdateDecoderV2(new Decoder(a, 3, len)))
          .as("cut at %d", cut).isInstanceOf(DecodingException.class);
    }
  }
}
