package org.pledgepad.auth.oidc;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import org.pledgepad.auth.token.Base64Url;

/**
 * A fake identity provider's material for tests: locally generated keys, JWKS JSON and signed ID
 * tokens. Public (with {@link FakeKeycloak}) for the server's tests through the test jar.
 */
public final class TestIdp {
  public static final String ISSUER = "https://sso.example.test/realms/kassel";
  public static final String CLIENT = "pledgepad";

  /** One signing key of the fake provider. */
  public record Key(String kid, String alg, KeyPair pair) {
    public JsonObject jwk() {
      JsonObject j = new JsonObject().put("kid", kid).put("use", "sig").put("alg", alg);
      switch (alg) {
        case "RS256" -> {
          RSAPublicKey k = (RSAPublicKey) pair.getPublic();
          j.put("kty", "RSA").put("n", b64(unsigned(k.getModulus()))).put("e", b64(unsigned(k.getPublicExponent())));
        }
        case "ES256" -> {
          ECPublicKey k = (ECPublicKey) pair.getPublic();
          j.put("kty", "EC").put("crv", "P-256").put("x", b64(fixed(k.getW().getAffineX(), 32)))
              .put("y", b64(fixed(k.getW().getAffineY(), 32)));
        }
        case "EdDSA" -> {
          byte[] spki = pair.getPublic().getEncoded();
          j.put("kty", "OKP").put("crv", "Ed25519").put("x", b64(Arrays.copyOfRange(spki, spki.length - 32, spki.length)));
        }
        default -> throw new IllegalArgumentException(alg);
      }
      return j;
    }

    public String sign(JsonObject header, JsonObject claims) {
      String input = b64(header.encode().getBytes(StandardCharsets.UTF_8)) + "."
          + b64(claims.encode().getBytes(StandardCharsets.UTF_8));
      return input + "." + b64(signBytes(alg, pair.getPrivate(), input));
    }

    public String sign(JsonObject claims) {
      return sign(new JsonObject().put("alg", alg).put("typ", "JWT").put("kid", kid), claims);
    }
  }

  /** Key pairs are reused per algorithm (RSA generation is slow on a shared 2-core machine). */
  private static final java.util.Map<String, KeyPair> POOL = new java.util.concurrent.ConcurrentHashMap<>();

  public static Key generate(String kid, String alg) {
    return new Key(kid, alg, POOL.computeIfAbsent(alg, a -> fresh(kid, a).pair()));
  }

  /** A key pair that no other test key shares. */
  public static Key fresh(String kid, String alg) {
    try {
      KeyPairGenerator g = switch (alg) {
        case "RS256" -> {
          KeyPairGenerator r = KeyPairGenerator.getInstance("RSA");
          r.initialize(2048);
          yield r;
        }
        case "ES256" -> {
          KeyPairGenerator e = KeyPairGenerator.getInstance("EC");
          e.initialize(256);
          yield e;
        }
        case "EdDSA" -> KeyPairGenerator.getInstance("Ed25519");
        default -> throw new IllegalArgumentException(alg);
      };
      return new Key(kid, alg, g.generateKeyPair());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static byte[] signBytes(String alg, PrivateKey key, String input) {
    try {
      Signature s = Signature.getInstance(switch (alg) {
        case "RS256" -> "SHA256withRSA";
        case "ES256" -> "SHA256withECDSAinP1363Format";
        case "EdDSA" -> "Ed25519";
        default -> throw new IllegalArgumentException(alg);
      });
      s.initSign(key);
      s.update(input.getBytes(StandardCharsets.US_ASCII));
      return s.sign();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  public static String jwks(Key... keys) {
    JsonArray a = new JsonArray();
    for (Key k : keys) {
      a.add(k.jwk());
    }
    return new JsonObject().put("keys", a).encode();
  }

  /** Claims as Keycloak puts them into an ID token for a councillor. */
  public static JsonObject claims(long now) {
    return new JsonObject()
        .put("exp", now + 300).put("iat", now - 5).put("auth_time", now - 5)
        .put("jti", "abc").put("iss", ISSUER).put("aud", CLIENT)
        .put("sub", "0f5b6a4e-7c0b-4d8e-9a65-3f1e2d3c4b5a").put("typ", "ID").put("azp", CLIENT)
        .put("nonce", "n-0S6_WzA2Mj").put("preferred_username", "anna.schmidt")
        .put("name", "Anna Schmidt").put("email", "anna@example.test")
        .put("realm_access", new JsonObject().put("roles",
            new JsonArray().add("offline_access").add("pledgepad-citizen").add("pledgepad-councillor")))
        .put("groups", new JsonArray().add("/bodies/spd-fraktion").add("/bodies/committee-digital").add("/staff"));
  }

  static String b64(byte[] b) {
    return Base64Url.encode(b);
  }

  static byte[] unsigned(BigInteger v) {
    byte[] b = v.toByteArray();
    return b[0] == 0 ? Arrays.copyOfRange(b, 1, b.length) : b;
  }

  static byte[] fixed(BigInteger v, int len) {
    byte[] b = unsigned(v);
    byte[] out = new byte[len];
    System.arraycopy(b, 0, out, len - b.length, b.length);
    return out;
  }

  private TestIdp() {}
}
