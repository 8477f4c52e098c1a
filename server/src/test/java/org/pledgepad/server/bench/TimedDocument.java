package org.pledgepad.server.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.pledgepad.server.testing.ForwardingDocument;

/**
 * The open's phases as the session runs them (not re-run afterwards, so a cold open is measured
 * cold): a document that records when the store's answer arrived (the session's first call) and
 * the wall and thread-CPU milliseconds of each CRDT call the open makes. Bench only.
 */
final class TimedDocument extends ForwardingDocument {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final long created = System.nanoTime();
  private long firstCall;
  private final StringBuilder phases = new StringBuilder();

  /** Milliseconds from creation (the open started) to the first call (the store answered). */
  double fetchMs() {
    return firstCall == 0 ? -1 : (firstCall - created) / 1e6;
  }

  /** JSON fields: {@code "snapshotApply":[wallMs,cpuMs],...} for the calls the open made, in order. */
  String phases() {
    return phases.toString();
  }

  private <T> T timed(String phase, Supplier<T> call) {
    long wall = System.nanoTime();
    if (firstCall == 0) {
      firstCall = wall;
    }
    long cpu = THREADS.getCurrentThreadCpuTime();
    T result = call.get();
    phases.append(String.format(Locale.ROOT, ",\"%s\":[%.1f,%.1f]", phase,
        (System.nanoTime() - wall) / 1e6, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6));
    return result;
  }


  @Override
  public void apply(byte[] update) {
    timed("snapshotApply", () -> {
      inner.apply(update);
      return null;
    });
  }

  @Override
  public List<Integer> applyAll(List<byte[]> updates) {
    return timed("tailApply", () -> inner.applyAll(updates));
  }



  @Override
  public byte[] diff(byte[] stateVector) {
    return timed("step2Diff", () -> inner.diff(stateVector));
  }

  @Override
  public byte[] encodeState() {
    return timed("step2Encode", inner::encodeState);
  }

}
