package org.pledgepad.server.testing;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.nio.file.Path;

/**
 * The server as a separate JVM ({@code org.pledgepad.server.Main} on the test class path), so
 * that tests can kill it the hard way (SIGKILL) and start it again on the same storage.
 */
public final class ServerProcess implements AutoCloseable {
  private static final Duration START_DEADLINE = Duration.ofSeconds(90);

  private final Process process;
  private final int port;
  private final Map<String, String> env;
  private final File log;

  private ServerProcess(Process process, int port, Map<String, String> env, File log) {
    this.process = process;
    this.port = port;
    this.env = env;
    this.log = log;
  }

  public static ServerProcess start(Map<String, String> env, File log) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    return start(env, log, port);
  }

  /** A new process with the same settings on the same port (after this one exited). */
  public ServerProcess restart() throws Exception {
    return start(env, log, port);
  }

  private static ServerProcess start(Map<String, String> env, File log, int port) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
        "org.pledgepad.server.Main"))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
    pb.environment().putAll(env);
    pb.environment().put("PORT", Integer.toString(port));
    pb.environment().put("HOST", "127.0.0.1");
    ServerProcess sp = new ServerProcess(pb.start(), port, env, log);
    sp.awaitReady();
    return sp;
  }

  private void awaitReady() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + START_DEADLINE.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("server exited with " + process.exitValue());
      }
      try {
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(httpBase() + "/health/ready")).build(),
            HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("server not ready in time");
  }

  public String wsBase() {
    return "ws://127.0.0.1:" + port;
  }

  public String httpBase() {
    return "http://127.0.0.1:" + port;
  }

  /** SIGKILL: no shutdown hook, no final snapshot, no flush beyond what committed. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** SIGTERM (the node drains); waits at most {@code max} for the exit and returns its status. */
  public int terminate(Duration max) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(max.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      process.waitFor();
      throw new AssertionError("server did not exit within " + max + " of SIGTERM");
    }
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      process.waitFor();
    }
  }
}
