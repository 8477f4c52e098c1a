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
  /**
   * Filled on first use, so that a process pays only for the characters it meets. Several
   * threads may fill a slot at once and one of their strings wins: harmless, and a String read
   * through a data race is complete (its fields are final).
   */
  private static final String[] TABLE = new String[SIZE];

  private OneCharStrings() {}

  /** The shared string of c, or a new one for characters from U+0800 on. */
  public static String of(char c) {
    if (c >= SIZE) {
      return String.valueOf(c);
    }
    String s = TABLE[c];
    if (s == null) {
      s = String.valueOf(c);
      TABLE[c] = s;
    }
    return s;
  }

  /** s itself, or the shared string when s is one character below U+0800. */
  public static String shared(String s) {
    return s.length() == 1 && s.charAt(0) < SIZE ? of(s.charAt(0)) : s;
  }
}
