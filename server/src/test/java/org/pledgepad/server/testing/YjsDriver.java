package org.pledgepad.server.testing;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real Yjs clients in one Node process (src/test/node/cluster-driver.mjs), commanded line by
 * line; commands run concurrently, so a test can stop a server while a client types.
 */
public final class YjsDriver implements AutoCloseable {
  private static final long ANSWER_TIMEOUT_SECONDS = 90;

  private final Process process;
  private final Writer in;
  private final Map<String, CompletableFuture<JsonObject>> answers = new ConcurrentHashMap<>();
  private final AtomicInteger tags = new AtomicInteger();

  private YjsDriver(Process process) {
    this.process = process;
    this.in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader = new Thread(this::readAnswers, "yjs-driver-out");
    reader.setDaemon(true);
    reader.start();
  }

  public static YjsDriver start() throws IOException {
    NodeScripts.requireNode();
    File err = File.createTempFile("yjs-driver", ".stderr");
    err.deleteOnExit();
    Process p = new ProcessBuilder("node", "cluster-driver.mjs").directory(NodeScripts.dir().toFile())
        .redirectError(err).start();
    return new YjsDriver(p);
  }

  private void readAnswers() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        JsonObject answer;
        try {
          answer = new JsonObject(line);
        } catch (RuntimeException notJson) {
          continue; // library chatter on stdout
        }
        CompletableFuture<JsonObject> f = answers.remove(answer.getString("tag", ""));
        if (f != null) {
          f.complete(answer);
        }
      }
    } catch (IOException e) {
      // process ended: pending answers fail below
    }
    answers.values().forEach(f -> f.completeExceptionally(new IllegalStateException("driver ended")));
  }

  /** Sends a command; the answer (or its failure) arrives later. */
  public synchronized CompletableFuture<JsonObject> send(JsonObject command) {
    String tag = "t" + tags.incrementAndGet();
    CompletableFuture<JsonObject> f = new CompletableFuture<>();
    answers.put(tag, f);
    try {
      in.write(command.copy().put("tag", tag).encode() + "\n");
      in.flush();
    } catch (IOException e) {
      answers.remove(tag);
      f.completeExceptionally(e);
    }
    return f;
  }

  /** Sends a command and waits for its answer; a failed command fails the test. */
  public JsonObject call(JsonObject command) {
    return await(send(command));
  }

  public static JsonObject await(CompletableFuture<JsonObject> answer) {
    JsonObject a;
    try {
      a = answer.get(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("no answer from the Yjs driver", e);
    }
    if (!a.getBoolean("ok", false)) {
      throw new AssertionError("Yjs driver: " + a.getString("error"));
    }
    return a;
  }

  public void open(String id, String base, String doc, String protocol, String token) {
    JsonObject c = new JsonObject().put("op", "open").put("id", id).put("base", base).put("doc", doc)
        .put("protocol", protocol);
    if (token != null) {
      c.put("token", token);
    }
    call(c);
  }

  public java.util.List<Object> list(String id) {
    return call(new JsonObject().put("op", "state").put("id", id)).getJsonArray("list").getList();
  }

  public void waitFor(String id, java.util.Collection<?> entries) {
    call(new JsonObject().put("op", "waitFor").put("id", id).put("entries", new io.vertx.core.json.JsonArray(
        new java.util.ArrayList<>(entries))));
  }

  @Override
  public void close() {
    send(new JsonObject().put("op", "exit"));
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
