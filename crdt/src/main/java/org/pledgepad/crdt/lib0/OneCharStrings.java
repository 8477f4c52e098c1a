package org.pledgepad.crdt.lib0;

/**
 * One shared String per character below U+0800 (one- and two-byte UTF-8: ASCII, Latin, Greek,
 * Cyrillic, ...). A keystroke reaches the server as an update with a one-character string, and
 * each such string would otherwise be a new String and byte array (48 bytes, two objects) kept
 * for as long as the document lives; a long-lived server holds millions of them, and copying
 * them is a large part of its young collections.
 */
public final class OneCharStrings {
  private static final int SIZE = 0x800;
  private static final String[] TABLE = new String[SIZE];

  static {
    for (int c = 0; c < SIZE; c++) {
      TABLE[c] = String.valueOf((char) c);
    }
  }

  private OneCharStrings() {}

  /** The shared string of c, or a new one for characters from U+0800 on. */
  public static String of(char c) {
    return c < SIZE ? TABLE[c] : String.valueOf(c);
  }

  /** s itself, or the shared string when s is one character below U+0800. */
  public static String shared(String s) {
    return s.length() == 1 && s.charAt(0) < SIZE ? TABLE[s.charAt(0)] : s;
  }
}
