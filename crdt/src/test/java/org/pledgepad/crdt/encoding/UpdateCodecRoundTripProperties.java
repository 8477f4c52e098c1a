package org.pledgepad.crdt.encoding;

// Round trips through UpdateEncoderV1/V2 and UpdateDecoderV1/V2 (yjs/src/utils/UpdateEncoder.js,
// UpdateDecoder.js 13.6.33) for arbitrary sequences of field writes.

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.pledgepad.crdt.ID;
import org.pledgepad.crdt.UpdateDecoder;
import org.pledgepad.crdt.UpdateDecoderV1;
import org.pledgepad.crdt.UpdateDecoderV2;
import org.pledgepad.crdt.UpdateEncoder;
import org.pledgepad.crdt.UpdateEncoderV1;
import org.pledgepad.crdt.UpdateEncoderV2;
import org.pledgepad.crdt.lib0.Decoder;
import org.pledgepad.crdt.lib0.Encoder;
import org.pledgepad.crdt.lib0.Equality;

class UpdateCodecRoundTripProperties {
  /** One field write: kind and value. */
  record Op(int kind, long n, String s, ID id) {}

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<Long> small = Arbitraries.longs().between(0, 5);
    Arbitrary<Long> big = Arbitraries.longs().between(0, Encoder.MAX_SAFE_INTEGER);
    Arbitrary<Long> num = Arbitraries.oneOf(small, big);
    Arbitrary<String> str = Arbitraries.oneOf(Arbitraries.of("bold", "a", "", "😀"), Arbitraries.strings().ofMaxLength(6))
        .map(s -> s.codePoints().anyMatch(c -> c >= 0xD800 && c <= 0xDFFF) ? "x" : s);
    Arbitrary<ID> id = Combinators.combine(num, num).as(ID::new);
    Arbitrary<Op> op = Combinators.combine(Arbitraries.integers().between(0, 12), num, str, id).as(Op::new);
    return op.list().ofMaxSize(40);
  }

  private static void write(UpdateEncoder e, Op op) {
    switch (op.kind()) {
      case 0 -> e.writeClient(op.n());
      case 1 -> e.writeInfo((int) (op.n() % 11) | 0xC0);
      case 2 -> e.writeParentInfo(op.n() % 2 == 0);
      case 3 -> e.writeString(op.s());
      case 4 -> e.writeKey(op.s());
      case 5 -> e.writeLeftID(op.id());
      case 6 -> e.writeRightID(op.id());
      case 7 -> e.writeTypeRef((int) (op.n() % 7));
      case 8 -> e.writeLen(op.n());
      case 9 -> e.writeAny(List.of(op.s(), op.n()));
      case 10 -> e.writeJSON(java.util.Map.of("k", op.s()));
      case 11 -> e.writeBuf(op.s().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      default -> e.restEncoder().writeVarUint(op.n());
    }
  }

  private static void check(UpdateDecoder d, Op op) {
    switch (op.kind()) {
      case 0 -> assertThat(d.readClient()).isEqualTo(op.n());
      case 1 -> assertThat(d.readInfo()).isEqualTo((int) (op.n() % 11) | 0xC0);
      case 2 -> assertThat(d.readParentInfo()).isEqualTo(op.n() % 2 == 0);
      case 3 -> assertThat(d.readString()).isEqualTo(op.s());
      case 4 -> assertThat(d.readKey()).isEqualTo(op.s());
      case 5 -> assertThat(d.readLeftID()).isEqualTo(op.id());
      case 6 -> assertThat(d.readRightID()).isEqualTo(op.id());
      case 7 -> assertThat(d.readTypeRef()).isEqualTo((int) (op.n() % 7));
      case 8 -> assertThat(d.readLen()).isEqualTo(op.n());
      case 9 -> assertThat(Equality.equalityDeep(d.readAny(), List.of(op.s(), op.n()))).isTrue();
      case 10 -> assertThat(Equality.equalityDeep(d.readJSON(), java.util.Map.of("k", op.s()))).isTrue();
      case 11 -> assertThat(d.readBuf()).isEqualTo(op.s().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      default -> assertThat(d.restDecoder().readVarUint()).isEqualTo(op.n());
    }
  }

  @Property
  void v1RoundTrips(@ForAll("ops") List<Op> ops) {
    UpdateEncoderV1 e = new UpdateEncoderV1();
    ops.forEach(op -> write(e, op));
    Decoder raw = new Decoder(e.toUint8Array());
    UpdateDecoderV1 d = new UpdateDecoderV1(raw);
    ops.forEach(op -> check(d, op));
    assertThat(raw.hasContent()).isFalse();
  }

  @Property
  void v2RoundTrips(@ForAll("ops") List<Op> ops) {
    UpdateEncoderV2 e = new UpdateEncoderV2();
    ops.forEach(op -> write(e, op));
    Decoder raw = new Decoder(e.toUint8Array());
    UpdateDecoderV2 d = new UpdateDecoderV2(raw);
    ops.forEach(op -> check(d, op));
    assertThat(raw.hasContent()).isFalse();
  }

  @Property
  void v2DeleteSetClocksRoundTrip(@ForAll("ops") List<Op> ops) {
    // Delete sets: increasing clocks with positive lengths, reset between clients.
    UpdateEncoderV2 e = new UpdateEncoderV2();
    long clock = 0;
    for (Op op : ops) {
      clock += op.n() % 1000;
      e.writeDsClock(clock);
      long len = 1 + op.n() % 50;
      e.writeDsLen(len);
      clock += len;
    }
    UpdateDecoderV2 d = new UpdateDecoderV2(new Decoder(e.toUint8Array()));
    clock = 0;
    for (Op op : ops) {
      clock += op.n() % 1000;
      assertThat(d.readDsClock()).isEqualTo(clock);
      long len = 1 + op.n() % 50;
      assertThat(d.readDsLen()).isEqualTo(len);
      clock += len;
    }
  }
}
