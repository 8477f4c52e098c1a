package org.pledgepad.auth.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pledgepad.auth.token.TokenRejectedException.Reason.*;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pledgepad.auth.token.JwsAlgorithm;
import org.pledgepad.auth.token.TokenRejectedException;
import org.pledgepad.auth.token.TokenRejectedException.Reason;

class IdTokenValidatorTest {
  private static final long NOW = 1_800_000_000L;
  private static final TestIdp.Key RSA = TestIdp.generate("rsa-1", "RS256");
  private static final TestIdp.Key EC = TestIdp.generate("ec-1", "ES256");
  private static final TestIdp.Key ED = TestIdp.generate("ed-1", "EdDSA");
  private static final OidcSettings SETTINGS = OidcSettings.keycloak(URI.create(TestIdp.ISSUER), TestIdp.CLIENT);
  private final Clock clock = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
  private final JwkSet jwks = JwkSet.parse(TestIdp.jwks(RSA, EC, ED).getBytes(StandardCharsets.UTF_8),
      EnumSet.allOf(JwsAlgorithm.class));
  private final IdTokenValidator validator = new IdTokenValidator(SETTINGS, jwks, clock);

  private static TestIdp.Key key(String alg) {
    return switch (alg) {
      case "RS256" -> RSA;
      case "ES256" -> EC;
      default -> ED;
    };
  }

  private void rejects(String token, String nonce, Reason reason) {
    assertThatThrownBy(() -> validator.validate(token, nonce))
        .isInstanceOfSatisfying(TokenRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  @ParameterizedTest
  @ValueSource(strings = {"RS256", "ES256", "EdDSA"})
  void validTokenOfEachAllowedAlgorithmIsAccepted(String alg) throws Exception {
    Map<String, Object> claims = validator.validate(key(alg).sign(TestIdp.claims(NOW)), "n-0S6_WzA2Mj");
    assertThat(claims.get("preferred_username")).isEqualTo("anna.schmidt");
  }

  @Test
  void issuerMustMatchExactly() {
    rejects(RSA.sign(TestIdp.claims(NOW).put("iss", TestIdp.ISSUER + "/")), null, WRONG_ISSUER);
    rejects(RSA.sign(TestIdp.claims(NOW).put("iss", "https://sso.example.test/realms/other")), null, WRONG_ISSUER);
  }

  @Test
  void audienceMustContainOurClient() {
    rejects(RSA.sign(TestIdp.claims(NOW).put("aud", "account")), null, WRONG_AUDIENCE);
    rejects(RSA.sign(TestIdp.claims(NOW).put("aud", new JsonArray())), null, WRONG_AUDIENCE);
    rejects(RSA.sign(TestIdp.claims(NOW).put("aud", 5)), null, WRONG_AUDIENCE);
  }

  @Test
  void severalAudiencesNeedAzpEqualToOurClient() throws Exception {
    JsonObject multi = TestIdp.claims(NOW).put("aud", new JsonArray().add("pledgepad").add("account"));
    assertThat(validator.validate(RSA.sign(multi), null)).containsEntry("azp", "pledgepad");
    JsonObject noAzp = multi.copy();
    noAzp.remove("azp");
    rejects(RSA.sign(noAzp), null, WRONG_AUTHORIZED_PARTY);
    rejects(RSA.sign(TestIdp.claims(NOW).put("azp", "other-client")), null, WRONG_AUTHORIZED_PARTY);
  }

  @Test
  void expiredAndFutureTokensAreRejected() {
    rejects(RSA.sign(TestIdp.claims(NOW).put("exp", NOW - 31)), null, EXPIRED);
    rejects(RSA.sign(TestIdp.claims(NOW).put("iat", NOW + 120)), null, ISSUED_IN_FUTURE);
    rejects(RSA.sign(TestIdp.claims(NOW).put("nbf", NOW + 120)), null, NOT_YET_VALID);
    rejects(RSA.sign(TestIdp.claims(NOW).put("iat", NOW - 86_400).put("exp", NOW + 60)), null, LIFETIME_TOO_LONG);
  }

  @Test
  void nonceMustMatchWhenOneWasSent() {
    rejects(RSA.sign(TestIdp.claims(NOW)), "other-nonce", NONCE_MISMATCH);
    JsonObject noNonce = TestIdp.claims(NOW);
    noNonce.remove("nonce");
    rejects(RSA.sign(noNonce), "n-0S6_WzA2Mj", NONCE_MISMATCH);
  }

  @Test
  void keycloakAccessTokenCannotPoseAsIdToken() {
    rejects(RSA.sign(TestIdp.claims(NOW).put("typ", "Bearer")), null, WRONG_TYPE);
  }

  @Test
  void algorithmsOutsideTheAllowListAreRejected() throws Exception {
    OidcSettings rsaOnly = new OidcSettings(URI.create(TestIdp.ISSUER), TestIdp.CLIENT, EnumSet.of(JwsAlgorithm.RS256),
        SETTINGS.leeway(), SETTINGS.maxTokenAge(), SETTINGS.roleMapping(), SETTINGS.defaultRole(), SETTINGS.groupPrefix(), false);
    IdTokenValidator strict = new IdTokenValidator(rsaOnly, jwks, clock);
    assertThatThrownBy(() -> strict.validate(EC.sign(TestIdp.claims(NOW)), null))
        .isInstanceOfSatisfying(TokenRejectedException.class, e -> assertThat(e.reason()).isEqualTo(ALG_NOT_ALLOWED));

    // HS256 with the RSA public key (as the JWKS publishes it) as HMAC secret.
    String input = TestIdp.b64(new JsonObject().put("alg", "HS256").put("kid", "rsa-1").encode().getBytes(StandardCharsets.UTF_8))
        + "." + TestIdp.b64(TestIdp.claims(NOW).encode().getBytes(StandardCharsets.UTF_8));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(RSA.pair().getPublic().getEncoded(), "HmacSHA256"));
    rejects(input + "." + TestIdp.b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII))), null, ALG_NOT_ALLOWED);
    rejects(TestIdp.b64("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + input.split("\\.")[1] + ".", null, UNSIGNED);
  }

  @Test
  void algorithmMustBeTheKeysAlgorithm() {
    // Header claims RS256 but names the EC key; signature made with the EC key as ES256.
    String token = EC.sign(new JsonObject().put("alg", "RS256").put("typ", "JWT").put("kid", "ec-1"), TestIdp.claims(NOW));
    rejects(token, null, ALG_KEY_MISMATCH);
  }

  @Test
  void tokenFromAnUnknownKeyIsRejected() {
    TestIdp.Key rogue = TestIdp.fresh("rogue", "RS256");
    rejects(rogue.sign(TestIdp.claims(NOW)), null, UNKNOWN_KID);
    TestIdp.Key sameKid = TestIdp.fresh("rsa-1", "RS256");
    rejects(sameKid.sign(TestIdp.claims(NOW)), null, BAD_SIGNATURE);
  }
}
