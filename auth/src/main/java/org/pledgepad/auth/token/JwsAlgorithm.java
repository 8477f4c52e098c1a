package org.pledgepad.auth.token;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.NamedParameterSpec;

/**
 * The asymmetric JWS algorithms Pledgepad can verify. There is deliberately no HMAC and no "none":
 * a token naming them cannot even be represented, so the classic "HS256 with the public key as
 * secret" confusion is impossible. Each key is bound to exactly one algorithm (see
 * {@link VerificationKey}).
 */
public enum JwsAlgorithm {
  /** Ed25519 (RFC 8037). Pledgepad's own access tokens use this. */
  EdDSA("EdDSA", "Ed25519"),
  /** ECDSA P-256 with SHA-256; the signature is the 64-byte R||S form (JCA "P1363" format). */
  ES256("ES256", "SHA256withECDSAinP1363Format"),
  /** RSASSA-PKCS1-v1_5 with SHA-256, the Keycloak default. */
  RS256("RS256", "SHA256withRSA");

  /** Minimum RSA modulus length accepted (RFC 7518 section 3.3 requires 2048). */
  public static final int MIN_RSA_BITS = 2048;

  private final String jwsName;
  private final String jcaName;

  JwsAlgorithm(String jwsName, String jcaName) {
    this.jwsName = jwsName;
    this.jcaName = jcaName;
  }

  /** The "alg" header value. */
  public String jwsName() {
    return jwsName;
  }

  String jcaName() {
    return jcaName;
  }

  /** Exact, case-sensitive lookup of an "alg" value; null if not one of ours. */
  public static JwsAlgorithm fromJwsName(String name) {
    for (JwsAlgorithm a : values()) {
      if (a.jwsName.equals(name)) {
        return a;
      }
    }
    return null;
  }

  /** True if {@code key} is the right type and strength for this algorithm. */
  public boolean fits(PublicKey key) {
    switch (this) {
      case EdDSA:
        return key instanceof EdECPublicKey ed
            && NamedParameterSpec.ED25519.getName().equalsIgnoreCase(ed.getParams().getName());
      case ES256:
        return key instanceof ECPublicKey ec && isP256(ec.getParams());
      case RS256:
        return key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() >= MIN_RSA_BITS;
      default:
        return false;
    }
  }

  private static boolean isP256(ECParameterSpec p) {
    ECParameterSpec expected = EcCurves.p256();
    return p.getCurve().equals(expected.getCurve())
        && p.getGenerator().equals(expected.getGenerator())
        && p.getOrder().equals(expected.getOrder())
        && p.getCofactor() == expected.getCofactor();
  }
}
