package org.pledgepad.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's own meters (Vert.x adds its HTTP and pool meters to the same registry).
 * Meters are thread-safe; sessions on different contexts update them concurrently.
 */
public final class ServerMetrics {
  private final MeterRegistry registry;
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger documentsLoaded = new AtomicInteger();
  private final Counter updatesAccepted;
  private final Counter updatesRejected;
  private final Counter commitsFailed;
  private final Timer commitLatency;
  private final DistributionSummary batchSize;

  public ServerMetrics(MeterRegistry registry) {
    this.registry = registry;
    registry.gauge("pledgepad.connections", connections);
    registry.gauge("pledgepad.documents.loaded", documentsLoaded);
    updatesAccepted = Counter.builder("pledgepad.updates.accepted")
        .description("Updates committed, applied and broadcast").register(registry);
    updatesRejected = Counter.builder("pledgepad.updates.rejected")
        .description("Updates refused (invalid, read-only, too large)").register(registry);
    commitLatency = Timer.builder("pledgepad.commit.latency")
        .description("Time from batch start to committed transaction")
        .publishPercentileHistogram().register(registry);
    batchSize = DistributionSummary.builder("pledgepad.commit.batch.size")
        .description("Updates per committed document append (one store transaction may carry several documents' appends)")
        .register(registry);
    commitsFailed = Counter.builder("pledgepad.commits.failed")
        .description("Document appends whose transaction failed; their senders were closed with 1011").register(registry);
  }

  /** Meters that go nowhere, for unit tests. */
  public static ServerMetrics noop() {
    return new ServerMetrics(new SimpleMeterRegistry());
  }

  public MeterRegistry registry() {
    return registry;
  }

  public void connectionOpened() {
    connections.incrementAndGet();
  }

  public void connectionClosed() {
    connections.decrementAndGet();
  }

  public void documentLoaded() {
    documentsLoaded.incrementAndGet();
  }

  public void documentUnloaded() {
    documentsLoaded.decrementAndGet();
  }

  public void committed(int updates, long nanos) {
    updatesAccepted.increment(updates);
    batchSize.record(updates);
    commitLatency.record(nanos, TimeUnit.NANOSECONDS);
  }

  public void commitFailed() {
    commitsFailed.increment();
  }

  /**
   * A connection closed at the socket because its client took nothing: {@code close-not-taken}
   * (a WebSocket we closed that did not take its close, WsConnection) or {@code stalled} (any
   * connection with output waiting and no progress, StalledWrites).
   */
  public void connectionCut(String reason) {
    Counter.builder("pledgepad.connections.cut").tag("reason", reason)
        .description("Connections closed at the socket because the client took nothing of what waited")
        .register(registry).increment();
  }

  public void updateRejected() {
    updatesRejected.increment();
  }

  /** A connection was closed for what it sent; tagged with the close code, never the content. */
  public void frameRejected(short closeCode) {
    registry.counter("pledgepad.frames.rejected", "code", Short.toString(closeCode)).increment();
  }
}
