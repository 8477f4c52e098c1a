package org.pledgepad.auth.token;

import java.util.Map;

/** A compact JWS whose signature has been verified; the claims still need their checks. */
public record VerifiedJws(Map<String, Object> header, Map<String, Object> claims, VerificationKey key) {
  public VerifiedJws {
    header = Map.copyOf(header);
    claims = Map.copyOf(claims);
  }
}
