package org.pledgepad.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pledgepad.auth.token.TokenRejectedException.Reason.*;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.pledgepad.auth.Body;
import org.pledgepad.auth.Principal;
import org.pledgepad.auth.Role;
import org.pledgepad.auth.token.TokenRejectedException.Reason;

/**
 * One row per attack on access-token verification (RFC 8725), each with the exact rejection
 * reason expected; forged tokens are built from raw JSON so that duplicates and odd types can be
 * expressed.
 */
class TokenAttackMatrixTest {
  private static final long NOW = 1_800_000_000L;
  private static final SecureRandom RANDOM = new SecureRandom(new byte[] {1});
  private static final SigningKey KEY = SigningKey.generate(RANDOM);
  private static final SigningKey OTHER_KEY = SigningKey.generate(RANDOM);
  private final Clock clock = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
  private final AccessTokenVerifier verifier =
      new AccessTokenVerifier(KeyResolver.of(List.of(KEY.verificationKey())), AccessTokenSettings.defaults(), clock);

  private static String b64(String json) {
    return Base64Url.encode(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String header() {
    return "{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"" + KEY.kid() + "\"}";
  }

  private static String claims(String extra) {
    return "{\"iss\":\"pledgepad\",\"aud\":\"pledgepad\",\"sub\":\"anna\",\"role\":\"COUNCILLOR\","
        + "\"bodies\":[\"spd-fraktion\"],\"iat\":" + (NOW - 60) + ",\"nbf\":" + (NOW - 60)
        + ",\"exp\":" + (NOW + 3600) + ",\"jti\":\"j-1_A\"" + extra + "}";
  }

  /** Claims with one member replaced (value null removes it). */
  private static String claimsWith(String name, String rawValue) {
    StringBuilder sb = new StringBuilder("{");
    String[][] base = {
        {"iss", "\"pledgepad\""}, {"aud", "\"pledgepad\""}, {"sub", "\"anna\""}, {"role", "\"COUNCILLOR\""},
        {"bodies", "[\"spd-fraktion\"]"}, {"iat", String.valueOf(NOW - 60)}, {"nbf", String.valueOf(NOW - 60)},
        {"exp", String.valueOf(NOW + 3600)}, {"jti", "\"j-1_A\""}};
    boolean replaced = false;
    for (String[] kv : base) {
      String v = kv[0].equals(name) ? rawValue : kv[1];
      replaced |= kv[0].equals(name);
      if (v != null) {
        sb.append(sb.length() > 1 ? "," : "").append('"').append(kv[0]).append("\":").append(v);
      }
    }
    if (!replaced && rawValue != null) {
      sb.append(",\"").append(name).append("\":").append(rawValue);
    }
    return sb.append('}').toString();
  }

  private static String signed(SigningKey key, String header, String claims) {
    String input = b64(header) + "." + b64(claims);
    return input + "." + Base64Url.encode(key.sign(input.getBytes(StandardCharsets.US_ASCII)));
  }

  private static String signed(String header, String claims) {
    return signed(KEY, header, claims);
  }

  private static String hs256WithPublicKeyAsSecret() {
    try {
      String h = "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + KEY.kid() + "\"}";
      String input = b64(h) + "." + b64(claims(""));
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(KEY.verificationKey().key().getEncoded(), "HmacSHA256"));
      return input + "." + Base64Url.encode(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String es256Signed() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(256);
      KeyPair kp = g.generateKeyPair();
      String h = "{\"alg\":\"ES256\",\"typ\":\"JWT\",\"kid\":\"" + KEY.kid() + "\"}";
      String input = b64(h) + "." + b64(claims(""));
      Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
      s.initSign(kp.getPrivate());
      s.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + Base64Url.encode(s.sign());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  record Case(String name, Supplier<String> token, Reason expected) {}

  private static List<Case> cases() {
    String valid = signed(header(), claims(""));
    String[] parts = valid.split("\\.");
    List<Case> c = new ArrayList<>();
    c.add(new Case("a well-formed token is accepted", () -> valid, null));
    // Algorithm attacks
    c.add(new Case("alg none without signature", () -> b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".", UNSIGNED));
    c.add(new Case("alg none with the original signature", () -> b64("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + KEY.kid() + "\"}") + "." + parts[1] + "." + parts[2], UNSIGNED));
    c.add(new Case("alg NoNe in odd case", () -> b64("{\"alg\":\"NoNe\",\"typ\":\"JWT\"}") + "." + parts[1] + ".", UNSIGNED));
    c.add(new Case("EdDSA header with empty signature", () -> parts[0] + "." + parts[1] + ".", UNSIGNED));
    c.add(new Case("HS256 signed with the public key as HMAC secret", TokenAttackMatrixTest::hs256WithPublicKeyAsSecret, ALG_NOT_ALLOWED));
    c.add(new Case("ES256 (supported, not configured) is not allowed", TokenAttackMatrixTest::es256Signed, ALG_NOT_ALLOWED));
    c.add(new Case("alg of different case (eddsa)", () -> signed("{\"alg\":\"eddsa\",\"typ\":\"JWT\",\"kid\":\"" + KEY.kid() + "\"}", claims("")), ALG_NOT_ALLOWED));
    c.add(new Case("alg missing", () -> signed("{\"typ\":\"JWT\",\"kid\":\"" + KEY.kid() + "\"}", claims("")), MALFORMED));
    // Header attacks
    c.add(new Case("crit header", () -> signed("{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"" + KEY.kid() + "\",\"crit\":[\"exp\"]}", claims("")), CRIT_UNSUPPORTED));
    c.add(new Case("embedded jwk header", () -> signed("{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"" + KEY.kid() + "\",\"jwk\":{\"kty\":\"OKP\"}}", claims("")), KEY_IN_HEADER));
    c.add(new Case("jku header", () -> signed("{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"" + KEY.kid() + "\",\"jku\":\"https://evil.example/jwks\"}", claims("")), KEY_IN_HEADER));
    c.add(new Case("typ missing", () -> signed("{\"alg\":\"EdDSA\",\"kid\":\"" + KEY.kid() + "\"}", claims("")), WRONG_TYPE));
    c.add(new Case("typ of another token kind", () -> signed("{\"alg\":\"EdDSA\",\"typ\":\"dpop+jwt\",\"kid\":\"" + KEY.kid() + "\"}", claims("")), WRONG_TYPE));
    c.add(new Case("kid missing", () -> signed("{\"alg\":\"EdDSA\",\"typ\":\"JWT\"}", claims("")), KID_MISSING));
    c.add(new Case("unknown kid", () -> signed(OTHER_KEY, "{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"" + OTHER_KEY.kid() + "\"}", claims("")), UNKNOWN_KID));
    c.add(new Case("known kid but signed by another key", () -> signed(OTHER_KEY, header(), claims("")), BAD_SIGNATURE));
    c.add(new Case("payload changed after signing", () -> parts[0] + "." + b64(claimsWith("role", "\"ADMIN\"")) + "." + parts[2], BAD_SIGNATURE));
    c.add(new Case("signature truncated", () -> parts[0] + "." + parts[1] + "." + parts[2].substring(0, 80), BAD_SIGNATURE));
    // Encoding attacks
    c.add(new Case("padded base64url", () -> valid + "=", MALFORMED));
    c.add(new Case("four segments (JWE-like)", () -> valid + ".x", MALFORMED));
    c.add(new Case("standard base64 characters", () -> parts[0] + "." + parts[1] + "." + parts[2].replace('-', '+').replace('_', '/') + (parts[2].matches(".*[-_].*") ? "" : "+"), MALFORMED));
    c.add(new Case("duplicate claim", () -> signed(header(), claims(",\"role\":\"ADMIN\"")), MALFORMED));
    c.add(new Case("payload is not an object", () -> signed(header(), "[1,2]"), MALFORMED));
    c.add(new Case("oversized token", () -> "a".repeat(JwsVerifier.MAX_TOKEN_LENGTH + 1), MALFORMED));
    // Issuer and audience
    c.add(new Case("other issuer", () -> signed(header(), claimsWith("iss", "\"https://evil.example\"")), WRONG_ISSUER));
    c.add(new Case("issuer differing in case", () -> signed(header(), claimsWith("iss", "\"Pledgepad\"")), WRONG_ISSUER));
    c.add(new Case("issuer missing", () -> signed(header(), claimsWith("iss", null)), WRONG_ISSUER));
    c.add(new Case("other audience", () -> signed(header(), claimsWith("aud", "\"other-service\"")), WRONG_AUDIENCE));
    c.add(new Case("audience as array", () -> signed(header(), claimsWith("aud", "[\"pledgepad\",\"other\"]")), WRONG_AUDIENCE));
    // Time
    c.add(new Case("expired an hour ago", () -> signed(header(), claimsWith("exp", String.valueOf(NOW - 3600))), EXPIRED));
    c.add(new Case("expired 10 s ago is within leeway", () -> signed(header(), claimsWith("exp", String.valueOf(NOW - 10))), null));
    c.add(new Case("expired 31 s ago is beyond leeway", () -> signed(header(), claimsWith("exp", String.valueOf(NOW - 31))), EXPIRED));
    c.add(new Case("exp missing", () -> signed(header(), claimsWith("exp", null)), MISSING_CLAIM));
    c.add(new Case("exp as string", () -> signed(header(), claimsWith("exp", "\"" + (NOW + 60) + "\"")), INVALID_CLAIM));
    c.add(new Case("exp fractional", () -> signed(header(), claimsWith("exp", (NOW + 60) + ".5")), INVALID_CLAIM));
    c.add(new Case("nbf in the future", () -> signed(header(), claimsWith("nbf", String.valueOf(NOW + 600))), NOT_YET_VALID));
    c.add(new Case("nbf 20 s ahead is within leeway", () -> signed(header(), claimsWith("nbf", String.valueOf(NOW + 20))), null));
    c.add(new Case("iat in the future", () -> signed(header(), claimsWith("iat", String.valueOf(NOW + 600))), ISSUED_IN_FUTURE));
    c.add(new Case("iat missing", () -> signed(header(), claimsWith("iat", null)), MISSING_CLAIM));
    c.add(new Case("lifetime beyond maximum", () -> signed(header(), claimsWith("exp", String.valueOf(NOW + 31L * 86400))), LIFETIME_TOO_LONG));
    // Role and other claims
    c.add(new Case("role missing", () -> signed(header(), claimsWith("role", null)), INVALID_ROLE));
    c.add(new Case("role false", () -> signed(header(), claimsWith("role", "false")), INVALID_ROLE));
    c.add(new Case("role empty", () -> signed(header(), claimsWith("role", "\"\"")), INVALID_ROLE));
    c.add(new Case("role null", () -> signed(header(), claimsWith("role", "null")), INVALID_ROLE));
    c.add(new Case("role lower case", () -> signed(header(), claimsWith("role", "\"admin\"")), INVALID_ROLE));
    c.add(new Case("role as array", () -> signed(header(), claimsWith("role", "[\"ADMIN\"]")), INVALID_ROLE));
    c.add(new Case("sub missing", () -> signed(header(), claimsWith("sub", null)), MISSING_CLAIM));
    c.add(new Case("sub with spaces", () -> signed(header(), claimsWith("sub", "\"an na\"")), INVALID_CLAIM));
    c.add(new Case("body with invalid syntax", () -> signed(header(), claimsWith("bodies", "[\"../admin\"]")), INVALID_CLAIM));
    c.add(new Case("bodies not an array", () -> signed(header(), claimsWith("bodies", "\"spd-fraktion\"")), INVALID_CLAIM));
    c.add(new Case("doc restriction with invalid syntax", () -> signed(header(), claims(",\"doc\":\"../x\"")), INVALID_CLAIM));
    // jti: every token must be revocable by it, and a jti is printed and stored as it is
    c.add(new Case("jti missing", () -> signed(header(), claimsWith("jti", null)), MISSING_CLAIM));
    c.add(new Case("jti as number", () -> signed(header(), claimsWith("jti", "42")), INVALID_CLAIM));
    c.add(new Case("jti with a dot", () -> signed(header(), claimsWith("jti", "\"a.b\"")), INVALID_CLAIM));
    c.add(new Case("jti of 129 characters", () -> signed(header(), claimsWith("jti", "\"" + "a".repeat(129) + "\"")), INVALID_CLAIM));
    return c;
  }

  @TestFactory
  List<DynamicTest> attackMatrix() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Case c : cases()) {
      tests.add(DynamicTest.dynamicTest(c.name() + " -> " + (c.expected() == null ? "accepted" : c.expected()), () -> {
        String token = c.token().get();
        if (c.expected() == null) {
          assertThat(verifier.verify(token).subject()).isEqualTo("anna");
        } else {
          assertThatThrownBy(() -> verifier.verify(token))
              .isInstanceOfSatisfying(TokenRejectedException.class, e -> {
                assertThat(e.reason()).isEqualTo(c.expected());
                assertThat(e.getMessage()).doesNotContain(token.substring(0, Math.min(10, token.length())));
              });
        }
      }));
    }
    return tests;
  }

  @Test
  void issuedTokenRoundTripsToThePrincipal() throws Exception {
    AccessTokenIssuer issuer = new AccessTokenIssuer(KEY, AccessTokenSettings.defaults(), clock, RANDOM);
    Principal anna = new Principal("anna", "anna", "Anna Schmidt", false, Role.COUNCILLOR,
        Set.of(new Body("spd-fraktion"), new Body("committee-digital")), "motion-42");
    Principal back = verifier.verify(issuer.issue(anna, Duration.ofHours(1)));
    assertThat(back.subject()).isEqualTo("anna");
    assertThat(back.displayName()).isEqualTo("Anna Schmidt");
    assertThat(back.role()).isEqualTo(Role.COUNCILLOR);
    assertThat(back.bodies()).isEqualTo(anna.bodies());
    assertThat(back.document()).isEqualTo("motion-42");
  }

  @Test
  void issuedTokenExpiresAfterItsTtl() {
    AccessTokenIssuer issuer = new AccessTokenIssuer(KEY, AccessTokenSettings.defaults(), clock, RANDOM);
    String token = issuer.issue(new Principal("anna", "anna", "Anna", false, Role.CITIZEN, Set.of(), null), Duration.ofMinutes(5));
    AccessTokenVerifier later = new AccessTokenVerifier(KeyResolver.of(List.of(KEY.verificationKey())),
        AccessTokenSettings.defaults(), Clock.offset(clock, Duration.ofMinutes(6)));
    assertThatThrownBy(() -> later.verify(token))
        .isInstanceOfSatisfying(TokenRejectedException.class, e -> assertThat(e.reason()).isEqualTo(EXPIRED));
  }

  @Test
  void issuerRefusesTtlBeyondTheMaximum() {
    AccessTokenIssuer issuer = new AccessTokenIssuer(KEY, AccessTokenSettings.defaults(), clock, RANDOM);
    Principal p = new Principal("anna", "anna", "Anna", false, Role.CITIZEN, Set.of(), null);
    assertThatThrownBy(() -> issuer.issue(p, Duration.ofDays(31))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> issuer.issue(p, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> issuer.issue(Principal.anonymous(), Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void signingKeySurvivesSerialisationAndKeepsVerifying() throws Exception {
    SigningKey copy = SigningKey.fromJson(KEY.toJson());
    assertThat(copy.kid()).isEqualTo(KEY.kid());
    assertThat(verifier.verify(signed(copy, header(), claims(""))).subject()).isEqualTo("anna");
    assertThat(KEY.toString()).doesNotContain(Base64Url.encode(new byte[0]) + "private");
  }

  @Test
  void mismatchedKeyHalvesAreRefused() {
    String json = KEY.toJson();
    String otherPublic = Base64Url.encode(OTHER_KEY.verificationKey().key().getEncoded());
    String tampered = json.replaceAll("\"public\" : \"[^\"]+\"", "\"public\" : \"" + otherPublic + "\"");
    assertThat(tampered).isNotEqualTo(json);
    assertThatThrownBy(() -> SigningKey.fromJson(tampered)).isInstanceOf(IllegalArgumentException.class);
  }
}
