package org.pledgepad.crdt.sync;

// Hostile input for the y-websocket/y-protocols decoders (sync.js, awareness.js 1.0.7).

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.pledgepad.crdt.lib0.Fuzz;
import org.pledgepad.crdt.lib0.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SyncDecoderFuzzTest {
  @Test
  @SuppressWarnings("unchecked")
  void mutatedAndRandomMessagesRaiseOnlyDecodingException() {
    long seed = Fuzz.seed();
    Random r = new Random(seed);
    List<byte[]> valid = new ArrayList<>();
    for (Map<String, Object> step : (List<Map<String, Object>>) Vectors.map("awareness").get("steps")) {
      valid.add(YWebsocketMessages.encodeAwareness(Vectors.bytes(step.get("hex"))));
    }
    Map<String, Object> sync = Vectors.map("sync");
    valid.add(YWebsocketMessages.encodeSyncStep1(Vectors.bytes(sync.get("stateVector"))));
    valid.add(YWebsocketMessages.encodeUpdate(Vectors.bytes(sync.get("update"))));
    valid.add(YWebsocketMessages.encodePermissionDenied("nein"));
    valid.add(YWebsocketMessages.encodeQueryAwareness());
    for (int i = 0; i < 20000; i++) {
      byte[] in = r.nextInt(3) == 0 ? Fuzz.randomBytes(r, 40) : Fuzz.mutate(r, Fuzz.pick(r, valid));
      Fuzz.run(seed, "y-websocket frame", in, b -> {
        YWebsocketMessage m = YWebsocketMessages.decode(b);
        if (m instanceof YWebsocketMessage.Awareness aw) {
          new Awareness(99, 0).applyAwarenessUpdate(aw.update(), 1);
        }
      });
      Fuzz.run(seed, "awareness update", in, b -> AwarenessUpdate.decode(b));
    }
  }
}
