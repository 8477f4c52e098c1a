package org.pledgepad.server.testing;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server as a separate JVM ({@code org.pledgepad.server.Main} on the test class path), so
 * that tests can kill it the hard way (SIGKILL) and start it again on the same storage.
 *
 * <p>A first start asks the child for port 0 and learns the port from the line the server logs
 * once it listens: probing a free port here and handing it over would race with every other test
 * that binds a port in between.
 */
public final class ServerProcess implements AutoCloseable {
  private static final Duration START_DEADLINE = Duration.ofSeconds(90);
  /** ServerVerticle's "Pledgepad listening on HOST:PORT (... store)" (text or JSON log line). */
  static final Pattern LISTENING = Pattern.compile("Pledgepad listening on [^\\s:]+:(\\d+)\\b");

  private final Process process;
  private final String java;
  private final Map<String, String> env;
  private final File log;
  private final CompletableFuture<Integer> boundPort = new CompletableFuture<>();
  private int port;

  private ServerProcess(Process process, String java, Map<String, String> env, File log) {
    this.process = process;
    this.java = java;
    this.env = env;
    this.log = log;
  }

  public static ServerProcess start(Map<String, String> env, File log) throws Exception {
    return start(Path.of(System.getProperty("java.home"), "bin", "java").toString(), env, log, 0);
  }

  /** The same on another JVM ({@code javaBinary}: its bin/java), e.g. a newer JDK than the tests'. */
  public static ServerProcess startOn(Path javaBinary, Map<String, String> env, File log) throws Exception {
    return start(javaBinary.toString(), env, log, 0);
  }

  /**
   * A new process with the same settings on the same port (after this one exited): clients were
   * told this address. The port is free again once the old process is gone; only a stranger
   * binding exactly it in that moment could take it, and the start then fails loudly.
   */
  public ServerProcess restart() throws Exception {
    return start(java, env, log, port);
  }

  private static ServerProcess start(String java, Map<String, String> env, File log, int port) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
        "org.pledgepad.server.Main"))
        .redirectErrorStream(true);
    pb.environment().putAll(env);
    pb.environment().put("PORT", Integer.toString(port));
    pb.environment().put("HOST", "127.0.0.1");
    ServerProcess sp = new ServerProcess(pb.start(), java, env, log);
    sp.copyOutput();
    sp.awaitReady();
    return sp;
  }

  /** The child's output goes on to the log file as before; the listening line gives the port. */
  private void copyOutput() throws IOException {
    OutputStream out = Files.newOutputStream(log.toPath(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    Thread pump = new Thread(() -> {
      try (out; BufferedReader in = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
          out.flush();
          Matcher m = LISTENING.matcher(line);
          if (!boundPort.isDone() && m.find()) {
            boundPort.complete(Integer.parseInt(m.group(1)));
          }
        }
      } catch (IOException e) {
        boundPort.completeExceptionally(new UncheckedIOException("reading the server's output", e));
      } finally {
        boundPort.completeExceptionally(new IllegalStateException("server output ended before it listened"));
      }
    }, "server-output-" + process.pid());
    pump.setDaemon(true);
    pump.start();
  }

  private void awaitReady() throws Exception {
    long deadline = System.nanoTime() + START_DEADLINE.toNanos();
    port = awaitPort(deadline);
    HttpClient http = HttpClient.newHttpClient();
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

  private int awaitPort(long deadline) throws Exception {
    while (true) {
      try {
        return boundPort.get(100, TimeUnit.MILLISECONDS);
      } catch (TimeoutException notYet) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("server did not report a listening port in time");
        }
      } catch (ExecutionException outputEnded) {
        throw new IllegalStateException("server exited with " + process.waitFor(), outputEnded.getCause());
      }
    }
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
    if (!process.waitFor(max.toMillis(), TimeUnit.MILLISECONDS)) {
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
