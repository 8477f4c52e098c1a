package org.pledgepad.auth.oidc;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pledgepad.auth.token.Base64Url;
import org.pledgepad.auth.token.EcCurves;
import org.pledgepad.auth.token.JwsAlgorithm;
import org.pledgepad.auth.token.KeyResolver;
import org.pledgepad.auth.token.StrictJson;
import org.pledgepad.auth.token.VerificationKey;

/**
 * Signature keys from a JWKS document (RFC 7517) such as Keycloak's {@code /certs}. Only keys
 * usable for signatures with an allowed algorithm are kept: RSA (>= 2048 bits) for RS256, EC
 * P-256 (point checked on the curve) for ES256, OKP Ed25519 for EdDSA. Keys with "use" other
 * than "sig", without "kid", with an "alg" that does not match their type, or with bad material
 * are skipped (and counted), so one odd key does not break login for everyone.
 */
public final class JwkSet implements KeyResolver {
  /** JWKS documents larger than this are refused before parsing. */
  public static final int MAX_BYTES = 256 * 1024;
  private static final int MAX_KEYS = 64;
  /** DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519 (OID 1.3.101.112), before the 32 key bytes. */
  private static final byte[] ED25519_SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

  private final Map<String, VerificationKey> keys;
  private final int skipped;

  private JwkSet(Map<String, VerificationKey> keys, int skipped) {
    this.keys = Collections.unmodifiableMap(keys);
    this.skipped = skipped;
  }

  public static JwkSet parse(byte[] json, Set<JwsAlgorithm> allowed) {
    if (json.length > MAX_BYTES) {
      throw new IllegalArgumentException("JWKS document too large");
    }
    Map<String, Object> doc = StrictJson.parseObject(json);
    if (!(doc.get("keys") instanceof List<?> list)) {
      throw new IllegalArgumentException("JWKS document has no keys array");
    }
    if (list.size() > MAX_KEYS) {
      throw new IllegalArgumentException("JWKS document has too many keys");
    }
    Map<String, VerificationKey> keys = new LinkedHashMap<>();
    int skipped = 0;
    for (Object o : list) {
      VerificationKey k = o instanceof Map<?, ?> m ? toKey(m, allowed) : null;
      if (k == null || keys.containsKey(k.kid())) {
        skipped++;
        if (k != null) {
          keys.remove(k.kid()); // two keys with one kid: trust neither
        }
        continue;
      }
      keys.put(k.kid(), k);
    }
    return new JwkSet(keys, skipped);
  }

  @Override
  public Optional<VerificationKey> find(String kid) {
    return Optional.ofNullable(keys.get(kid));
  }

  public Set<String> kids() {
    return keys.keySet();
  }

  /** Keys ignored while parsing (for a warning in the server log). */
  public int skipped() {
    return skipped;
  }

  private static VerificationKey toKey(Map<?, ?> jwk, Set<JwsAlgorithm> allowed) {
    Object use = jwk.get("use");
    if (use != null && !"sig".equals(use)) {
      return null;
    }
    if (!(jwk.get("kid") instanceof String kid) || kid.isEmpty() || kid.length() > 200) {
      return null;
    }
    if (!(jwk.get("kty") instanceof String kty)) {
      return null;
    }
    JwsAlgorithm alg;
    PublicKey key;
    try {
      switch (kty) {
        case "RSA" -> {
          alg = JwsAlgorithm.RS256;
          BigInteger n = unsigned(jwk.get("n"));
          BigInteger e = unsigned(jwk.get("e"));
          if (n == null || e == null || !e.testBit(0) || e.compareTo(BigInteger.valueOf(3)) < 0) {
            return null;
          }
          key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
        }
        case "EC" -> {
          alg = JwsAlgorithm.ES256;
          byte[] x = bytes(jwk.get("x"));
          byte[] y = bytes(jwk.get("y"));
          if (!"P-256".equals(jwk.get("crv")) || x == null || y == null || x.length != 32 || y.length != 32) {
            return null;
          }
          ECPoint point = new ECPoint(new BigInteger(1, x), new BigInteger(1, y));
          if (!EcCurves.onP256(point)) {
            return null;
          }
          key = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, EcCurves.p256()));
        }
        case "OKP" -> {
          alg = JwsAlgorithm.EdDSA;
          byte[] x = bytes(jwk.get("x"));
          if (!"Ed25519".equals(jwk.get("crv")) || x == null || x.length != 32) {
            return null;
          }
          byte[] spki = new byte[ED25519_SPKI_PREFIX.length + 32];
          System.arraycopy(ED25519_SPKI_PREFIX, 0, spki, 0, ED25519_SPKI_PREFIX.length);
          System.arraycopy(x, 0, spki, ED25519_SPKI_PREFIX.length, 32);
          key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        }
        default -> {
          return null; // "oct" (symmetric) keys are never accepted
        }
      }
    } catch (GeneralSecurityException | RuntimeException e) {
      return null;
    }
    Object declared = jwk.get("alg");
    if (declared != null && !alg.jwsName().equals(declared)) {
      return null; // e.g. an RSA key declared for RSA-OAEP or PS256
    }
    if (!allowed.contains(alg) || !alg.fits(key)) {
      return null;
    }
    return new VerificationKey(kid, alg, key);
  }

  private static byte[] bytes(Object v) {
    return v instanceof String s ? Base64Url.decodeOrNull(s) : null;
  }

  private static BigInteger unsigned(Object v) {
    byte[] b = bytes(v);
    return b == null || b.length == 0 ? null : new BigInteger(1, b);
  }

  /** Helper for callers holding already-parsed keys (tests, static configuration). */
  public static JwkSet of(List<VerificationKey> list) {
    Map<String, VerificationKey> keys = new LinkedHashMap<>();
    for (VerificationKey k : new ArrayList<>(list)) {
      keys.put(k.kid(), k);
    }
    return new JwkSet(keys, 0);
  }
}
