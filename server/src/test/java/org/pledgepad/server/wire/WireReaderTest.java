package org.pledgepad.server.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WireReaderTest {
  @Test
  void varUintRoundTripsUpTo53Bits() {
    long[] values = {0, 1, 127, 128, 300, 1L << 32, (1L << 53) - 1};
    WireWriter w = new WireWriter();
    for (long v : values) {
      w.writeVarUint(v);
    }
    WireReader r = new WireReader(w.toByteArray());
    for (long v : values) {
      assertThat(r.readVarUint()).isEqualTo(v);
    }
    assertThat(r.hasContent()).isFalse();
  }

  @Test
  void varIntKeepsTheSign() {
    WireWriter w = new WireWriter().writeVarInt(1).writeVarInt(0).writeVarInt(-5).writeVarInt(100000);
    WireReader r = new WireReader(w.toByteArray());
    assertThat(r.readVarInt()).isEqualTo(1);
    assertThat(r.readVarInt()).isEqualTo(0);
    assertThat(r.readVarInt()).isEqualTo(-5);
    assertThat(r.readVarInt()).isEqualTo(100000);
  }

  @Test
  void truncatedVarUintIsMalformed() {
    assertThatThrownBy(() -> new WireReader(new byte[] {(byte) 0x80, (byte) 0x80}).readVarUint())
        .isInstanceOf(MalformedFrameException.class);
  }

  @Test
  void endlessContinuationBitsAreMalformedNotALoop() {
    byte[] b = new byte[64];
    java.util.Arrays.fill(b, (byte) 0xff);
    assertThatThrownBy(() -> new WireReader(b).readVarUint()).isInstanceOf(MalformedFrameException.class);
  }

  @Test
  void lengthPrefixBeyondTheMessageIsMalformedWithoutAllocating() {
    byte[] b = new WireWriter().writeVarUint(1L << 40).writeRaw(new byte[] {1, 2}).toByteArray();
    assertThatThrownBy(() -> new WireReader(b).readVarUint8Array()).isInstanceOf(MalformedFrameException.class);
  }

  @Test
  void stringsAreStandardUtf8AndInvalidSequencesAreRefused() {
    String s = "Bürger*innen 🗳 \u0000";
    byte[] b = new WireWriter().writeVarString(s).toByteArray();
    assertThat(new WireReader(b).readVarString()).isEqualTo(s);
    assertThat(b).contains((byte) 0xf0); // 4-byte sequence for the emoji, not modified UTF-8
    byte[] invalid = {2, (byte) 0xc3, 0x28};
    assertThatThrownBy(() -> new WireReader(invalid).readVarString()).isInstanceOf(MalformedFrameException.class);
    byte[] loneSurrogate = {3, (byte) 0xed, (byte) 0xa0, (byte) 0x80};
    assertThatThrownBy(() -> new WireReader(loneSurrogate).readVarString()).isInstanceOf(MalformedFrameException.class);
  }
}
