package org.pledgepad.auth.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.pledgepad.auth.token.JwsAlgorithm;

class JwkSetTest {
  private static JwkSet parse(JsonObject... keys) {
    JsonArray a = new JsonArray();
    for (JsonObject k : keys) {
      a.add(k);
    }
    return JwkSet.parse(new JsonObject().put("keys", a).encode().getBytes(StandardCharsets.UTF_8),
        EnumSet.allOf(JwsAlgorithm.class));
  }

  @Test
  void keepsSignatureKeysOfAllThreeTypes() {
    JwkSet set = parse(TestIdp.generate("r", "RS256").jwk(), TestIdp.generate("e", "ES256").jwk(),
        TestIdp.generate("d", "EdDSA").jwk());
    assertThat(set.kids()).containsExactly("r", "e", "d");
    assertThat(set.find("e").orElseThrow().algorithm()).isEqualTo(JwsAlgorithm.ES256);
    assertThat(set.skipped()).isZero();
  }

  @Test
  void skipsEncryptionSymmetricAndMislabelledKeys() {
    JsonObject enc = TestIdp.generate("enc", "RS256").jwk().put("use", "enc").put("alg", "RSA-OAEP");
    JsonObject oct = new JsonObject().put("kid", "hmac").put("kty", "oct").put("k", "c2VjcmV0");
    JsonObject ps = TestIdp.generate("ps", "RS256").jwk().put("alg", "PS256");
    JsonObject noKid = TestIdp.generate("x", "RS256").jwk();
    noKid.remove("kid");
    JwkSet set = parse(enc, oct, ps, noKid, TestIdp.generate("ok", "RS256").jwk());
    assertThat(set.kids()).containsExactly("ok");
    assertThat(set.skipped()).isEqualTo(4);
  }

  @Test
  void skipsEcPointsOffTheCurve() {
    JsonObject ec = TestIdp.generate("e", "ES256").jwk();
    byte[] y = org.pledgepad.auth.token.Base64Url.decodeOrNull(ec.getString("y"));
    y[31] ^= 1;
    ec.put("y", TestIdp.b64(y));
    assertThat(parse(ec).kids()).isEmpty();
  }

  @Test
  void skipsShortRsaKeys() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(1024);
    RSAPublicKey k = (RSAPublicKey) g.generateKeyPair().getPublic();
    JsonObject jwk = new JsonObject().put("kid", "short").put("kty", "RSA").put("alg", "RS256")
        .put("n", TestIdp.b64(TestIdp.unsigned(k.getModulus()))).put("e", TestIdp.b64(TestIdp.unsigned(BigInteger.valueOf(65537))));
    assertThat(parse(jwk).kids()).isEmpty();
  }

  @Test
  void twoKeysWithOneKidAreBothDistrusted() {
    assertThat(parse(TestIdp.generate("same", "RS256").jwk(), TestIdp.generate("same", "RS256").jwk()).kids()).isEmpty();
  }

  @Test
  void malformedDocumentsAreRejected() {
    assertThatThrownBy(() -> JwkSet.parse("{}".getBytes(StandardCharsets.UTF_8), EnumSet.allOf(JwsAlgorithm.class)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JwkSet.parse("{\"keys\":[],\"keys\":[]}".getBytes(StandardCharsets.UTF_8), EnumSet.allOf(JwsAlgorithm.class)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
