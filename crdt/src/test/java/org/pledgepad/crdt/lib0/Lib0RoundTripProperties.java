package org.pledgepad.crdt.lib0;

// Round-trip properties of the lib0 port (lib0/encoding.js, lib0/decoding.js 0.2.114).
// jqwik prints the seed of a failing run; rerun with @Property(seed = "...").

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class Lib0RoundTripProperties {
  @Property
  void varUintRoundTrips(@ForAll @LongRange(min = 0, max = Encoder.MAX_SAFE_INTEGER) long n) {
    Encoder e = new Encoder();
    e.writeVarUint(n);
    Decoder d = new Decoder(e.toUint8Array());
    assertThat(d.readVarUint()).isEqualTo(n);
    assertThat(d.hasContent()).isFalse();
  }

  @Property
  void varIntRoundTrips(@ForAll @LongRange(min = -Encoder.MAX_SAFE_INTEGER, max = Encoder.MAX_SAFE_INTEGER) long n) {
    Encoder e = new Encoder();
    e.writeVarInt(n);
    Decoder d = new Decoder(e.toUint8Array());
    assertThat(d.readVarInt()).isEqualTo(n);
    assertThat(d.hasContent()).isFalse();
  }

  @Property
  void wellFormedStringsEncodeAsStandardUtf8(@ForAll String s) {
    Encoder e = new Encoder();
    e.writeVarString(s);
    byte[] bytes = e.toUint8Array();
    String back = new Decoder(bytes).readVarString();
    String expected = GoldenVectorsTest.replaceLoneSurrogates(s);
    assertThat(back).isEqualTo(expected);
    // For strings without lone surrogates Java's own encoder agrees.
    byte[] javaUtf8 = expected.getBytes(StandardCharsets.UTF_8);
    Decoder d = new Decoder(bytes);
    assertThat(d.readUint8Array(d.readVarUint())).isEqualTo(javaUtf8);
  }

  @Property(tries = 3000)
  void strictUtf8AgreesWithTheJdkReportingDecoder(@ForAll @Size(max = 12) List<@net.jqwik.api.constraints.ByteRange(min = -128, max = 127) Byte> raw) {
    byte[] b = new byte[raw.size()];
    for (int i = 0; i < b.length; i++) {
      b[i] = raw.get(i);
    }
    String jdk;
    try {
      jdk = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
    } catch (CharacterCodingException ex) {
      jdk = null;
    }
    String ours;
    try {
      ours = Utf8.decode(b, 0, b.length);
    } catch (DecodingException ex) {
      ours = null;
    }
    assertThat(ours).as("bytes %s", Arrays.toString(b)).isEqualTo(jdk);
  }

  @Provide
  Arbitrary<byte[]> utf8ish() {
    // Bias towards lead and continuation bytes so that multi-byte sequences occur often.
    return Arbitraries.of((byte) 0x41, (byte) 0x80, (byte) 0xBF, (byte) 0x9F, (byte) 0xA0, (byte) 0xC2, (byte) 0xC0,
        (byte) 0xE0, (byte) 0xED, (byte) 0xEF, (byte) 0xF0, (byte) 0xF4, (byte) 0xF5, (byte) 0x8F, (byte) 0x90)
        .array(byte[].class).ofMaxSize(8);
  }

  @Property(tries = 3000)
  void strictUtf8AgreesWithTheJdkOnTrickySequences(@ForAll("utf8ish") byte[] b) {
    String jdk;
    try {
      jdk = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b)).toString();
    } catch (CharacterCodingException ex) {
      jdk = null;
    }
    String ours;
    try {
      ours = Utf8.decode(b, 0, b.length);
    } catch (DecodingException ex) {
      ours = null;
    }
    assertThat(ours).as("bytes %s", Arrays.toString(b)).isEqualTo(jdk);
  }

  @Property
  void float64RoundTripsBitExactly(@ForAll double x) {
    Encoder e = new Encoder();
    e.writeFloat64(x);
    assertThat(Double.doubleToLongBits(new Decoder(e.toUint8Array()).readFloat64()))
        .isEqualTo(Double.doubleToLongBits(x));
  }

  @Property
  void numberToStringReadsBackAndIsNoLongerThanJava(@ForAll double x) {
    String s = JsNumbers.toString(x);
    if (Double.isNaN(x)) {
      assertThat(s).isEqualTo("NaN");
      return;
    }
    assertThat(Double.parseDouble(s)).isEqualTo(x == 0 ? 0.0 : x);
    String digits = s.replaceAll("e.*", "").replaceAll("[^0-9]", "").replaceAll("^0+", "").replaceAll("0+$", "");
    String java = Double.toString(Math.abs(x)).replaceAll("E.*", "").replaceAll("[^0-9]", "").replaceAll("^0+", "")
        .replaceAll("0+$", "");
    assertThat(digits.length()).isLessThanOrEqualTo(Math.max(1, java.length()));
  }

  @Provide
  Arbitrary<Object> anyValues() {
    Arbitrary<Object> leaf = Arbitraries.oneOf(
        Arbitraries.just(null), Arbitraries.just(Undefined.INSTANCE), Arbitraries.of(true, false),
        Arbitraries.longs().between(-Encoder.MAX_SAFE_INTEGER, Encoder.MAX_SAFE_INTEGER).map(l -> (Object) l),
        Arbitraries.doubles().map(d -> (Object) d), Arbitraries.floats().map(f -> (Object) (double) f),
        Arbitraries.bigIntegers().between(BigInteger.ONE.shiftLeft(63).negate(), BigInteger.ONE.shiftLeft(63).subtract(BigInteger.ONE)).map(b -> (Object) b),
        Arbitraries.strings().ofMaxLength(20).map(s -> (Object) s),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(10).map(b -> (Object) b));
    return Arbitraries.recursive(() -> leaf, this::container, 0, 3);
  }

  private Arbitrary<Object> container(Arbitrary<Object> inner) {
    Arbitrary<Object> list = inner.list().ofMaxSize(4).map(l -> (Object) new ArrayList<>(l));
    Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(6),
        Arbitraries.integers().between(0, 20).map(String::valueOf));
    Arbitrary<Object> map = Arbitraries.maps(keys, inner).ofMaxSize(4).map(m -> (Object) new LinkedHashMap<>(m));
    return Arbitraries.oneOf(list, map);
  }

  @Property
  void anyEncodingIsStableUnderDecodeAndReencode(@ForAll("anyValues") Object v) {
    Encoder e = new Encoder();
    e.writeAny(v);
    byte[] first = e.toUint8Array();
    Decoder d = new Decoder(first);
    Object back = d.readAny();
    assertThat(d.hasContent()).isFalse();
    Encoder e2 = new Encoder();
    e2.writeAny(back);
    assertThat(e2.toUint8Array()).isEqualTo(first);
  }

  @Provide
  Arbitrary<Object> jsonValues() {
    Arbitrary<Object> leaf = Arbitraries.oneOf(
        Arbitraries.just(null), Arbitraries.of(true, false),
        Arbitraries.longs().between(-Encoder.MAX_SAFE_INTEGER, Encoder.MAX_SAFE_INTEGER).map(l -> (Object) l),
        Arbitraries.doubles().filter(Double::isFinite).map(d -> Json.normalize(d == 0 ? 0.0 : d)),
        Arbitraries.strings().ofMaxLength(20).map(s -> (Object) GoldenVectorsTest.replaceLoneSurrogates(s)));
    return Arbitraries.recursive(() -> leaf, this::container, 0, 3)
        .filter(v -> !containsUndefinedOrBytes(v));
  }

  private static boolean containsUndefinedOrBytes(Object v) {
    if (v instanceof Undefined || v instanceof byte[] || v instanceof BigInteger) {
      return true;
    }
    if (v instanceof List) {
      return ((List<?>) v).stream().anyMatch(Lib0RoundTripProperties::containsUndefinedOrBytes);
    }
    if (v instanceof Map) {
      return ((Map<?, ?>) v).values().stream().anyMatch(Lib0RoundTripProperties::containsUndefinedOrBytes);
    }
    return false;
  }

  @Property(tries = 300)
  void jsonStringifyParseRoundTrips(@ForAll("jsonValues") Object v) {
    String s = Json.stringify(v);
    Object back = Json.parse(s);
    assertThat(Equality.equalityDeep(back, v)).as(s).isTrue();
    assertThat(Json.stringify(back)).isEqualTo(s);
  }

  @Property
  void uintOptRleRoundTrips(@ForAll("runs") List<Long> values) {
    UintOptRleEncoder e = new UintOptRleEncoder();
    values.forEach(e::write);
    UintOptRleDecoder d = new UintOptRleDecoder(e.toUint8Array());
    for (long v : values) {
      assertThat(d.read()).isEqualTo(v);
    }
    assertThat(d.hasContent()).isFalse();
  }

  @Property
  void intDiffOptRleRoundTrips(@ForAll @Size(max = 60) List<@LongRange(min = -(1L << 50), max = 1L << 50) Long> values) {
    IntDiffOptRleEncoder e = new IntDiffOptRleEncoder();
    values.forEach(e::write);
    IntDiffOptRleDecoder d = new IntDiffOptRleDecoder(e.toUint8Array());
    for (long v : values) {
      assertThat(d.read()).isEqualTo(v);
    }
    assertThat(d.hasContent()).isFalse();
  }

  @Property
  void rleRoundTrips(@ForAll("runs") List<Long> values) {
    RleEncoder e = new RleEncoder();
    values.forEach(v -> e.write((int) (v & 0xFF)));
    RleDecoder d = new RleDecoder(e.toUint8Array());
    for (long v : values) {
      assertThat(d.read()).isEqualTo((int) (v & 0xFF));
    }
  }

  @Property(tries = 300)
  void stringColumnRoundTrips(@ForAll @Size(max = 30) List<@Size(max = 8) String> values) {
    StringEncoder e = new StringEncoder();
    values.forEach(e::write);
    StringDecoder d = new StringDecoder(e.toUint8Array());
    StringBuilder got = new StringBuilder();
    StringBuilder want = new StringBuilder();
    for (String v : values) {
      String r = d.read();
      assertThat(r.length()).isEqualTo(v.length());
      got.append(r);
      want.append(v);
    }
    assertThat(got.toString()).isEqualTo(GoldenVectorsTest.replaceLoneSurrogates(want.toString()));
  }

  @Provide
  Arbitrary<List<Long>> runs() {
    Arbitrary<Long> value = Arbitraries.oneOf(Arbitraries.longs().between(0, 3),
        Arbitraries.longs().between(0, Encoder.MAX_SAFE_INTEGER));
    return Arbitraries.integers().between(1, 4).flatMap(n -> value.map(v -> {
      List<Long> run = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        run.add(v);
      }
      return run;
    })).list().ofMaxSize(20).map(l -> {
      List<Long> flat = new ArrayList<>();
      l.forEach(flat::addAll);
      return flat;
    });
  }
}
