package org.pledgepad.server.cluster;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.pledgepad.server.store.OwnerOnlyDirectories;

/**
 * The embedded store belongs to one process: two servers on one DATA_DIR would each keep their
 * own live sessions and interleave appends to the same log. An OS file lock on DATA_DIR/
 * pledgepad.lock, held for the life of the server, makes the second one refuse to start (the
 * lock is released by the OS if the process dies, so a crash never leaves it behind).
 */
public final class DataDirLock implements AutoCloseable {
  static final String FILE_NAME = "pledgepad.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock or fails with a message an operator can act on. */
  public static DataDirLock acquire(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME).toAbsolutePath();
    FileChannel channel = null;
    try {
      OwnerOnlyDirectories.create(file.getParent());
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock != null) {
        return new DataDirLock(channel, lock);
      }
    } catch (OverlappingFileLockException e) {
      // held by another server in this JVM: same answer
    } catch (IOException e) {
      closeQuietly(channel);
      throw new IllegalStateException("cannot lock " + file + ": " + e.getMessage(), e);
    }
    closeQuietly(channel);
    throw new IllegalStateException("DATA_DIR " + dataDir.toAbsolutePath() + " is in use by another"
        + " Pledgepad process. The embedded store serves one process only; to run several nodes,"
        + " give each the same DATABASE_URL (PostgreSQL).");
  }

  private static void closeQuietly(FileChannel c) {
    if (c != null) {
      try {
        c.close();
      } catch (IOException ignored) {
        // nothing held
      }
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException ignored) {
      // closing the channel releases it too
    }
    closeQuietly(channel);
  }
}
