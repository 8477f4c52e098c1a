package org.pledgepad.annotations.render;

/**
 * Removes characters that change how surrounding text is displayed without being visible:
 * bidirectional overrides and isolates (which can make "gpj.exe" read as "exe.jpg" or reverse a
 * quoted name), other format characters, and control characters. Applied to comment bodies
 * (line breaks and tabs kept) and to display names (everything removed).
 */
public final class TextCleaner {
  private TextCleaner() {}

  /** Body text: newlines normalised to \n, tabs kept, invisible controls removed, outer blank lines cut. */
  public static String body(String s) {
    String normalised = s.replace("\r\n", "\n").replace('\r', '\n');
    StringBuilder sb = new StringBuilder(normalised.length());
    normalised.codePoints().forEach(cp -> {
      if (cp == '\n' || cp == '\t' || isVisible(cp)) {
        sb.appendCodePoint(cp);
      }
    });
    return sb.toString().strip();
  }

  /**
   * Text that goes into the document (a suggestion's replacement): spaces kept exactly, since
   * they are part of the edit; line breaks kept only where the text type has lines (a plain
   * Y.Text), turned into spaces inside a paragraph.
   */
  public static String replacement(String s, boolean keepLineBreaks) {
    String normalised = s.replace("\r\n", "\n").replace('\r', '\n');
    StringBuilder sb = new StringBuilder(normalised.length());
    normalised.codePoints().forEach(cp -> {
      if (cp == '\n') {
        sb.append(keepLineBreaks ? '\n' : ' ');
      } else if (cp == '\t') {
        sb.append(' ');
      } else if (isVisible(cp)) {
        sb.appendCodePoint(cp);
      }
    });
    return sb.toString();
  }

  /** One line of visible characters with single spaces, no surrounding space. */
  public static String line(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        space = true;
      } else if (isVisible(cp)) {
        if (space && sb.length() > 0) {
          sb.append(' ');
        }
        space = false;
        sb.appendCodePoint(cp);
      }
    }
    return sb.toString();
  }

  private static boolean isVisible(int cp) {
    int type = Character.getType(cp);
    return type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE
        && type != Character.PRIVATE_USE && type != Character.UNASSIGNED
        && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR;
  }
}
