package org.pledgepad.auth.token;

import static org.pledgepad.auth.token.TokenRejectedException.Reason.*;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies the signature layer of a compact JWS (RFC 7515) the strict way RFC 8725 asks for;
 * claim checks are left to {@link AccessTokenVerifier} and the OIDC ID-token validator, which
 * both go through here.
 *
 * <p>Order matters: the header is checked (alg allow-list, no crit, no key references, typ, kid)
 * and the signature verified with the key the resolver returns before the payload is parsed, so
 * unauthenticated claims are never even read.
 */
public final class JwsVerifier {
  /** Upper bound on a token's length; far above any token we issue or Keycloak sends. */
  public static final int MAX_TOKEN_LENGTH = 16 * 1024;
  private static final Set<String> KEY_HEADERS = Set.of("jwk", "jku", "x5u", "x5c");

  private final Set<JwsAlgorithm> allowed;
  private final KeyResolver keys;
  private final Set<String> acceptedTypes;
  private final boolean typeRequired;

  /**
   * @param allowed       algorithms accepted at all
   * @param keys          resolves "kid" to a key bound to one algorithm
   * @param acceptedTypes accepted "typ" header values (exact)
   * @param typeRequired  whether a missing "typ" is rejected
   */
  public JwsVerifier(Set<JwsAlgorithm> allowed, KeyResolver keys, Set<String> acceptedTypes,
      boolean typeRequired) {
    if (allowed.isEmpty()) {
      throw new IllegalArgumentException("at least one algorithm must be allowed");
    }
    this.allowed = EnumSet.copyOf(allowed);
    this.keys = Objects.requireNonNull(keys, "keys");
    this.acceptedTypes = Set.copyOf(acceptedTypes);
    this.typeRequired = typeRequired;
  }

  public VerifiedJws verify(String token) throws TokenRejectedException {
    if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
      throw new TokenRejectedException(MALFORMED);
    }
    int dot1 = token.indexOf('.');
    int dot2 = dot1 < 0 ? -1 : token.indexOf('.', dot1 + 1);
    if (dot1 <= 0 || dot2 < 0 || token.indexOf('.', dot2 + 1) >= 0 || dot2 == dot1 + 1) {
      throw new TokenRejectedException(MALFORMED);
    }
    byte[] headerBytes = Base64Url.decodeOrNull(token.substring(0, dot1));
    if (headerBytes == null) {
      throw new TokenRejectedException(MALFORMED);
    }
    Map<String, Object> header = parse(headerBytes);
    Object algValue = header.get("alg");
    if (!(algValue instanceof String algName)) {
      throw new TokenRejectedException(MALFORMED);
    }
    if (algName.equalsIgnoreCase("none")) {
      throw new TokenRejectedException(UNSIGNED);
    }
    JwsAlgorithm alg = JwsAlgorithm.fromJwsName(algName);
    if (alg == null || !allowed.contains(alg)) {
      throw new TokenRejectedException(ALG_NOT_ALLOWED);
    }
    if (header.containsKey("crit")) {
      throw new TokenRejectedException(CRIT_UNSUPPORTED);
    }
    for (String h : KEY_HEADERS) {
      if (header.containsKey(h)) {
        throw new TokenRejectedException(KEY_IN_HEADER);
      }
    }
    Object typ = header.get("typ");
    if (typ == null ? typeRequired : !(typ instanceof String t && acceptedTypes.contains(t))) {
      throw new TokenRejectedException(WRONG_TYPE);
    }
    Object kidValue = header.get("kid");
    if (!(kidValue instanceof String kid) || kid.isEmpty()) {
      throw new TokenRejectedException(KID_MISSING);
    }
    Optional<VerificationKey> found = keys.find(kid);
    if (found.isEmpty()) {
      throw new TokenRejectedException(UNKNOWN_KID);
    }
    VerificationKey key = found.get();
    if (key.algorithm() != alg) {
      throw new TokenRejectedException(ALG_KEY_MISMATCH);
    }
    String sigPart = token.substring(dot2 + 1);
    if (sigPart.isEmpty()) {
      throw new TokenRejectedException(UNSIGNED);
    }
    byte[] signature = Base64Url.decodeOrNull(sigPart);
    if (signature == null) {
      throw new TokenRejectedException(MALFORMED);
    }
    byte[] signingInput = token.substring(0, dot2).getBytes(StandardCharsets.US_ASCII);
    if (!verifySignature(alg, key, signingInput, signature)) {
      throw new TokenRejectedException(BAD_SIGNATURE);
    }
    byte[] payload = Base64Url.decodeOrNull(token.substring(dot1 + 1, dot2));
    if (payload == null) {
      throw new TokenRejectedException(MALFORMED);
    }
    return new VerifiedJws(header, parse(payload), key);
  }

  private static boolean verifySignature(JwsAlgorithm alg, VerificationKey key, byte[] input, byte[] sig) {
    if (alg == JwsAlgorithm.ES256 && sig.length != 64) {
      return false; // P1363 form is exactly R||S, 32 bytes each
    }
    if (alg == JwsAlgorithm.EdDSA && sig.length != 64) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance(alg.jcaName());
      verifier.initVerify(key.key());
      verifier.update(input);
      return verifier.verify(sig);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  private static Map<String, Object> parse(byte[] json) throws TokenRejectedException {
    try {
      return StrictJson.parseObject(json);
    } catch (IllegalArgumentException e) {
      throw new TokenRejectedException(MALFORMED);
    }
  }
}
