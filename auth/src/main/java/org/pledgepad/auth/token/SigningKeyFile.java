package org.pledgepad.auth.token;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * Loads the signing key from a file, or creates it (owner read/write only) if the file does not
 * exist. Used by the server at start and by {@link org.pledgepad.auth.cli.TokenCommand}, so both
 * agree on one key whichever runs first.
 */
public final class SigningKeyFile {
  private SigningKeyFile() {}

  public static SigningKey loadOrCreate(Path file, SecureRandom random) throws IOException {
    if (Files.exists(file)) {
      return load(file);
    }
    Path dir = file.toAbsolutePath().getParent();
    // A directory made for the key (DATA_DIR, usually) is the owner's only, whatever the umask.
    if (posix()) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } else {
      Files.createDirectories(dir);
    }
    SigningKey key = SigningKey.generate(random);
    Path tmp = posix()
        ? Files.createTempFile(dir, ".signing-key", ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
        : Files.createTempFile(dir, ".signing-key", ".tmp");
    try {
      Files.writeString(tmp, key.toJson(), StandardCharsets.UTF_8);
      // No REPLACE_EXISTING: if another process created the key meanwhile, use theirs.
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      return key;
    } catch (FileAlreadyExistsException e) {
      return load(file);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  public static SigningKey load(Path file) throws IOException {
    if (posix()) {
      var perms = Files.getPosixFilePermissions(file);
      String s = PosixFilePermissions.toString(perms);
      if (!s.substring(3).equals("------")) {
        throw new IOException("signing key file " + file + " must not be readable by group or others (chmod 600)");
      }
    }
    if (Files.size(file) > 64 * 1024) {
      throw new IOException("signing key file " + file + " is too large");
    }
    try {
      return SigningKey.fromJson(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage());
    }
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }
}
