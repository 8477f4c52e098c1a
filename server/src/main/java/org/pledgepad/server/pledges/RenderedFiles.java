package org.pledgepad.server.pledges;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.pledgepad.pledges.export.ExportFile;
import org.pledgepad.server.cache.BoundedCache;

/**
 * The open-data files as last rendered, each with the records it was rendered from. The renderers
 * are deterministic, so a request whose freshly read records equal the kept ones gets the kept
 * file: its ETag (the hash of its bytes) is known without rendering, and a conditional GET that
 * answers 304 costs the reads, not a render. The records are compared by value, not by version
 * numbers: a document's text, its metadata, links, statuses and successions have no common
 * version (erasure rewrites text without a new head seq; other nodes write the tables), and the
 * ETag must change whenever the body would. Renders and comparisons run on a worker.
 */
final class RenderedFiles {
  /** Bytes of rendered files kept (the records they came from are mostly shared with the document cache). */
  static final long MAX_KEPT_BYTES = 16L * 1024 * 1024;

  private record Kept(Object source, ExportFile file, int bytes) {}

  private final Vertx vertx;
  private final BoundedCache<String, Kept> kept = new BoundedCache<>(MAX_KEPT_BYTES, Kept::bytes);
  private final AtomicLong renders = new AtomicLong();

  RenderedFiles(Vertx vertx) {
    this.vertx = vertx;
  }

  /**
   * The file {@code key} (its URL path) rendered from {@code source}: the kept one when it was
   * rendered from equal records, otherwise rendered now and kept.
   */
  Future<ExportFile> file(String key, Object source, Callable<ExportFile> render) {
    return vertx.executeBlocking(() -> {
      Kept k = kept.get(key);
      if (k != null && k.source().equals(source)) {
        return k.file();
      }
      renders.incrementAndGet();
      ExportFile f = render.call();
      kept.put(key, new Kept(source, f, f.content().length));
      return f;
    }, false);
  }

  /** Files rendered since the start (tests: a 304 must not render). */
  long renders() {
    return renders.get();
  }
}
