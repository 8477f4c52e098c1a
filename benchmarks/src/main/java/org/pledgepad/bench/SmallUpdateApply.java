package org.pledgepad.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.UpdateLimits;
import org.pledgepad.crdt.Y;

/**
 * The CRDT side of a server receiving typed characters: the B4 trace as its 259,778 one-edit v1
 * updates, each applied with Y.applyUpdate (TRUSTED limits, no update handlers, as the server's
 * YjsDocument does) to one document that grows to the trace's end. Per run: the main thread's
 * CPU time and bytes allocated, divided by the number of updates. Allocation per update is the
 * load-independent figure; CPU is compared between builds by AbJars (one JVM, alternated).
 * With -Dseed.clients=K the document first gets one edit from each of K other clients (in
 * another root type, not measured), as a shared document edited by many sessions has: its
 * state vector then has K + 1 entries.
 * Usage: java -Db4.path=... [-Dseed.clients=K] -cp benchmarks.jar org.pledgepad.bench.SmallUpdateApply runs
 */
public final class SmallUpdateApply {
  private final List<byte[]> updates = new ArrayList<>();
  private final String endContent;
  private final List<byte[]> seed = new ArrayList<>();

  /** Loads the trace and records the update each of its transactions emits. */
  public SmallUpdateApply() {
    B4Trace trace = B4Trace.load();
    Doc source = Workloads.newDoc();
    source.onUpdate((u, origin, d, tr) -> updates.add(u));
    trace.applyTo(source, source.getText("text"), 0);
    endContent = trace.endContent;
    int seedClients = Integer.getInteger("seed.clients", 0);
    for (int c = 0; c < seedClients; c++) {
      Doc other = new Doc();
      other.clientID = 1000 + c;
      other.onUpdate((u, origin, d, tr) -> seed.add(u));
      other.getText("seed").insert(0, "s");
    }
  }

  public int updateCount() {
    return updates.size();
  }

  /** One run: {main-thread CPU ns, bytes allocated}; fails if the document ends elsewhere. */
  public long[] run() {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long self = Thread.currentThread().getId();
    Doc doc = Workloads.newDoc();
    for (byte[] u : seed) {
      Y.applyUpdate(doc, u, null, UpdateLimits.TRUSTED);
    }
    long a0 = threads.getThreadAllocatedBytes(self);
    long t0 = threads.getCurrentThreadCpuTime();
    for (byte[] u : updates) {
      Y.applyUpdate(doc, u, null, UpdateLimits.TRUSTED);
    }
    long cpu = threads.getCurrentThreadCpuTime() - t0;
    long alloc = threads.getThreadAllocatedBytes(self) - a0;
    if (!doc.getText("text").toString().equals(endContent)) {
      throw new IllegalStateException("final text differs from the trace's end content");
    }
    return new long[] {cpu, alloc};
  }

  public static void main(String[] args) {
    int runs = Integer.parseInt(args[0]);
    SmallUpdateApply bench = new SmallUpdateApply();
    long[] cpu = new long[runs];
    long[] alloc = new long[runs];
    for (int i = 0; i < runs; i++) {
      long[] r = bench.run();
      cpu[i] = r[0];
      alloc[i] = r[1];
    }
    long[] tail = Arrays.copyOfRange(cpu, runs / 2, runs);
    Arrays.sort(tail);
    int n = bench.updateCount();
    System.out.printf("%d one-edit updates, %d runs | cpu-ms/run first %.1f median %.1f (last %d)"
        + " | bytes/update first %.1f last %.1f%n", n, runs, cpu[0] / 1e6, tail[tail.length / 2] / 1e6,
        tail.length, alloc[0] / (double) n, alloc[runs - 1] / (double) n);
  }
}
