package org.pledgepad.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.server.testing.ServerProcess;

/**
 * The server as it is started in production ({@code Main}) exports the JVM's own meters beside
 * ours: collector pauses and allocation, heap pools, process CPU, threads. An operator tuning
 * the collector (deploy/jvm.options) reads them from /metrics.
 */
class ProcessMetricsIntegrationTest {
  @TempDir
  Path dataDir;

  @Tag("slow")
  @Test
  void metricsCarryTheJvmMetersBesideTheServersOwn() throws Exception {
    Map<String, String> env = Map.of("DATA_DIR", dataDir.toString(), "SEED_DEMO", "false");
    File log = dataDir.resolve("server.log").toFile();
    try (ServerProcess server = ServerProcess.start(env, log)) {
      HttpResponse<String> r = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(server.httpBase() + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains(
          "pledgepad_connections",
          "jvm_gc_memory_allocated_bytes_total",
          "jvm_memory_used_bytes{area=\"heap\"",
          "process_cpu_usage",
          "jvm_threads_live_threads");
    }
  }
}
