package org.pledgepad.crdt.conformance;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.pledgepad.crdt.lib0.Json;

/**
 * The Node process running crdt/conformance/fuzz-peer.mjs with the real yjs package, spoken to
 * over stdin/stdout with length-prefixed JSON frames. Finding Node and installing the pinned
 * node_modules (npm ci) happens here, so the test needs no manual setup.
 */
final class NodePeer implements AutoCloseable {
  private final Process process;
  private final DataOutputStream out;
  private final DataInputStream in;

  private NodePeer(Process process) {
    this.process = process;
    this.out = new DataOutputStream(process.getOutputStream());
    this.in = new DataInputStream(process.getInputStream());
  }

  /** crdt/conformance, whether the tests run from crdt/ (Maven) or from the repository root. */
  static Path conformanceDir() {
    Path cwd = Path.of("").toAbsolutePath();
    for (Path p : List.of(cwd.resolve("conformance"), cwd.resolve("crdt/conformance"))) {
      if (Files.isRegularFile(p.resolve("fuzz-peer.mjs"))) {
        return p;
      }
    }
    throw new IllegalStateException("crdt/conformance/fuzz-peer.mjs not found from " + cwd);
  }

  /**
   * Starts the peer, running npm ci first when node_modules is absent. Without node or npm the
   * test is skipped with a message, except under CI=true, where it fails.
   */
  static NodePeer start() throws IOException, InterruptedException {
    Path dir = conformanceDir();
    boolean ci = "true".equals(System.getenv("CI"));
    if (!commandWorks(dir, "node", "--version")) {
      unavailable(ci, "node is not on the PATH; the live differential fuzz against yjs needs Node 20+");
    }
    if (!Files.isDirectory(dir.resolve("node_modules/yjs"))) {
      boolean npm = commandWorks(dir, "npm", "--version");
      if (!npm) {
        unavailable(ci, "npm is not on the PATH and " + dir.resolve("node_modules") + " is missing");
      }
      Process p = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(dir.toFile())
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(new File(dir.toFile(), "npm-ci.log"))).start();
      if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0 || !Files.isDirectory(dir.resolve("node_modules/yjs"))) {
        p.destroyForcibly();
        unavailable(ci, "npm ci in " + dir + " failed (see npm-ci.log there)");
      }
    }
    Process node = new ProcessBuilder("node", "fuzz-peer.mjs").directory(dir.toFile())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    return new NodePeer(node);
  }

  private static void unavailable(boolean ci, String why) {
    if (ci) {
      Assertions.fail(why + " (CI=true, so this is a failure, not a skip)");
    }
    Assumptions.abort("Skipping the live differential fuzz against yjs: " + why);
  }

  private static boolean commandWorks(Path dir, String... cmd) {
    try {
      Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(1, TimeUnit.MINUTES) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Sends one request and returns the reply; a peer-side exception becomes an IllegalStateException. */
  Map<String, Object> call(Map<String, Object> request) {
    try {
      byte[] body = Json.stringify(request).getBytes(StandardCharsets.UTF_8);
      out.writeInt(body.length);
      out.write(body);
      out.flush();
      int len = in.readInt();
      byte[] reply = in.readNBytes(len);
      Map<String, Object> m = Corpus.map(Json.parse(new String(reply, StandardCharsets.UTF_8)));
      if (m.containsKey("error")) {
        throw new IllegalStateException("fuzz-peer.mjs failed on " + request.get("cmd") + ": " + m.get("error"));
      }
      return m;
    } catch (IOException e) {
      throw new UncheckedIOException("fuzz-peer.mjs stopped answering", e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    try {
      out.close();
    } catch (IOException ignored) {
      // the process may already be gone
    }
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
