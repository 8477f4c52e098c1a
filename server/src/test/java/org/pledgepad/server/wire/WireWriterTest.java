package org.pledgepad.server.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WireWriterTest {
  @Test
  void varUintSizeMatchesTheBytesWritten() {
    long[] values = {0, 1, 127, 128, 16383, 16384, 300, 1L << 32, (1L << 53) - 1, Long.MAX_VALUE};
    for (long v : values) {
      assertThat(WireWriter.varUintSize(v)).as("size of %d", v)
          .isEqualTo(new WireWriter(1).writeVarUint(v).toByteArray().length);
    }
  }

  @Test
  void growsPastTheExpectedSize() {
    byte[] payload = new byte[1000];
    payload[999] = 7;
    byte[] out = new WireWriter(2).writeVarUint(5).writeVarUint8Array(payload).toByteArray();
    WireReader r = new WireReader(out);
    assertThat(r.readVarUint()).isEqualTo(5);
    assertThat(r.readVarUint8Array()).isEqualTo(payload);
    assertThat(r.hasContent()).isFalse();
  }

  @Test
  void anArrayHandedOutIsNotChangedByLaterWrites() {
    WireWriter w = new WireWriter(2).writeVarUint(1).writeVarUint(2); // exactly full: no copy
    byte[] first = w.toByteArray();
    w.writeVarUint(3);
    assertThat(first).containsExactly(1, 2);
    assertThat(w.toByteArray()).containsExactly(1, 2, 3);
  }

  @Test
  void shorterThanExpectedIsTrimmed() {
    assertThat(new WireWriter(64).writeVarString("é").toByteArray()).containsExactly(2, 0xc3 - 256, 0xa9 - 256);
  }
}
