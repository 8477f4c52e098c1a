package org.pledgepad.crdt.encoding;

// Checks DSEncoderV1/V2 and DSDecoderV1/V2 (yjs/src/utils/UpdateEncoder.js, UpdateDecoder.js
// 13.6.33) against Yjs's bytes for sorted and unsorted delete-set ranges.

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.pledgepad.crdt.DSDecoder;
import org.pledgepad.crdt.DSDecoderV1;
import org.pledgepad.crdt.UpdateDecoderV2;
import org.pledgepad.crdt.UpdateEncoder;
import org.pledgepad.crdt.UpdateEncoderV1;
import org.pledgepad.crdt.UpdateEncoderV2;
import org.pledgepad.crdt.lib0.Decoder;
import org.pledgepad.crdt.lib0.DecodingException;
import org.pledgepad.crdt.lib0.Vectors;
import org.junit.jupiter.api.Test;

class DeleteSetClocksTest {
  @SuppressWarnings("unchecked")
  private static String write(UpdateEncoder e, List<Object> seq) {
    e.resetDsCurVal();
    for (Object o : seq) {
      List<Object> p = (List<Object>) o;
      e.writeDsClock(Long.parseLong((String) p.get(0)));
      e.writeDsLen(Long.parseLong((String) p.get(1)));
    }
    return Vectors.hex(e.toUint8Array());
  }

  @Test
  @SuppressWarnings("unchecked")
  void clocksAndLengthsMatchYjsIncludingUnsortedRanges() {
    for (Map<String, Object> v : Vectors.list("deleteSetClocks")) {
      List<Object> seq = (List<Object>) v.get("seq");
      assertThat(write(new UpdateEncoderV1(), seq)).as("v1 %s", seq).isEqualTo(v.get("v1"));
      assertThat(write(new UpdateEncoderV2(), seq)).as("v2 %s", seq).isEqualTo(v.get("v2"));
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void sortedRangesReadBack() {
    for (Map<String, Object> v : Vectors.list("deleteSetClocks")) {
      List<Object> seq = (List<Object>) v.get("seq");
      long prevEnd = 0;
      boolean sorted = true;
      for (Object o : seq) {
        List<Object> p = (List<Object>) o;
        sorted &= Long.parseLong((String) p.get(0)) >= prevEnd;
        prevEnd = Long.parseLong((String) p.get(0)) + Long.parseLong((String) p.get(1));
      }
      if (!sorted) {
        continue;
      }
      DSDecoder v1 = new DSDecoderV1(new Decoder(Vectors.bytes(v.get("v1"))));
      DSDecoder v2 = new UpdateDecoderV2(new Decoder(Vectors.bytes(v.get("v2"))));
      for (DSDecoder d : List.of(v1, v2)) {
        d.resetDsCurVal();
        for (Object o : seq) {
          List<Object> p = (List<Object>) o;
          assertThat(d.readDsClock()).isEqualTo(Long.parseLong((String) p.get(0)));
          assertThat(d.readDsLen()).isEqualTo(Long.parseLong((String) p.get(1)));
        }
      }
    }
  }

  @Test
  void v1RangesOfLengthZeroAreRejected() {
    DSDecoder d = new DSDecoderV1(new Decoder(new byte[] {5, 0}));
    assertThat(d.readDsClock()).isEqualTo(5);
    assertThatThrownBy(d::readDsLen).isInstanceOf(DecodingException.class);
  }

  @Test
  void v2ClocksBeyondTwoToThe53AreRejected() {
    UpdateEncoderV2 e = new UpdateEncoderV2();
    e.writeDsClock(9007199254740990L);
    e.writeDsLen(1);
    e.restEncoder().writeVarUint(5); // a further step past 2^53 - 1
    UpdateDecoderV2 d = new UpdateDecoderV2(new Decoder(e.toUint8Array()));
    d.readDsClock();
    d.readDsLen();
    assertThatThrownBy(d::readDsClock).isInstanceOf(DecodingException.class);
  }
}
