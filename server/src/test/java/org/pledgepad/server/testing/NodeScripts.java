package org.pledgepad.server.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the Node scripts of server/src/test/node (real yjs, y-websocket and Hocuspocus clients).
 * Installs the locked dependencies with {@code npm ci} when node_modules is missing. Without Node,
 * tests are skipped locally and fail when CI=true.
 */
public final class NodeScripts {
  private static final long SCRIPT_TIMEOUT_SECONDS = 180;
  private static volatile boolean ready;

  private NodeScripts() {}

  public static Path dir() {
    String p = System.getProperty("pledgepad.nodeDir");
    return Path.of(p != null ? p : "src/test/node").toAbsolutePath();
  }

  public static synchronized void requireNode() {
    if (ready) {
      return;
    }
    try {
      exec(List.of("node", "--version"), dir(), 30);
    } catch (Exception e) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError("Node.js is required when CI=true", e);
      }
      Assumptions.abort("Node.js not available: " + e.getMessage());
    }
    if (!Files.isDirectory(dir().resolve("node_modules"))) {
      exec(List.of("npm", "ci", "--no-audit", "--no-fund"), dir(), 600);
    }
    ready = true;
  }

  /** Runs a script and returns its last line of output; fails the test on a non-zero exit. */
  public static String run(String script, String... args) {
    requireNode();
    List<String> cmd = new ArrayList<>();
    cmd.add("node");
    cmd.add(script);
    cmd.addAll(List.of(args));
    String out = exec(cmd, dir(), SCRIPT_TIMEOUT_SECONDS).strip();
    int nl = out.lastIndexOf('\n');
    return nl < 0 ? out : out.substring(nl + 1);
  }

  private static String exec(List<String> cmd, Path dir, long timeoutSeconds) {
    try {
      File err = File.createTempFile("node-stderr", ".txt");
      File out = File.createTempFile("node-stdout", ".txt");
      try {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile())
            .redirectOutput(out).redirectError(err).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new AssertionError(String.join(" ", cmd) + " did not finish; stderr:\n" + read(err));
        }
        if (p.exitValue() != 0) {
          throw new AssertionError(String.join(" ", cmd) + " exited with " + p.exitValue()
              + "; stdout:\n" + read(out) + "\nstderr:\n" + read(err));
        }
        return read(out);
      } finally {
        out.delete();
        err.delete();
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + cmd.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String read(File f) throws IOException {
    return Files.readString(f.toPath(), StandardCharsets.UTF_8);
  }
}
