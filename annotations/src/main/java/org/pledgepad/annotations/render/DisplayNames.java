package org.pledgepad.annotations.render;

/**
 * Author names as shown next to comments. Names come from accounts, OIDC claims and older data,
 * so they are cleaned again here rather than trusted: invisible and bidi characters removed,
 * whitespace collapsed, at most {@link #MAX_LENGTH} code points.
 */
public final class DisplayNames {
  public static final int MAX_LENGTH = 80;
  /** Shown when nothing printable is left, and for erased authors. */
  public static final String UNKNOWN = "Unbekannt";

  private DisplayNames() {}

  public static String clean(String name) {
    if (name == null) {
      return UNKNOWN;
    }
    String line = TextCleaner.line(name);
    if (line.codePointCount(0, line.length()) > MAX_LENGTH) {
      line = line.substring(0, line.offsetByCodePoints(0, MAX_LENGTH)).strip();
    }
    return line.isEmpty() ? UNKNOWN : line;
  }

  /** The cleaned name, escaped for HTML. */
  public static String html(String name) {
    return Html.escape(clean(name));
  }
}
