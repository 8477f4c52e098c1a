package org.pledgepad.server.pledges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImportBodyTest {
  private static byte[] bytes(String prefix, int... tail) {
    byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[p.length + tail.length];
    System.arraycopy(p, 0, out, 0, p.length);
    for (int i = 0; i < tail.length; i++) {
      out[p.length + i] = (byte) tail[i];
    }
    return out;
  }

  @Test
  void utf8IsReadAsItIsAndOnlyALeadingByteOrderMarkIsDropped() throws Exception {
    assertThat(ImportBody.decode("# Bürger\r\n\u00e4\uFEFF".getBytes(StandardCharsets.UTF_8))).isEqualTo("# Bürger\r\n\u00e4\uFEFF");
    assertThat(ImportBody.decode(bytes("", 0xEF, 0xBB, 0xBF, '#'))).isEqualTo("#");
    assertThat(ImportBody.decode(bytes("", 0xEF, 0xBB, 0xBF))).isEmpty();
  }

  @Test
  void theLineOfTheFirstInvalidByteIsNamed() {
    // A sequence cut off at the end of the file, an overlong "/" and an encoded surrogate.
    assertThatThrownBy(() -> ImportBody.decode(bytes("a\r\nb\n", 0xC3)))
        .isInstanceOfSatisfying(ImportBody.NotUtf8Exception.class, e -> assertThat(e.line()).isEqualTo(3));
    assertThatThrownBy(() -> ImportBody.decode(bytes("\n", 0xC0, 0xAF)))
        .isInstanceOfSatisfying(ImportBody.NotUtf8Exception.class, e -> assertThat(e.line()).isEqualTo(2));
    assertThatThrownBy(() -> ImportBody.decode(bytes("", 0xEF, 0xBB, 0xBF, 0xED, 0xA0, 0x80)))
        .isInstanceOfSatisfying(ImportBody.NotUtf8Exception.class, e -> assertThat(e.line()).isEqualTo(1));
  }
}
