package org.pledgepad.annotations.service;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The {@code next} cursor of a document's thread list: opaque to clients (base64url of a version
 * tag and the last thread of the page), so the keyset behind it can change without a new API.
 * Anything that does not decode to a well-formed thread id is {@link Problem#INVALID}.
 */
public final class ListCursor {
  private static final String TAG = "t1:";
  /** Thread ids are made by the server (UUIDs); the same pattern the routes apply to path ids. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
  /** A cursor longer than this cannot hold a valid id. */
  private static final int MAX_LENGTH = 96;

  private ListCursor() {}

  public static String encode(String threadId) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString((TAG + threadId).getBytes(StandardCharsets.UTF_8));
  }

  /** The thread the page ends with. */
  public static String decode(String cursor) {
    if (cursor == null || cursor.isEmpty() || cursor.length() > MAX_LENGTH) {
      throw invalid();
    }
    String plain;
    try {
      plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    if (!plain.startsWith(TAG) || !ID.matcher(plain.substring(TAG.length())).matches()) {
      throw invalid();
    }
    return plain.substring(TAG.length());
  }

  static AnnotationException invalid() {
    return new AnnotationException(Problem.INVALID, "cursor is malformed");
  }
}
