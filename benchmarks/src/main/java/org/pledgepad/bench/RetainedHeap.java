package org.pledgepad.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.Y;

/**
 * Retained heap of the B4 document (built from the trace, and loaded from its update) and of the
 * n×B4 document, measured as used heap after full GCs with and without the document reachable.
 * Prints one JSON line like `node --expose-gc bench.mjs --heap` does.
 * Usage: java -Db4.path=... [-Db4x.path=...] -cp benchmarks.jar org.pledgepad.bench.RetainedHeap
 */
public final class RetainedHeap {
  private RetainedHeap() {}

  private static long used() {
    MemoryMXBean m = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 4; i++) {
      System.gc();
    }
    return m.getHeapMemoryUsage().getUsed();
  }

  public static void main(String[] args) throws Exception {
    B4Trace trace = B4Trace.load();
    StringBuilder out = new StringBuilder("{\"runtime\":\"java " + System.getProperty("java.version") + "\"");
    long base = used();
    Doc keep = trace.build();
    out.append(",\"b4BuiltBytes\":").append(used() - base);
    byte[] update = Y.encodeStateAsUpdate(keep);
    keep = null;
    base = used();
    keep = new Doc();
    Y.applyUpdate(keep, update);
    out.append(",\"b4LoadedBytes\":").append(used() - base);
    keep = null;
    String big = System.getProperty("b4x.path");
    if (big != null) {
      byte[] b = Files.readAllBytes(Path.of(big));
      base = used();
      keep = new Doc();
      Y.applyUpdate(keep, b);
      out.append(",\"b4xLoadedBytes\":").append(used() - base);
    }
    out.append('}');
    System.out.println(out);
    if (keep != null && keep.clientID == -1) {
      System.out.println();
    }
  }
}
