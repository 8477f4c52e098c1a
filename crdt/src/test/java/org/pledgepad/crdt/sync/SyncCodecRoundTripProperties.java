package org.pledgepad.crdt.sync;

// Round trips of the y-protocols sync and awareness codecs (sync.js, awareness.js 1.0.7) and the
// y-websocket framing.

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.pledgepad.crdt.lib0.Encoder;

class SyncCodecRoundTripProperties {
  @Property
  void syncFramesRoundTrip(@ForAll byte[] payload, @ForAll @IntRange(min = 0, max = 2) int type) {
    byte[] frame = switch (type) {
      case 0 -> YWebsocketMessages.encodeSyncStep1(payload);
      case 1 -> YWebsocketMessages.encodeSyncStep2(payload);
      default -> YWebsocketMessages.encodeUpdate(payload);
    };
    YWebsocketMessage.Sync m = (YWebsocketMessage.Sync) YWebsocketMessages.decode(frame);
    assertThat(m.message().type()).isEqualTo(type);
    assertThat(m.message().payload()).isEqualTo(payload);
  }

  @Provide
  Arbitrary<List<AwarenessUpdate.Entry>> entries() {
    Arbitrary<Long> ids = Arbitraries.longs().between(0, Encoder.MAX_SAFE_INTEGER);
    Arbitrary<String> json = Arbitraries.oneOf(Arbitraries.just("null"), Arbitraries.just("{}"),
        Arbitraries.strings().ofMaxLength(12).map(s -> "{\"name\":" + quote(s) + ",\"cursor\":{\"anchor\":1,\"head\":2.5}}"));
    return Combinators.combine(ids, ids, json).as((c, k, j) -> new AwarenessUpdate.Entry(c, k, null, j)).list().ofMaxSize(6);
  }

  private static String quote(String s) {
    StringBuilder sb = new StringBuilder();
    org.pledgepad.crdt.lib0.Json.quote(sb, s);
    return sb.toString();
  }

  @Property
  void awarenessUpdatesRoundTrip(@ForAll("entries") List<AwarenessUpdate.Entry> entries) {
    byte[] bytes = AwarenessUpdate.encode(entries);
    List<AwarenessUpdate.Entry> back = AwarenessUpdate.decode(bytes);
    assertThat(back).hasSize(entries.size());
    List<String> jsonIn = new ArrayList<>();
    List<String> jsonOut = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      assertThat(back.get(i).clientID()).isEqualTo(entries.get(i).clientID());
      assertThat(back.get(i).clock()).isEqualTo(entries.get(i).clock());
      jsonIn.add(entries.get(i).json());
      jsonOut.add(org.pledgepad.crdt.lib0.Json.stringify(back.get(i).state()));
    }
    // Re-stringifying the parsed states gives the text JSON.stringify wrote.
    assertThat(jsonOut).isEqualTo(jsonIn);
    assertThat(AwarenessUpdate.encode(back)).isEqualTo(bytes);
  }
}
