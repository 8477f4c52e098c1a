package org.pledgepad.server.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes an embedded SQLite file readable by its owner only, whatever the process umask: every one
 * of them holds secrets or personal data (access: password and session hashes; documents: drafts
 * and who wrote what; annotations: comments awaiting moderation, reports; pledges: who linked and
 * decided). A file is created 0600 if missing, tightened if group or
 * others may read it, and the same for its -wal, -shm and -journal files (SQLite gives new ones
 * the mode of the database file, so a tight database keeps them tight from then on).
 */
public final class OwnerOnlyFiles {
  private static final Logger LOG = LoggerFactory.getLogger(OwnerOnlyFiles.class);
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private OwnerOnlyFiles() {}

  public static void restrict(Path database) throws IOException {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    if (!Files.exists(database)) {
      try {
        Files.createFile(database, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } catch (FileAlreadyExistsException raced) {
        // another opener made it first: tightened below
      }
    }
    for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
      Path f = database.resolveSibling(database.getFileName() + suffix);
      if (Files.exists(f) && !Files.getPosixFilePermissions(f).equals(OWNER_ONLY)) {
        LOG.warn("{} was readable beyond its owner; set to mode 600", f.getFileName());
        Files.setPosixFilePermissions(f, OWNER_ONLY);
      }
    }
  }
}
