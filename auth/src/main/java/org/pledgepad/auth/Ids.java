package org.pledgepad.auth;

import java.util.regex.Pattern;

/**
 * Syntax rules for identifiers that cross trust boundaries (user ids, logins, document names,
 * display names). Kept in one place so tokens, OIDC, the command line and the stores agree.
 */
public final class Ids {
  /** Subjects: printable ASCII without spaces (OIDC allows up to 255 ASCII characters; we add a prefix). */
  private static final Pattern SUBJECT = Pattern.compile("[\\x21-\\x7e]{1,300}");
  /** Local logins: lower-case so that "Anna" and "anna" cannot be two accounts. */
  private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
  /** Document names as they appear in WebSocket room paths and Hocuspocus document names. */
  private static final Pattern DOCUMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  private Ids() {}

  public static String requireSubject(String s) {
    if (s == null || !SUBJECT.matcher(s).matches()) {
      throw new IllegalArgumentException("invalid subject (printable ASCII, no spaces, 1-300 chars)");
    }
    return s;
  }

  public static boolean isLogin(String s) {
    return s != null && LOGIN.matcher(s).matches();
  }

  public static String requireLogin(String s) {
    if (!isLogin(s)) {
      throw new IllegalArgumentException("invalid login (lower-case letters, digits, . _ -, 2-64 chars)");
    }
    return s;
  }

  public static boolean isDocument(String s) {
    return s != null && DOCUMENT.matcher(s).matches();
  }

  public static String requireDocument(String s) {
    if (!isDocument(s)) {
      throw new IllegalArgumentException("invalid document name (letters, digits, . _ -, 1-128 chars)");
    }
    return s;
  }

  /**
   * Display names are shown to other people: 1-100 code points, no control or format characters
   * (which would allow bidi spoofing such as U+202E), no leading or trailing space.
   */
  public static String requireDisplayName(String s) {
    if (s == null || s.isEmpty() || !s.strip().equals(s)) {
      throw new IllegalArgumentException("invalid display name (empty or surrounding spaces)");
    }
    int count = s.codePointCount(0, s.length());
    if (count > 100) {
      throw new IllegalArgumentException("invalid display name (more than 100 characters)");
    }
    boolean ok = s.codePoints().allMatch(cp -> {
      int type = Character.getType(cp);
      return type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE
          && type != Character.UNASSIGNED && type != Character.PRIVATE_USE
          && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR;
    });
    if (!ok) {
      throw new IllegalArgumentException("invalid display name (control or format characters)");
    }
    return s;
  }
}
