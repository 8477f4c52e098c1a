package org.pledgepad.auth.token;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.Map;

/**
 * Verification keys kept after a key rotation: a public-key file ({@link #toJson}, what
 * {@code token public-key} prints) or the earlier signing-key file itself, of which only the
 * public half is used. The public-key file is the better keeper: with the private half gone, no
 * new token can be made with the old key.
 */
public final class VerificationKeyFile {
  static final String FORMAT = "pledgepad-public-key-v1";
  private static final String SIGNING_FORMAT = "pledgepad-signing-key-v1";

  private VerificationKeyFile() {}

  /** The public half of a signing key, with its kid, as a file's content (no secret in it). */
  public static String toJson(VerificationKey key) {
    return new JsonObject()
        .put("format", FORMAT)
        .put("kid", key.kid())
        .put("alg", key.algorithm().jwsName())
        .put("public", Base64Url.encode(key.key().getEncoded()))
        .encodePrettily();
  }

  /** Reads a public-key file or a signing-key file (which must then be mode 600, as the server's). */
  public static VerificationKey load(Path file) throws IOException {
    if (Files.size(file) > 64 * 1024) {
      throw new IOException(file + " is too large for a key file");
    }
    Map<String, Object> map;
    try {
      map = StrictJson.parseObject(Files.readAllBytes(file));
    } catch (RuntimeException e) {
      throw new IOException(file + ": not a key file (JSON expected)");
    }
    Object format = map.get("format");
    if (SIGNING_FORMAT.equals(format)) {
      return SigningKeyFile.load(file).verificationKey();
    }
    if (!FORMAT.equals(format) || !"EdDSA".equals(map.get("alg"))
        || !(map.get("kid") instanceof String kid) || !(map.get("public") instanceof String pub)) {
      throw new IOException(file + ": neither a pledgepad public-key file nor a signing-key file");
    }
    byte[] bytes = Base64Url.decodeOrNull(pub);
    try {
      if (bytes == null) {
        throw new IOException(file + ": public key is not base64url");
      }
      return new VerificationKey(kid, JwsAlgorithm.EdDSA,
          KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(bytes)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IOException(file + ": holds no valid Ed25519 public key");
    }
  }
}
