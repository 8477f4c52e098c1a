package org.pledgepad.auth.token;

import java.util.regex.Pattern;

/**
 * The syntax of a token's jti. The issuer writes 22 base64url characters (128 random bits); a
 * verified token may carry up to 128 of them. Nothing else is accepted, so a jti can be printed,
 * logged and stored as it is, and a bare jti on the command line is never taken for a token.
 */
public final class TokenIds {
  private static final Pattern JTI = Pattern.compile("[A-Za-z0-9_-]{1,128}");

  private TokenIds() {}

  public static boolean isJti(String s) {
    return s != null && JTI.matcher(s).matches();
  }
}
