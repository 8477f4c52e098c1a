package org.pledgepad.server.access;

/** Stable problem+json types of the access layer (see http/Problems for the others). */
public final class AccessProblems {
  public static final String UNAUTHENTICATED = "urn:pledgepad:problem:unauthenticated";
  public static final String FORBIDDEN = "urn:pledgepad:problem:forbidden";
  public static final String CSRF = "urn:pledgepad:problem:csrf-token-missing-or-wrong";
  public static final String INVALID_CREDENTIALS = "urn:pledgepad:problem:invalid-credentials";
  public static final String INVALID_TOKEN = "urn:pledgepad:problem:invalid-token";
  public static final String TOO_MANY_ATTEMPTS = "urn:pledgepad:problem:too-many-attempts";
  public static final String BAD_REQUEST = "urn:pledgepad:problem:bad-request";
  public static final String SESSIONS_FULL = "urn:pledgepad:problem:sessions-full";
  public static final String PASSWORD_CHANGE_REQUIRED = "urn:pledgepad:problem:password-change-required";
  public static final String PASSWORD_UNCHANGED = "urn:pledgepad:problem:password-unchanged";
  /** The new password is easy to guess; member {@code reason} says why (PasswordStrength.Reason). */
  public static final String PASSWORD_TOO_GUESSABLE = "urn:pledgepad:problem:password-too-guessable";
  public static final String UNSUPPORTED_MEDIA_TYPE = "urn:pledgepad:problem:unsupported-media-type";

  private AccessProblems() {}
}
