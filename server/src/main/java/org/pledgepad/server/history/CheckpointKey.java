package org.pledgepad.server.history;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Map;
import org.pledgepad.history.CheckpointSigner;
import org.pledgepad.server.store.OwnerOnlyDirectories;

/**
 * The server's Ed25519 checkpoint key, kept in DATA_DIR/history-checkpoint-key.json (created on
 * first start, owner-only). Signed checkpoints of each document's head let a verifier notice a
 * cut tail even when whoever cut it also rewrote the documents row. The public key goes into
 * every export; a careful auditor pins it with {@code verify FILE --key ID=BASE64}.
 */
public final class CheckpointKey {
  public static final String FILE = "history-checkpoint-key.json";

  private final String keyId;
  private final PublicKey publicKey;
  private final CheckpointSigner signer;

  private CheckpointKey(String keyId, PublicKey publicKey, CheckpointSigner signer) {
    this.keyId = keyId;
    this.publicKey = publicKey;
    this.signer = signer;
  }

  public static CheckpointKey loadOrCreate(Path dataDir) throws IOException {
    Path file = dataDir.resolve(FILE);
    if (!Files.exists(file)) {
      KeyPair pair = CheckpointSigner.generateKeyPair();
      byte[] pub = pair.getPublic().getEncoded();
      String id;
      try {
        id = "k-" + org.pledgepad.history.Hashes.hex(java.security.MessageDigest.getInstance("SHA-256")
            .digest(pub)).substring(0, 12);
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is required by every Java platform", e);
      }
      JsonObject json = new JsonObject().put("keyId", id)
          .put("private", Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()))
          .put("public", Base64.getEncoder().encodeToString(pub));
      OwnerOnlyDirectories.create(dataDir);
      Path tmp = dataDir.resolve(FILE + ".tmp");
      Files.writeString(tmp, json.encodePrettily(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING);
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the directory's permissions have to do
      }
      Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
    return load(file);
  }

  /** The key if its file exists (the verify command never creates one). */
  public static CheckpointKey loadIfPresent(Path dataDir) throws IOException {
    Path file = dataDir.resolve(FILE);
    return Files.exists(file) ? load(file) : null;
  }

  private static CheckpointKey load(Path file) throws IOException {
    JsonObject json = new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
    String id = json.getString("keyId");
    PublicKey pub = CheckpointSigner.publicKey(Base64.getDecoder().decode(json.getString("public")));
    CheckpointSigner signer = new CheckpointSigner(id,
        CheckpointSigner.privateKey(Base64.getDecoder().decode(json.getString("private"))));
    return new CheckpointKey(id, pub, signer);
  }

  public CheckpointSigner signer() {
    return signer;
  }

  public Map<String, PublicKey> publicKeys() {
    return Map.of(keyId, publicKey);
  }
}
