package org.pledgepad.server.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.impl.ConnectionBase;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.pledgepad.server.store.OwnerOnlyDirectories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads that blocking code produces (the history export: hundreds of MB for a large
 * document), written to a file of their own first and then sent from that file at the client's
 * pace. What the producer holds, a worker thread and for the export a read transaction that keeps
 * SQLite's WAL from being checkpointed and PostgreSQL's vacuum from cleaning up, is held only as
 * long as the local disk takes, never as long as a slow or stalled client likes; streaming the
 * export straight into the response held both for up to the download's time limit. Because the
 * whole file exists before the first byte goes out, the answer carries Content-Length (browsers
 * show progress and can tell a cut download), and a failure while producing is answered with a
 * status instead of a closed connection.
 *
 * <p>The files live in a directory of their own (mode 700: they hold a document's whole history)
 * and are deleted when the download ends however it ends; leftovers of a process that died are
 * deleted when the next one opens the directory. At most {@link #MAX_AT_ONCE} downloads are
 * produced or sent at once, all clients together, which bounds the disk they take.
 */
public final class SpooledDownloads {
  private static final Logger LOG = LoggerFactory.getLogger(SpooledDownloads.class);
  private static final String SUFFIX = ".download";
  /** Downloads being produced or sent at once: each holds a file as large as itself. */
  public static final int MAX_AT_ONCE = 8;
  /**
   * How long sending may take in all: a 90 MB export needs about 50 KB/s. A client that takes
   * nothing at all is cut sooner, by {@link StalledWrites} like any other connection.
   */
  static final long MAX_MILLIS = 30 * 60_000;

  /** What writes the download; it runs on the calling worker thread. */
  @FunctionalInterface
  public interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  /** A produced download, waiting to be sent (or dropped). */
  public record Spooled(Path file, long size) {}

  private final Vertx vertx;
  private final Path dir;
  private final long maxMillis;
  private final AtomicInteger active = new AtomicInteger();

  private SpooledDownloads(Vertx vertx, Path dir, long maxMillis) {
    this.vertx = vertx;
    this.dir = dir;
    this.maxMillis = maxMillis;
  }

  /** Creates {@code dir} (mode 700) if missing and deletes what an earlier process left in it. */
  public static SpooledDownloads open(Vertx vertx, Path dir) throws IOException {
    return open(vertx, dir, MAX_MILLIS);
  }

  static SpooledDownloads open(Vertx vertx, Path dir, long maxMillis) throws IOException {
    OwnerOnlyDirectories.create(dir);
    int left = 0;
    try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
      for (Path p : old) {
        Files.deleteIfExists(p);
        left++;
      }
    }
    if (left > 0) {
      LOG.info("Deleted {} unfinished download file(s) of an earlier run", left);
    }
    return new SpooledDownloads(vertx, dir, maxMillis);
  }

  /**
   * Takes one of the {@link #MAX_AT_ONCE} places; false when all are taken (answer 503). Every
   * true must be followed by one {@link #release()} once the request is settled.
   */
  public boolean tryReserve() {
    if (active.incrementAndGet() > MAX_AT_ONCE) {
      active.decrementAndGet();
      return false;
    }
    return true;
  }

  public void release() {
    active.decrementAndGet();
  }

  /** Downloads that hold a place now (tests, metrics). */
  public int active() {
    return active.get();
  }

  /**
   * Blocking, on a worker: runs {@code body} into a new file. A failure deletes the file and is
   * thrown, nothing having been sent.
   */
  public Spooled produce(Body body) throws IOException {
    Path file = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
        ? Files.createTempFile(dir, "export-", SUFFIX,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
        : Files.createTempFile(dir, "export-", SUFFIX);
    boolean done = false;
    try {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 << 10)) {
        body.writeTo(out);
      }
      Spooled spooled = new Spooled(file, Files.size(file));
      done = true;
      return spooled;
    } finally {
      if (!done) {
        Files.deleteIfExists(file);
      }
    }
  }

  /**
   * On the request's context: sends {@code spooled} with the headers {@code head} sets, then
   * deletes it. The future completes when the request is settled: sent whole, or the connection
   * closed (the client left, was cut by {@link StalledWrites}, or ran out of {@link #MAX_MILLIS});
   * it does not fail.
   *
   * @param what names the download in the log (no contents)
   */
  public Future<Void> send(HttpServerRequest request, Spooled spooled, String what,
      Handler<HttpServerResponse> head) {
    HttpServerResponse response = request.response();
    Promise<Void> settled = Promise.promise();
    if (response.closed()) {
      delete(spooled.file()).onComplete(x -> settled.complete());
      return settled.future();
    }
    vertx.fileSystem().open(spooled.file().toString(), new OpenOptions().setRead(true).setWrite(false))
        .onFailure(e -> {
          LOG.error("{}: its file could not be opened", what, e);
          response.setStatusCode(500).end();
          delete(spooled.file()).onComplete(x -> settled.complete());
        })
        .onSuccess(file -> {
          head.handle(response);
          response.putHeader(HttpHeaders.CONTENT_LENGTH, Long.toString(spooled.size()));
          long deadline = vertx.setTimer(maxMillis, t -> {
            LOG.warn("{} ended: not downloaded within {} minutes", what, TimeUnit.MILLISECONDS.toMinutes(maxMillis));
            closeNow(request);
          });
          boolean[] over = {false};
          Handler<Boolean> finish = whole -> {
            if (over[0]) {
              return;
            }
            over[0] = true;
            vertx.cancelTimer(deadline);
            if (!whole) {
              LOG.debug("{} stopped: the client went away or stopped reading", what);
              // A short body under a full Content-Length is closed, never ended.
              closeNow(request);
            }
            closeAndDelete(file, spooled.file()).onComplete(x -> settled.complete());
          };
          // By hand rather than a pipe: a pipe paused for a client that reads nothing does not
          // learn that its connection was closed.
          response.closeHandler(v -> finish.handle(response.ended()));
          response.exceptionHandler(e -> finish.handle(false));
          file.exceptionHandler(e -> {
            LOG.error("{}: reading its file failed", what, e);
            finish.handle(false);
          });
          file.endHandler(v -> response.end().onComplete(ar -> finish.handle(ar.succeeded())));
          file.handler(chunk -> {
            response.write(chunk);
            if (response.writeQueueFull()) {
              file.pause();
              response.drainHandler(x -> file.resume());
            }
          });
        });
    return settled.future();
  }

  /** Closes the connection at once, even with writes queued for a client that reads nothing. */
  private static void closeNow(HttpServerRequest request) {
    if (request.connection() instanceof ConnectionBase c) {
      HardClose.channel(c.channel());
    } else {
      request.connection().close();
    }
  }

  private Future<Void> closeAndDelete(AsyncFile file, Path path) {
    return file.close().transform(x -> delete(path));
  }

  private Future<Void> delete(Path path) {
    return vertx.<Void>executeBlocking(() -> {
      try {
        Files.deleteIfExists(path);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return null;
    }, false).recover(e -> {
      LOG.warn("A download file could not be deleted; the next start deletes it", e);
      return Future.succeededFuture();
    });
  }
}
