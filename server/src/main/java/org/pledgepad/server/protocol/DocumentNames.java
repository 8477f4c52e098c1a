package org.pledgepad.server.protocol;

/**
 * Document names appear in URLs, logs and SQL parameters: a conservative alphabet only,
 * {@code [A-Za-z0-9][A-Za-z0-9._-]{0,127}}. Checked for every message, hence a loop over the
 * characters rather than a regular expression (a matcher and its arrays per message).
 */
public final class DocumentNames {
  private static final int MAX_LENGTH = 128;

  private DocumentNames() {}

  public static boolean isValid(String name) {
    if (name == null || name.isEmpty() || name.length() > MAX_LENGTH || !isAlphanumeric(name.charAt(0))) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!isAlphanumeric(c) && c != '.' && c != '_' && c != '-') {
        return false;
      }
    }
    return true;
  }

  /**
   * The session id a session-aware Hocuspocus provider appends to the document name
   * ({@code documentName + "\0" + sessionId}): the stock provider's are base-36 random strings;
   * {@code [A-Za-z0-9_-]{1,64}} is accepted.
   */
  public static boolean isValidSessionId(String id) {
    if (id.isEmpty() || id.length() > 64) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!isAlphanumeric(c) && c != '_' && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean isAlphanumeric(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }
}
