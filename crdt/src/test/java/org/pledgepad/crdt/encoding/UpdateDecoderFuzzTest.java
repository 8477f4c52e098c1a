package org.pledgepad.crdt.encoding;

// Hostile input for UpdateDecoderV1/V2 (yjs/src/utils/UpdateDecoder.js 13.6.33): mutated real
// updates read along the call sequence Yjs used to write them, and random read sequences.

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.pledgepad.crdt.UpdateDecoder;
import org.pledgepad.crdt.UpdateDecoderV1;
import org.pledgepad.crdt.UpdateDecoderV2;
import org.pledgepad.crdt.lib0.Decoder;
import org.pledgepad.crdt.lib0.Fuzz;
import org.pledgepad.crdt.lib0.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UpdateDecoderFuzzTest {
  /** Performs the reads matching the recorded writes, ignoring the values. */
  static void readAlong(UpdateDecoder d, List<List<Object>> calls) {
    for (List<Object> call : calls) {
      switch ((String) call.get(0)) {
        case "raw" -> d.restDecoder().readUint8Array(Vectors.bytes(call.get(1)).length);
        case "writeClient" -> d.readClient();
        case "writeInfo" -> d.readInfo();
        case "writeParentInfo" -> d.readParentInfo();
        case "writeString" -> d.readString();
        case "writeKey" -> d.readKey();
        case "writeLeftID" -> d.readLeftID();
        case "writeRightID" -> d.readRightID();
        case "writeTypeRef" -> d.readTypeRef();
        case "writeLen" -> d.readLen();
        case "writeAny" -> d.readAny();
        case "writeJSON" -> d.readJSON();
        case "writeBuf" -> d.readBuf();
        case "writeDsClock" -> d.readDsClock();
        case "writeDsLen" -> d.readDsLen();
        case "resetDsCurVal" -> d.resetDsCurVal();
        default -> throw new AssertionError(call.get(0));
      }
    }
  }

  static void randomReads(Random ops, UpdateDecoder d) {
    for (int i = 0; i < 60; i++) {
      switch (ops.nextInt(14)) {
        case 0 -> d.readClient();
        case 1 -> d.readInfo();
        case 2 -> d.readParentInfo();
        case 3 -> d.readString();
        case 4 -> d.readKey();
        case 5 -> d.readLeftID();
        case 6 -> d.readRightID();
        case 7 -> d.readTypeRef();
        case 8 -> d.readLen();
        case 9 -> d.readAny();
        case 10 -> d.readJSON();
        case 11 -> d.readBuf();
        case 12 -> d.readDsClock();
        default -> d.readDsLen();
      }
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void mutatedUpdatesRaiseOnlyDecodingException() {
    long seed = Fuzz.seed();
    Random r = new Random(seed);
    List<Map<String, Object>> updates = Vectors.list("updates");
    for (int i = 0; i < 6000; i++) {
      Map<String, Object> u = Fuzz.pick(r, updates);
      boolean v2 = r.nextBoolean();
      Map<String, Object> rec = (Map<String, Object>) u.get(v2 ? "v2" : "v1");
      List<List<Object>> calls = (List<List<Object>>) rec.get("calls");
      byte[] in = Fuzz.mutate(r, Vectors.bytes(rec.get("hex")));
      Fuzz.run(seed, (v2 ? "v2 " : "v1 ") + u.get("name"), in, b -> {
        Decoder d = new Decoder(b);
        readAlong(v2 ? new UpdateDecoderV2(d) : new UpdateDecoderV1(d), calls);
      });
    }
  }

  @Test
  void randomBytesRaiseOnlyDecodingException() {
    long seed = Fuzz.seed();
    Random r = new Random(seed);
    for (int i = 0; i < 20000; i++) {
      byte[] in = Fuzz.randomBytes(r, 64);
      long opsSeed = r.nextLong();
      Fuzz.run(seed, "v1 random reads", in, b -> randomReads(new Random(opsSeed), new UpdateDecoderV1(new Decoder(b))));
      Fuzz.run(seed, "v2 random reads", in, b -> randomReads(new Random(opsSeed), new UpdateDecoderV2(new Decoder(b))));
    }
  }
}
