package org.pledgepad.crdt.lib0;

// Follows lib0/encoding.js (lib0 0.2.114): class StringEncoder.

/**
 * Concatenates many short strings into one UTF-8 string and stores their lengths separately in
 * a {@link UintOptRleEncoder}. Lengths are UTF-16 code units, as JavaScript's string.length,
 * which is also what Java's String.length() counts.
 */
public final class StringEncoder {
  private final StringBuilder sb = new StringBuilder();
  private final UintOptRleEncoder lens = new UintOptRleEncoder();

  public void write(String string) {
    sb.append(string);
    lens.write(string.length());
  }

  public byte[] toUint8Array() {
    Encoder encoder = new Encoder();
    encoder.writeVarString(sb.toString());
    encoder.writeUint8Array(lens.toUint8Array());
    return encoder.toUint8Array();
  }
}
