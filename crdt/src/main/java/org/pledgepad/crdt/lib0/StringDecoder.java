package org.pledgepad.crdt.lib0;

// Follows lib0/decoding.js (lib0 0.2.114): class StringDecoder.

/**
 * Reads what {@link StringEncoder} wrote: slices of one decoded string, lengths in UTF-16 code
 * units. A length reaching past the string is a DecodingException (JavaScript's slice would
 * silently clamp it).
 */
public final class StringDecoder {
  private final UintOptRleDecoder decoder;
  private final String str;
  private int spos;

  public StringDecoder(byte[] data) {
    decoder = new UintOptRleDecoder(data);
    str = decoder.readVarString();
  }

  public String read() {
    long n = decoder.read();
    if (n > str.length() - spos) {
      throw new DecodingException("string length " + n + " exceeds the column");
    }
    int end = spos + (int) n;
    String res = str.substring(spos, end);
    spos = end;
    return res;
  }
}
