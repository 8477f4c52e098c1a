package org.pledgepad.server;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import org.pledgepad.server.config.ConfigException;
import org.pledgepad.server.config.ConfigLoader;
import org.pledgepad.server.config.ServerConfig;
import org.pledgepad.server.doc.YjsDocument;
import org.pledgepad.server.seed.DemoSeeder;
import org.pledgepad.server.seed.ProseMirrorSeedEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Launcher of {@code java -jar pledgepad.jar}: configuration, Vert.x with metrics, the server. */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);
  /** Exit status for an invalid configuration (the message names the setting). */
  static final int EXIT_CONFIG = 2;
  static final int EXIT_START_FAILED = 1;

  private Main() {}

  public static void main(String[] args) {
    if (org.pledgepad.server.privacy.PrivacyLauncher.isCommand(args)) { // before "user ..." of LauncherCommands
      System.exit(org.pledgepad.server.privacy.PrivacyLauncher.run(args, System.getenv(), System.out, System.err));
    }
    if (org.pledgepad.server.access.LauncherCommands.isCommand(args)) {
      System.exit(org.pledgepad.server.access.LauncherCommands.run(args, System.getenv(), System.out, System.err));
      return;
    }
    if (org.pledgepad.server.history.VerifyLauncher.isCommand(args)) {
      System.exit(org.pledgepad.server.history.VerifyLauncher.run(args, System.getenv(), System.out, System.err));
      return;
    }
    ServerConfig config;
    org.pledgepad.server.access.AccessSettings access;
    int warmupRounds;
    boolean preferNative;
    try {
      config = ConfigLoader.fromEnvironment();
      preferNative = NetTransport.preferNative(System.getenv());
      access = org.pledgepad.server.access.AccessSettings.fromEnvironment(System.getenv());
      warmupRounds = StartWarmup.rounds(System.getenv());
    } catch (ConfigException e) {
      System.err.println(e.getMessage());
      System.exit(EXIT_CONFIG);
      return;
    }
    StartWarmup warmup = StartWarmup.begin(warmupRounds); // beside the store's start, before ready
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Vertx vertx = Vertx.builder()
        .with(NetTransport.apply(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)
            // GC pauses, heap pools, process CPU and threads beside our own meters: the collector's
            // pauses are where our latency spikes came from (docs/benchmarks.md), so operators see them.
            .setJvmMetricsEnabled(true)),
            preferNative))
        .withMetrics(new MicrometerMetricsFactory(prometheus))
        .build();
    NetTransport.logChoice(vertx, preferNative);
    ServerVerticle server = new ServerVerticle(config, prometheus, YjsDocument::new,
        new DemoSeeder(ProseMirrorSeedEncoder::encode), new org.pledgepad.server.access.AccessControl(access))
        .readinessCheck("warmup", warmup::done);
    vertx.deployVerticle(server).onFailure(e -> {
      LOG.error("Start failed", e);
      vertx.close().onComplete(v -> System.exit(EXIT_START_FAILED));
    });
    ShutdownOnSignal.install(vertx, config.shutdownGrace());
  }
}
