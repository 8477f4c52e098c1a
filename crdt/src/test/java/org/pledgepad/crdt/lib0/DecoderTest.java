package org.pledgepad.crdt.lib0;

// Behaviour of Decoder (lib0/decoding.js 0.2.114) that the golden vectors do not show.

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DecoderTest {
  @Test
  void peekVarUintDoesNotConsume() {
    Decoder d = new Decoder(new byte[] {(byte) 0x80, 0x01, 5});
    assertThat(d.peekVarUint()).isEqualTo(128);
    assertThat(d.readVarUint()).isEqualTo(128);
    assertThat(d.readUint8()).isEqualTo(5);
    assertThat(d.hasContent()).isFalse();
  }

  @Test
  void aSliceIsReadWithinItsBounds() {
    byte[] buf = {9, 1, 2, 9};
    Decoder d = new Decoder(buf, 1, 2);
    assertThat(d.readUint8Array(2)).containsExactly(1, 2);
    assertThatThrownBy(d::readUint8).isInstanceOf(DecodingException.class);
  }

  @Test
  void aOneByteVarUintAfterTheSliceIsNotRead() {
    Decoder d = new Decoder(new byte[] {5, 7}, 0, 1);
    assertThat(d.readVarUint()).isEqualTo(5);
    assertThatThrownBy(d::readVarUint).isInstanceOf(DecodingException.class);
    Decoder multi = new Decoder(new byte[] {(byte) 0x81, 7}, 0, 1);
    assertThatThrownBy(multi::readVarUint).isInstanceOf(DecodingException.class);
  }

  @Test
  void invalidUtf8IsRejectedNotReplaced() {
    byte[][] bad = {{2, (byte) 0xC3, 0x28}, {3, (byte) 0xED, (byte) 0xA0, (byte) 0x80}, {2, (byte) 0xC0, (byte) 0xAF},
        {4, (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {1, (byte) 0x80}, {2, (byte) 0xE2, (byte) 0x82}};
    for (byte[] b : bad) {
      assertThatThrownBy(() -> new Decoder(b).readVarString()).isInstanceOf(DecodingException.class);
    }
  }

  @Test
  void aLeadingByteOrderMarkIsKept() {
    byte[] b = {3, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    assertThat(new Decoder(b).readVarString()).isEqualTo("\uFEFF");
  }

  @Test
  void anyNegativeZeroSurvivesARoundTrip() {
    Object v = new Decoder(new byte[] {125, 0x40}).readAny();
    assertThat(v).isEqualTo(-0.0d);
    Encoder e = new Encoder();
    e.writeAny(v);
    assertThat(e.toUint8Array()).containsExactly(125, 0x40);
  }

  @Test
  void unknownAnyTagsAreRejected() {
    for (int tag : new int[] {0, 115, 128, 255}) {
      assertThatThrownBy(() -> new Decoder(new byte[] {(byte) tag}).readAny()).isInstanceOf(DecodingException.class);
    }
  }
}
