package org.pledgepad.auth;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A council group or committee that owns documents, identified by a short slug such as
 * {@code committee-digital}. Slugs come from the command line, tokens and OIDC groups, so the
 * syntax is narrow: lower-case ASCII letters, digits and inner hyphens, at most 64 characters.
 */
public record Body(String id) {
  private static final Pattern ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

  public Body {
    Objects.requireNonNull(id, "body id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("invalid body id (lower-case letters, digits, inner hyphens, 1-64 chars)");
    }
  }

  /** True if {@code id} would be accepted by the constructor. */
  public static boolean isValid(String id) {
    return id != null && ID.matcher(id).matches();
  }

  @Override
  public String toString() {
    return id;
  }
}
