package org.pledgepad.server.http;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A download that blocking code (JDBC) produces on a worker thread, written into the HTTP
 * response chunk by chunk as it is produced instead of built in memory first (the history export
 * of a large document is hundreds of MB). The producer waits while the response's write queue is
 * full, so a client that reads slowly or not at all holds back the reading, not the heap. A client
 * that goes away, reads nothing for {@link #STALL_MILLIS}, or has not taken the whole download
 * within {@link #MAX_MILLIS}, makes the next write throw, so the producer unwinds and closes what
 * it holds (the read transaction).
 *
 * <p>Once the first chunk is out, the status line is 200 and an error can no longer be answered
 * with a status: the connection is then closed without the terminating chunk, which every HTTP
 * client reports as a failed download, so a truncated file is not taken for a whole one.
 */
public final class ResponseStream extends OutputStream {
  private static final Logger LOG = LoggerFactory.getLogger(ResponseStream.class);
  static final int CHUNK = 64 << 10;
  /**
   * How long the producer waits for a client that takes nothing: it holds a worker thread and,
   * for the history export, a read transaction (SQLite's WAL checkpoint, PostgreSQL's vacuum).
   */
  static final long STALL_MILLIS = 60_000;
  /**
   * How long a download may take in all. A client that reads a little before every stall limit
   * (a trickle) would otherwise hold the worker and the read transaction for as long as it likes;
   * a 90 MB export needs about 50 KB/s to finish within this.
   */
  static final long MAX_MILLIS = 30 * 60_000;

  /** What writes the download; it runs on the calling worker thread. */
  @FunctionalInterface
  public interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  private final Context context;
  private final HttpServerResponse response;
  private final String what;
  private final Handler<HttpServerResponse> head;
  private final long stallMillis;
  /** System.nanoTime() after which the download is ended however the client reads. */
  private final long endBy;
  private final long maxMillis;
  private final Object lock = new Object();
  /** Guarded by lock: ended for taking longer than maxMillis. */
  private boolean overtime;
  /** Guarded by lock: the last chunk was queued and the queue has room for the next. */
  private boolean writable = true;
  /** Guarded by lock: the client went away or stopped reading. */
  private boolean gone;
  /** The producer waits for the client to take what was queued (a seam for tests). */
  private volatile boolean waiting;
  private byte[] chunk = new byte[CHUNK];
  private int count;
  /** Worker side: a chunk was handed to the event loop, so the status line may be out. */
  private boolean sent;

  /**
   * Call on the request's event loop ({@code context}), before handing the work to a worker.
   *
   * @param what names the download in the log (no contents)
   * @param head sets the headers (Content-Type, Content-Disposition) before the first chunk
   */
  public ResponseStream(Context context, HttpServerResponse response, String what, Handler<HttpServerResponse> head) {
    this(context, response, what, head, STALL_MILLIS, MAX_MILLIS);
  }

  ResponseStream(Context context, HttpServerResponse response, String what, Handler<HttpServerResponse> head,
      long stallMillis, long maxMillis) {
    this.context = context;
    this.response = response;
    this.what = what;
    this.head = head;
    this.stallMillis = stallMillis;
    this.maxMillis = maxMillis;
    this.endBy = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
    response.closeHandler(v -> goneAway());
    response.exceptionHandler(e -> goneAway());
  }

  /**
   * Runs {@code body} on this worker thread into this stream, then ends the response. Returns
   * normally once the request is settled: answered whole, closed after an error past the first
   * bytes (logged), or left by the client. Throws what {@code body} threw while nothing was sent
   * yet, so the caller can still answer with an error status.
   */
  public void stream(Body body) throws IOException {
    boolean settled = false;
    try {
      body.writeTo(this);
      finish();
      settled = true;
    } catch (IOException | RuntimeException e) {
      if (isOvertime()) {
        LOG.warn("{} ended: not downloaded within {} minutes", what, TimeUnit.MILLISECONDS.toMinutes(maxMillis));
      } else if (isGone()) {
        LOG.debug("{} stopped: the client went away or stopped reading", what);
      } else if (sent) {
        LOG.error("{} failed after its first bytes; connection closed", what, e);
      } else {
        throw e;
      }
      settled = true;
      reset();
    } finally {
      if (!settled && sent) {
        reset(); // an Error on its way up: the caller can no longer answer with a status either
      }
    }
  }

  @Override
  public void write(int b) throws IOException {
    if (count == CHUNK) {
      flushChunk();
    }
    chunk[count++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    while (len > 0) {
      if (count == CHUNK) {
        flushChunk();
      }
      int n = Math.min(len, CHUNK - count);
      System.arraycopy(b, off, chunk, count, n);
      count += n;
      off += n;
      len -= n;
    }
  }

  /** Whether the producer is waiting for the client to read (tests). */
  boolean waitingForClient() {
    return waiting;
  }

  private void flushChunk() throws IOException {
    awaitWritable();
    Buffer out = Buffer.buffer(chunk);
    chunk = new byte[CHUNK]; // the event loop owns the full one now
    count = 0;
    boolean first = begin();
    synchronized (lock) {
      writable = false;
    }
    context.runOnContext(v -> {
      if (first) {
        head();
      }
      response.write(out);
      if (response.writeQueueFull()) {
        response.drainHandler(x -> {
          response.drainHandler(null);
          setWritable();
        });
      } else {
        setWritable();
      }
    });
  }

  private void finish() throws IOException {
    awaitWritable();
    Buffer last = Buffer.buffer(Arrays.copyOf(chunk, count));
    boolean first = begin();
    context.runOnContext(v -> {
      if (first) {
        head();
      }
      response.end(last);
    });
  }

  private boolean begin() {
    boolean first = !sent;
    sent = true;
    return first;
  }

  private void head() {
    response.setChunked(true);
    head.handle(response);
  }

  private void awaitWritable() throws IOException {
    synchronized (lock) {
      long now = System.nanoTime();
      long stalled = now + TimeUnit.MILLISECONDS.toNanos(stallMillis);
      long deadline = stalled - endBy < 0 ? stalled : endBy;
      if (now - endBy >= 0) {
        overtime = true;
        gone = true; // closed like a connection the client left
      }
      try {
        while (!writable && !gone) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            overtime = deadline == endBy;
            gone = true; // stalled (or out of time): closed like a connection the client left
            break;
          }
          waiting = true;
          TimeUnit.NANOSECONDS.timedWait(lock, left);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        gone = true;
      } finally {
        waiting = false;
      }
      if (gone) {
        throw new IOException("the client went away or stopped reading");
      }
    }
  }

  private void setWritable() {
    synchronized (lock) {
      writable = true;
      lock.notifyAll();
    }
  }

  private void goneAway() {
    synchronized (lock) {
      gone = true;
      lock.notifyAll();
    }
  }

  private boolean isOvertime() {
    synchronized (lock) {
      return overtime;
    }
  }

  private boolean isGone() {
    synchronized (lock) {
      return gone;
    }
  }

  /** Closes the connection unless the response was ended (then there is nothing to take back). */
  private void reset() {
    context.runOnContext(v -> {
      if (!response.ended()) {
        response.reset();
      }
    });
  }
}
