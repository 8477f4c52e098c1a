package org.pledgepad.server.testing;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;
import org.pledgepad.server.ServerVerticle;
import org.pledgepad.server.auth.AuthHook;
import org.pledgepad.server.auth.GuestAccess;
import org.pledgepad.server.config.ConfigLoader;
import org.pledgepad.server.config.ServerConfig;
import org.pledgepad.server.doc.YjsDocument;
import org.pledgepad.server.seed.DemoSeeder;
import org.pledgepad.server.seed.ProseMirrorSeedEncoder;

/** The real server, in this JVM, on a free port, configured like production from variables. */
public final class ServerHarness implements AutoCloseable {
  private final Vertx vertx;
  private final ServerVerticle server;

  private ServerHarness(Vertx vertx, ServerVerticle server) {
    this.vertx = vertx;
    this.server = server;
  }

  public static ServerHarness start(Map<String, String> env) {
    return start(env, new GuestAccess());
  }

  public static ServerHarness start(Map<String, String> env, AuthHook auth) {
    Map<String, String> all = new HashMap<>(env);
    all.putIfAbsent("PORT", "0");
    all.putIfAbsent("HOST", "127.0.0.1");
    all.putIfAbsent("UNLOAD_DELAY_MS", "200");
    ServerConfig config = ConfigLoader.load(all);
    Vertx vertx = Vertx.vertx();
    ServerVerticle server = new ServerVerticle(config, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
        YjsDocument::new, new DemoSeeder(ProseMirrorSeedEncoder::encode), auth);
    Await.result(vertx.deployVerticle(server));
    return new ServerHarness(vertx, server);
  }

  public int port() {
    return server.actualPort();
  }

  public String wsBase() {
    return "ws://127.0.0.1:" + port();
  }

  public String httpBase() {
    return "http://127.0.0.1:" + port();
  }

  @Override
  public void close() {
    Await.result(vertx.close());
  }
}
