package org.pledgepad.server.access;

/**
 * What a client presented: an access token, a cookie session id, or nothing (guest). Holds a
 * secret, so {@link #toString} never shows it.
 */
record Credential(String token, String sessionId) {
  static final Credential NONE = new Credential(null, null);

  static Credential token(String t) {
    return new Credential(t, null);
  }

  static Credential session(String id) {
    return new Credential(null, id);
  }

  @Override
  public String toString() {
    return token != null ? "Credential[token]" : sessionId != null ? "Credential[session]" : "Credential[none]";
  }
}
