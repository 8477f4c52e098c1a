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

  @Test
  void asciiAndNonAsciiStringsDecodeAlikeAtAnyOffset() {
    java.util.Random random = new java.util.Random(3);
    String[] pieces = {"doc-1", "", "{\"user\":\"a\"}", "\u007f", "é", "🗳", "\u0000", "x".repeat(200)};
    for (int n = 0; n < 2_000; n++) {
      StringBuilder sb = new StringBuilder();
      for (int k = random.nextInt(4); k > 0; k--) {
        sb.append(pieces[random.nextInt(pieces.length)]);
      }
      String s = sb.toString();
      byte[] framed = new WireWriter().writeByte(9).writeVarString(s).writeVarString("tail").toByteArray();
      WireReader r = new WireReader(framed, 1, framed.length - 1);
      assertThat(r.readVarString()).isEqualTo(s);
      assertThat(r.readVarString()).isEqualTo("tail");
      assertThat(r.hasContent()).isFalse();
    }
  }

  @Test
  void aRefusedStringLeavesTheReaderWhereItWas() {
    byte[] asciiThenInvalid = {4, 'a', 'b', (byte) 0xc3, 0x28};
    WireReader r = new WireReader(asciiThenInvalid);
    assertThatThrownBy(r::readVarString).isInstanceOf(MalformedFrameException.class);
    assertThat(r.position()).isEqualTo(1);
  }
}
