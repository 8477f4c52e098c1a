package org.pledgepad.annotations.service;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The {@code next} cursor of a thread list or of a thread's posts: opaque to clients (base64url of
 * a version-and-kind tag and the last item of the page), so the keyset behind it can change
 * without a new API. Anything that does not decode to a well-formed id of the expected kind is
 * {@link Problem#INVALID} — a thread list's cursor is no post cursor and the other way round.
 */
public final class ListCursor {
  private static final String TAG = "t1:";
  private static final String POST_TAG = "p1:";
  /** Thread ids are made by the server (UUIDs); the same pattern the routes apply to path ids. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
  /** A cursor longer than this cannot hold a valid id. */
  private static final int MAX_LENGTH = 96;

  private ListCursor() {}

  public static String encode(String threadId) {
    return encode(TAG, threadId);
  }

  /** The thread the page ends with. */
  public static String decode(String cursor) {
    return decode(TAG, cursor);
  }

  public static String encodePost(String postId) {
    return encode(POST_TAG, postId);
  }

  /** The post a page of a thread's posts ends with. */
  public static String decodePost(String cursor) {
    return decode(POST_TAG, cursor);
  }

  private static String encode(String tag, String id) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString((tag + id).getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String tag, String cursor) {
    if (cursor == null || cursor.isEmpty() || cursor.length() > MAX_LENGTH) {
      throw invalid();
    }
    String plain;
    try {
      plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    if (!plain.startsWith(tag) || !ID.matcher(plain.substring(tag.length())).matches()) {
      throw invalid();
    }
    return plain.substring(tag.length());
  }

  static AnnotationException invalid() {
    return new AnnotationException(Problem.INVALID, "cursor is malformed");
  }
}
