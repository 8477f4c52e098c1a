package org.pledgepad.crdt.lib0;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** One-character strings decoded from updates are shared; every other result and check is unchanged. */
class OneCharStringsTest {
  private static String readVarString(byte[] utf8) {
    Encoder e = new Encoder();
    e.writeVarUint(utf8.length);
    e.writeUint8Array(utf8);
    return new Decoder(e.toUint8Array()).readVarString();
  }

  @Test
  void everyOneAndTwoByteCharacterDecodesToTheSharedString() {
    for (char c = 0; c < 0x800; c++) {
      String s = readVarString(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      assertThat(s).isEqualTo(String.valueOf(c)).isSameAs(OneCharStrings.of(c));
    }
  }

  @Test
  void aThreeByteCharacterIsANewString() {
    String s = readVarString("€".getBytes(StandardCharsets.UTF_8));
    assertThat(s).isEqualTo("€").isNotSameAs(OneCharStrings.of('€'));
  }

  @Test
  void invalidTwoByteSequencesAreStillRejected() {
    // overlong encodings of '/' and NUL, a bad continuation byte, a lone continuation byte
    for (byte[] bad : new byte[][] {{(byte) 0xC0, (byte) 0xAF}, {(byte) 0xC1, (byte) 0x80},
        {(byte) 0xC3, 0x41}, {(byte) 0x80}, {(byte) 0xC3}}) {
      assertThatThrownBy(() -> readVarString(bad)).isInstanceOf(DecodingException.class);
    }
  }

  @Test
  void oneUnitSlicesOfAStringColumnAreShared() {
    for (String column : new String[] {"xä", "xäa€"}) { // ASCII-only and mixed columns take different paths
      StringEncoder enc = new StringEncoder();
      for (int i = 0; i < column.length(); i++) {
        enc.write(column.substring(i, i + 1));
      }
      enc.write("");
      StringDecoder dec = new StringDecoder(enc.toUint8Array());
      for (int i = 0; i < column.length(); i++) {
        char c = column.charAt(i);
        String s = dec.read();
        assertThat(s).isEqualTo(String.valueOf(c));
        if (c < 0x800) {
          assertThat(s).isSameAs(OneCharStrings.of(c));
        }
      }
      assertThat(dec.read()).isEmpty();
    }
  }

  @Test
  void sharedReturnsTheArgumentForLongerOrWiderStrings() {
    String two = new String("ab");
    String euro = new String("€");
    assertThat(OneCharStrings.shared(two)).isSameAs(two);
    assertThat(OneCharStrings.shared(euro)).isSameAs(euro);
    assertThat(OneCharStrings.shared(new String("x"))).isSameAs(OneCharStrings.of('x'));
  }
}
