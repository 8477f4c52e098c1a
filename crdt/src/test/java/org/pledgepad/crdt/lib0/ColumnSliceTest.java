package org.pledgepad.crdt.lib0;

// The v2 column decoders read their column where it lies in the update (UpdateDecoderV2); here,
// that a column read in place behaves exactly like the same column copied out, whatever bytes
// surround it.

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ColumnSliceTest {
  /** Up to n reads: the values, then the exception that ended them, if any. */
  private static List<Object> reads(Supplier<Object> read, int n) {
    List<Object> out = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        out.add(read.get());
      }
    } catch (DecodingException e) {
      out.add(DecodingException.class);
    }
    return out;
  }

  private static List<Object> columnReads(int kind, byte[] a, int off, int len) {
    try {
      switch (kind) {
        case 0: {
          UintOptRleDecoder d = new UintOptRleDecoder(a, off, len);
          return reads(d::read, 30);
        }
        case 1: {
          IntDiffOptRleDecoder d = new IntDiffOptRleDecoder(a, off, len);
          return reads(d::read, 30);
        }
        case 2: {
          RleDecoder d = new RleDecoder(a, off, len);
          return reads(d::read, 30);
        }
        default: {
          StringDecoder d = new StringDecoder(a, off, len);
          return reads(d::read, 30);
        }
      }
    } catch (DecodingException e) {
      return List.of(DecodingException.class); // the string column's header
    }
  }

  /** column embedded between random bytes; the junk after it is what a misread would pick up. */
  private static void assertSliceMatchesCopy(Random r, int kind, byte[] column) {
    byte[] before = Fuzz.randomBytes(r, 12);
    byte[] after = Fuzz.randomBytes(r, 24);
    byte[] a = new byte[before.length + column.length + after.length];
    System.arraycopy(before, 0, a, 0, before.length);
    System.arraycopy(column, 0, a, before.length, column.length);
    System.arraycopy(after, 0, a, before.length + column.length, after.length);
    assertThat(columnReads(kind, a, before.length, column.length))
        .as("kind %d, column %s, after %s", kind, Vectors.hex(column), Vectors.hex(after))
        .isEqualTo(columnReads(kind, column.clone(), 0, column.length));
  }

  @Test
  void aColumnReadInPlaceReadsAsItsCopy() {
    long seed = Fuzz.seed();
    Random r = new Random(seed);
    List<byte[]> strings = new ArrayList<>();
    for (Map<String, Object> v : Vectors.list("stringCol")) {
      strings.add(Vectors.bytes(v.get("hex")));
    }
    for (int i = 0; i < 20000; i++) {
      int kind = r.nextInt(4);
      byte[] column = kind == 3 && r.nextBoolean() ? Fuzz.mutate(r, Fuzz.pick(r, strings)) : Fuzz.randomBytes(r, 40);
      assertSliceMatchesCopy(r, kind, column);
    }
  }

  private static byte[] stringColumn(String joined, long... lengths) {
    Encoder e = new Encoder();
    e.writeVarString(joined);
    UintOptRleEncoder lens = new UintOptRleEncoder();
    for (long n : lengths) {
      lens.write(n);
    }
    e.writeUint8Array(lens.toUint8Array());
    return e.toUint8Array();
  }

  @Test
  void aStringLengthPastTheColumnsStringFailsInsteadOfReadingOn() {
    // ASCII and non-ASCII columns take different paths; neither may hand out bytes that follow
    // the column's string (here: its length column, then the next column of the update).
    for (String joined : new String[] {"abc", "a\u00e9c", "x\uD83D\uDE00", "0123456789\u00e9abcdefghij"}) {
      byte[] column = stringColumn(joined, 2, joined.length() - 1); // one unit too many
      byte[] a = new byte[column.length + 16];
      System.arraycopy(column, 0, a, 0, column.length);
      java.util.Arrays.fill(a, column.length, a.length, (byte) 'Z');
      StringDecoder d = new StringDecoder(a, 0, column.length);
      assertThat(d.read()).isEqualTo(joined.substring(0, 2));
      assertThatThrownBy(d::read).isInstanceOf(DecodingException.class);
    }
  }

  @Test
  void asciiAndNonAsciiColumnsSliceAlike() {
    Function<List<String>, List<String>> roundTrip = parts -> {
      StringEncoder e = new StringEncoder();
      parts.forEach(e::write);
      byte[] col = e.toUint8Array();
      byte[] a = new byte[col.length + 9];
      System.arraycopy(col, 0, a, 4, col.length);
      StringDecoder d = new StringDecoder(a, 4, col.length);
      List<String> back = new ArrayList<>();
      parts.forEach(p -> back.add(d.read()));
      return back;
    };
    List<String> ascii = List.of("", "hello", " ", "world", "", "x");
    List<String> mixed = List.of("h\u00e9", "", "\uD83D\uDE00!", "\u4e2d\u6587", "plain");
    // one non-ASCII character after and before whole eight-byte words of ASCII
    List<String> late = List.of("0123456789abcdefghij", "\u00e9", "klmnopqrstuvwxyz");
    assertThat(roundTrip.apply(ascii)).isEqualTo(ascii);
    assertThat(roundTrip.apply(mixed)).isEqualTo(mixed);
    assertThat(roundTrip.apply(late)).isEqualTo(late);
  }
}
