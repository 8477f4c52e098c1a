package org.pledgepad.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.Y;

/**
 * The workloads of crdt/conformance/bench.mjs on the Java port, one invocation = one whole
 * workload (single-shot). Cold: -wi 0 -i 1 with several forks (each fork a fresh JVM, one run).
 * Warm: one fork, -wi W unmeasured runs, then -i M measured ones; run.sh reports their median
 * and best, with the same W and M for bench.mjs. benchmarks/run.sh runs
 * both sides and prints the ratios; there are no thresholds anywhere.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
@Warmup(iterations = 5)
@Measurement(iterations = 5)
public class CrdtBenchmarks {

  /** The B4 trace, parsed once per fork (parsing is not measured). */
  @State(Scope.Benchmark)
  public static class Trace {
    B4Trace trace;

    @Setup(Level.Trial)
    public void load() {
      trace = B4Trace.load();
    }
  }

  /** The B4 document and its encodings, built once per fork. */
  @State(Scope.Benchmark)
  public static class Built {
    Doc doc;
    byte[] v1;
    byte[] v2;

    @Setup(Level.Trial)
    public void build() {
      doc = B4Trace.load().build();
      v1 = Y.encodeStateAsUpdate(doc);
      v2 = Y.encodeStateAsUpdateV2(doc);
    }
  }

  /** The n×B4 document written by bench.mjs --make-b4x (path in -Db4x.path). */
  @State(Scope.Benchmark)
  public static class Big {
    byte[] update;

    @Setup(Level.Trial)
    public void read() throws IOException {
      update = readFile("b4x.path", "--make-b4x");
    }
  }

  /** The random-position document written by bench.mjs --make-random (path in -Drandom.path). */
  @State(Scope.Benchmark)
  public static class RandomPositions {
    byte[] update;

    @Setup(Level.Trial)
    public void read() throws IOException {
      update = readFile("random.path", "--make-random");
    }
  }

  static byte[] readFile(String property, String maker) throws IOException {
    String p = System.getProperty(property);
    if (p == null) {
      throw new IllegalStateException("set -D" + property + "=<file written by bench.mjs " + maker + ">");
    }
    return Files.readAllBytes(Path.of(p));
  }

  @Benchmark
  public int b4(Trace t) {
    return t.trace.build().getText("text").length();
  }

  @Benchmark
  public int b1AppendText() {
    return Workloads.appendText();
  }

  @Benchmark
  public int b1RandomText() {
    return Workloads.randomInsertText();
  }

  @Benchmark
  public int b1RandomInsDelText() {
    return Workloads.randomInsertDeleteText();
  }

  @Benchmark
  public int b1AppendArray() {
    return Workloads.appendArray();
  }

  @Benchmark
  public int b1RandomInsDelArray() {
    return Workloads.randomInsertDeleteArray();
  }

  @Benchmark
  public int b4EncodeV1(Built b) {
    return Y.encodeStateAsUpdate(b.doc).length;
  }

  @Benchmark
  public int b4EncodeV2(Built b) {
    return Y.encodeStateAsUpdateV2(b.doc).length;
  }

  @Benchmark
  public int b4DecodeV1(Built b) {
    Doc d = new Doc();
    Y.applyUpdate(d, b.v1);
    return d.getText("text").length();
  }

  @Benchmark
  public int b4DecodeV2(Built b) {
    Doc d = new Doc();
    Y.applyUpdateV2(d, b.v2);
    return d.getText("text").length();
  }

  /**
   * Decodes per invocation of the batched decode figures; bench.mjs --batch gives the Node side
   * the same k (run.sh: workloads named *-x20). JMH divides the time by k.
   */
  static final int BATCH = 20;

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int b4DecodeV1x20(Built b) {
    return decodeBatch(b.v1, false);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int b4DecodeV2x20(Built b) {
    return decodeBatch(b.v2, true);
  }

  private static int decodeBatch(byte[] update, boolean v2) {
    int sink = 0;
    for (int i = 0; i < BATCH; i++) {
      Doc d = new Doc();
      if (v2) {
        Y.applyUpdateV2(d, update);
      } else {
        Y.applyUpdate(d, update);
      }
      sink += d.getText("text").length();
    }
    return sink;
  }

  @Benchmark
  public int b4xLoad(Big b) {
    Doc d = new Doc();
    Y.applyUpdate(d, b.update);
    return d.getText("text").length();
  }

  @Benchmark
  public int randomLoad(RandomPositions r) {
    Doc d = new Doc();
    Y.applyUpdate(d, r.update);
    return d.getText("text").length();
  }
}
