package org.pledgepad.auth.token;

import java.util.Base64;

/**
 * base64url without padding, as JWS requires, decoded strictly: padding, characters outside the
 * url alphabet and non-canonical trailing bits are rejected, so that one token has exactly one
 * spelling (no malleable variants of the same signature).
 */
public final class Base64Url {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private Base64Url() {}

  public static String encode(byte[] bytes) {
    return ENCODER.encodeToString(bytes);
  }

  /** Returns null if {@code s} is not canonical unpadded base64url. */
  public static byte[] decodeOrNull(String s) {
    if (s == null) {
      return null;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_';
      if (!ok) {
        return null;
      }
    }
    if (s.length() % 4 == 1) {
      return null;
    }
    byte[] out;
    try {
      out = DECODER.decode(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
    return ENCODER.encodeToString(out).equals(s) ? out : null;
  }
}
