package org.pledgepad.crdt.lib0;

// Hostile input for the lib0 port (lib0/decoding.js 0.2.114 and JSON.parse): only
// DecodingException may escape, in time linear in the input.

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DecoderFuzzTest {
  private static void readProgram(Random ops, byte[] input) {
    Decoder d = new Decoder(input);
    for (int i = 0; i < 50 && d.hasContent(); i++) {
      switch (ops.nextInt(10)) {
        case 0 -> d.readVarUint();
        case 1 -> d.readVarInt();
        case 2 -> d.readVarString();
        case 3 -> d.readVarUint8Array();
        case 4 -> d.readFloat32();
        case 5 -> d.readFloat64();
        case 6 -> d.readBigInt64();
        case 7 -> d.readUint8();
        default -> d.readAny();
      }
    }
  }

  @Test
  void randomBytesRaiseOnlyDecodingException() {
    long seed = Fuzz.seed();
    Random r = new Random(seed);
    for (int i = 0; i < 20000; i++) {
      byte[] in = Fuzz.randomBytes(r, 48);
      long opsSeed = r.nextLong();
      Fuzz.run(seed, "decoder program", in, b -> readProgram(new Random(opsSeed), b));
      Fuzz.run(seed, "readAny", in, b -> new Decoder(b).readAny());
      Fuzz.run(seed, "UintOptRleDecoder", in, b -> {
        UintOptRleDecoder d = new UintOptRleDecoder(b);
        for (int k = 0; k < 20; k++) {
          d.read();
        }
      });
      Fuzz.run(seed, "IntDiffOptRleDecoder", in, b -> {
        IntDiffOptRleDecoder d = new IntDiffOptRleDecoder(b);
        for (int k = 0; k < 20; k++) {
          d.read();
        }
      });
      Fuzz.run(seed, "RleDecoder", in, b -> {
        RleDecoder d = new RleDecoder(b);
        for (int k = 0; k < 20; k++) {
          d.read();
        }
      });
      Fuzz.run(seed, "StringDecoder", in, b -> {
        StringDecoder d = new StringDecoder(b);
        for (int k = 0; k < 20; k++) {
          d.read();
        }
      });
    }
  }

  @Test
  void mutatedGoldenVectorsRaiseOnlyDecodingException() {
    long seed = Fuzz.seed();
    Random r = new Random(seed);
    List<byte[]> anys = new ArrayList<>();
    for (Map<String, Object> v : Vectors.list("any")) {
      anys.add(Vectors.bytes(v.get("hex")));
    }
    List<byte[]> strings = new ArrayList<>();
    for (Map<String, Object> v : Vectors.list("stringCol")) {
      strings.add(Vectors.bytes(v.get("hex")));
    }
    for (int i = 0; i < 20000; i++) {
      Fuzz.run(seed, "readAny", Fuzz.mutate(r, Fuzz.pick(r, anys)), b -> {
        Decoder d = new Decoder(b);
        while (d.hasContent()) {
          d.readAny();
        }
      });
      Fuzz.run(seed, "StringDecoder", Fuzz.mutate(r, Fuzz.pick(r, strings)), b -> {
        StringDecoder d = new StringDecoder(b);
        for (int k = 0; k < 40; k++) {
          d.read();
        }
      });
    }
  }

  @Test
  void randomAndMutatedJsonRaisesOnlyDecodingException() {
    long seed = Fuzz.seed();
    Random r = new Random(seed);
    List<String> texts = new ArrayList<>();
    for (Map<String, Object> v : Vectors.list("jsonParse")) {
      texts.add((String) v.get("text"));
    }
    for (Map<String, Object> v : Vectors.list("jsonStringify")) {
      texts.add((String) v.get("s"));
    }
    String alphabet = "{}[]\",:\\u0123456789abcdefEe+-.tnrl \n\t\u00e9\ud83d\ude00";
    for (int i = 0; i < 20000; i++) {
      StringBuilder sb = new StringBuilder(Fuzz.pick(r, texts));
      for (int k = 0; k < 1 + r.nextInt(3); k++) {
        int op = r.nextInt(3);
        if (op == 0 || sb.length() == 0) {
          sb.insert(r.nextInt(sb.length() + 1), alphabet.charAt(r.nextInt(alphabet.length())));
        } else if (op == 1) {
          sb.deleteCharAt(r.nextInt(sb.length()));
        } else {
          sb.setCharAt(r.nextInt(sb.length()), alphabet.charAt(r.nextInt(alphabet.length())));
        }
      }
      String text = sb.toString();
      Fuzz.run(seed, "Json.parse(" + text + ")", new byte[0], b -> Json.parse(text));
    }
  }

  @Test
  void deepAnyNestingIsADecodingExceptionNotAStackOverflow() {
    for (int tag : new int[] {117, 118}) {
      int depth = 200_000;
      Encoder e = new Encoder();
      for (int i = 0; i < depth; i++) {
        e.writeUint8(tag);
        e.writeVarUint(1);
        if (tag == 118) {
          e.writeVarString("");
        }
      }
      e.writeUint8(126);
      byte[] b = e.toUint8Array();
      assertThatThrownBy(() -> new Decoder(b).readAny()).isInstanceOf(DecodingException.class);
    }
  }

  @Test
  void deepJsonNestingIsADecodingExceptionNotAStackOverflow() {
    String arrays = "[".repeat(200_000) + "]".repeat(200_000);
    assertThatThrownBy(() -> Json.parse(arrays)).isInstanceOf(DecodingException.class);
    String objects = "{\"a\":".repeat(200_000) + "1" + "}".repeat(200_000);
    assertThatThrownBy(() -> Json.parse(objects)).isInstanceOf(DecodingException.class);
  }

  @Test
  void hugeDeclaredLengthsFailBeforeAllocating() {
    for (long len : new long[] {Encoder.MAX_SAFE_INTEGER, 1L << 40, Integer.MAX_VALUE, 1 << 20}) {
      Encoder e = new Encoder();
      e.writeVarUint(len);
      e.writeUint8(1);
      byte[] b = e.toUint8Array();
      assertThatThrownBy(() -> new Decoder(b).readVarUint8Array()).isInstanceOf(DecodingException.class);
      assertThatThrownBy(() -> new Decoder(b).readVarString()).isInstanceOf(DecodingException.class);
      byte[] arr = concat(new byte[] {117}, b);
      assertThatThrownBy(() -> new Decoder(arr).readAny()).isInstanceOf(DecodingException.class);
      byte[] obj = concat(new byte[] {118}, b);
      assertThatThrownBy(() -> new Decoder(obj).readAny()).isInstanceOf(DecodingException.class);
    }
  }

  @Test
  void integersBeyondTwoToThe53AreRejected() {
    byte[] tooBig = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x10};
    assertThatThrownBy(() -> new Decoder(tooBig).readVarUint()).isInstanceOf(DecodingException.class);
    byte[] overlong = new byte[20];
    java.util.Arrays.fill(overlong, (byte) 0x80);
    assertThatThrownBy(() -> new Decoder(overlong).readVarUint()).isInstanceOf(DecodingException.class);
    assertThatThrownBy(() -> new Decoder(overlong).readVarInt()).isInstanceOf(DecodingException.class);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
