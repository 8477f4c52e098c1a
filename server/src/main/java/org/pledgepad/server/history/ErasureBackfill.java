package org.pledgepad.server.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Runs {@link DocumentHistories#backfillErasures} once per data directory: rows erased before
 * the erasure log existed get a record flagged backfilled. Whether it ran is kept in a file
 * next to the checkpoint key, not in the database: someone able to write the database could
 * otherwise reset the flag, forge erased rows and have the next start sign over them.
 */
public final class ErasureBackfill {
  public static final String MARKER = "history-erasure-backfill.json";

  private ErasureBackfill() {}

  /** Documents given a backfilled record, or -1 when the backfill had already run. */
  public static int runOnce(Path dataDir, DocumentHistories histories) throws IOException {
    Path marker = dataDir.resolve(MARKER);
    if (Files.exists(marker)) {
      return -1;
    }
    int documents = histories.backfillErasures();
    Files.createDirectories(dataDir);
    Path tmp = dataDir.resolve(MARKER + ".tmp");
    Files.writeString(tmp, "{\"backfilledAt\": " + System.currentTimeMillis() + ", \"documents\": " + documents + "}\n",
        StandardCharsets.UTF_8);
    Files.move(tmp, marker, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return documents;
  }
}
