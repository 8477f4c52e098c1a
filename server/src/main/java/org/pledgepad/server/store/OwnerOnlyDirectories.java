package org.pledgepad.server.store;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the directories the server keeps its stores and keys in (DATA_DIR, with any missing
 * parent) with mode 700, whatever the process umask: the listing alone tells other local users
 * which stores exist, how large they are and when they were written, and a file is exposed for
 * a moment between its creation and the tightening of its mode ({@link OwnerOnlyFiles}). A
 * directory that exists already is the operator's choice and keeps its mode; one that others may
 * list is reported once per process, by its name only.
 */
public final class OwnerOnlyDirectories {
  private static final Logger LOG = LoggerFactory.getLogger(OwnerOnlyDirectories.class);
  private static final Set<Path> REPORTED = ConcurrentHashMap.newKeySet();

  private OwnerOnlyDirectories() {}

  public static void create(Path dir) throws IOException {
    Path abs = dir.toAbsolutePath().normalize();
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createDirectories(abs);
      return;
    }
    if (Files.isDirectory(abs)) {
      reportIfListable(abs);
      return;
    }
    // The umask can only take bits away from 700, never add any.
    Files.createDirectories(abs, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
  }

  private static void reportIfListable(Path dir) throws IOException {
    Set<PosixFilePermission> mode = Files.getPosixFilePermissions(dir);
    if (mode.contains(PosixFilePermission.OTHERS_READ) && REPORTED.add(dir)) {
      LOG.warn("The data directory {} may be listed by other users (mode {}); left as it is, chmod 700 unless"
          + " that is intended", dir.getFileName(), PosixFilePermissions.toString(mode));
    }
  }
}
