package org.pledgepad.server.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What this process has sent to storage, for benchmarks that count write amplification. */
final class ProcessIo {
  private ProcessIo() {}

  /** write_bytes of /proc/self/io (WAL frames, checkpoints, as they reach storage); 0 where unknown. */
  static long storageWriteBytes() throws IOException {
    Path io = Path.of("/proc/self/io");
    if (!Files.exists(io)) {
      return 0;
    }
    return Files.readAllLines(io).stream().filter(l -> l.startsWith("write_bytes:"))
        .mapToLong(l -> Long.parseLong(l.substring("write_bytes:".length()).trim())).findFirst().orElse(0);
  }
}
