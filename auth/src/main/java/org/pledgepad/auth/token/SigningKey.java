package org.pledgepad.auth.token;

import io.vertx.core.json.JsonObject;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Objects;

/**
 * Pledgepad's token signing key: an Ed25519 key pair with a random key id. The caller persists
 * it (see {@link SigningKeyFile}); rotation = generate a new key, keep verifying with the old one
 * until its tokens have expired.
 */
public final class SigningKey {
  private static final String FORMAT = "pledgepad-signing-key-v1";

  private final String kid;
  private final PrivateKey privateKey;
  private final VerificationKey verificationKey;

  private SigningKey(String kid, PrivateKey privateKey, PublicKey publicKey) {
    this.kid = kid;
    this.privateKey = privateKey;
    this.verificationKey = new VerificationKey(kid, JwsAlgorithm.EdDSA, publicKey);
  }

  /** A fresh key with a 128-bit random key id. */
  public static SigningKey generate(SecureRandom random) {
    try {
      KeyPairGenerator gen = KeyPairGenerator.getInstance("Ed25519");
      gen.initialize(255, random);
      KeyPair pair = gen.generateKeyPair();
      byte[] id = new byte[16];
      random.nextBytes(id);
      return new SigningKey(Base64Url.encode(id), pair.getPrivate(), pair.getPublic());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is not available in this JDK", e);
    }
  }

  public String kid() {
    return kid;
  }

  public JwsAlgorithm algorithm() {
    return JwsAlgorithm.EdDSA;
  }

  /** The public half, for a {@link KeyResolver}. */
  public VerificationKey verificationKey() {
    return verificationKey;
  }

  /** Signs the JWS signing input. */
  byte[] sign(byte[] input) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(privateKey);
      s.update(input);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("signing failed", e);
    }
  }

  /** Serialized form holding the private key: store it readable by the server account only. */
  public String toJson() {
    return new JsonObject()
        .put("format", FORMAT)
        .put("kid", kid)
        .put("alg", JwsAlgorithm.EdDSA.jwsName())
        .put("private", Base64Url.encode(privateKey.getEncoded()))
        .put("public", Base64Url.encode(verificationKey.key().getEncoded()))
        .encodePrettily();
  }

  /** Reads {@link #toJson()}'s output; checks that the two halves belong together. */
  public static SigningKey fromJson(String json) {
    Objects.requireNonNull(json, "json");
    var map = StrictJson.parseObject(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    if (!FORMAT.equals(map.get("format")) || !"EdDSA".equals(map.get("alg"))) {
      throw new IllegalArgumentException("not a pledgepad signing key file");
    }
    if (!(map.get("kid") instanceof String kid) || kid.isEmpty()
        || !(map.get("private") instanceof String priv) || !(map.get("public") instanceof String pub)) {
      throw new IllegalArgumentException("signing key file lacks kid, private or public");
    }
    byte[] privBytes = Base64Url.decodeOrNull(priv);
    byte[] pubBytes = Base64Url.decodeOrNull(pub);
    if (privBytes == null || pubBytes == null) {
      throw new IllegalArgumentException("signing key file has invalid base64url");
    }
    try {
      KeyFactory kf = KeyFactory.getInstance("Ed25519");
      SigningKey key = new SigningKey(kid, kf.generatePrivate(new PKCS8EncodedKeySpec(privBytes)),
          kf.generatePublic(new X509EncodedKeySpec(pubBytes)));
      byte[] probe = "pledgepad key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      Signature v = Signature.getInstance("Ed25519");
      v.initVerify(key.verificationKey.key());
      v.update(probe);
      if (!v.verify(key.sign(probe))) {
        throw new IllegalArgumentException("signing key file: private and public key do not match");
      }
      return key;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("signing key file holds no valid Ed25519 key");
    }
  }

  @Override
  public String toString() {
    return "SigningKey[kid=" + kid + ", alg=EdDSA]"; // never the private key
  }
}
