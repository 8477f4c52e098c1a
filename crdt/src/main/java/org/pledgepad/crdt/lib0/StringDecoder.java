package org.pledgepad.crdt.lib0;

// Follows lib0/decoding.js (lib0 0.2.114): class StringDecoder.

import java.nio.charset.StandardCharsets;

/**
 * Reads what {@link StringEncoder} wrote: slices of one decoded string, lengths in UTF-16 code
 * units. A length reaching past the string is a DecodingException (JavaScript's slice would
 * silently clamp it).
 */
public final class StringDecoder {
  private final UintOptRleDecoder decoder;
  /** The column's string, decoded; null while it is pure ASCII and read from {@link #bytes}. */
  private final String str;
  /** For an ASCII column: its bytes, one per UTF-16 unit, from {@link #start}. */
  private final byte[] bytes;
  private final int start;
  private final int length;
  private int spos;

  public StringDecoder(byte[] data) {
    this(data, 0, data.length);
  }

  /** Reads the column {@code data[off, off + len)} in place. */
  public StringDecoder(byte[] data, int off, int len) {
    decoder = new UintOptRleDecoder(data, off, len);
    int n = decoder.readVarUintAsInt();
    start = decoder.pos;
    decoder.skip(n);
    bytes = data;
    if (Utf8.isAscii(data, start, n)) {
      // The usual case: each slice becomes a string straight from the bytes, without first
      // building the whole column's string and copying every slice out of it again.
      str = null;
      length = n;
    } else {
      str = Utf8.decode(data, start, n);
      length = str.length();
    }
  }

  public String read() {
    long n = decoder.read();
    if (n > length - spos) {
      throw new DecodingException("string length " + n + " exceeds the column");
    }
    int begin = spos;
    spos += (int) n;
    if (n == 1) {
      return OneCharStrings.of(str == null ? (char) bytes[start + begin] : str.charAt(begin));
    }
    return str == null ? new String(bytes, start + begin, (int) n, StandardCharsets.ISO_8859_1) : str.substring(begin, spos);
  }
}
