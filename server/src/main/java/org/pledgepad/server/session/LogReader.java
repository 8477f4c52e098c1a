package org.pledgepad.server.session;

import io.vertx.core.Future;
import java.util.List;
import org.pledgepad.server.store.StoredUpdate;

/**
 * Reads the updates other server processes appended to a document's log (the cluster fan-out
 * plugs one in when several nodes share PostgreSQL). Completes on the caller's context.
 */
@FunctionalInterface
public interface LogReader {
  /** Most rows one read returns; a full page makes the session read again. */
  int MAX_ROWS = 1000;

  /** Logged updates with seq greater than {@code afterSeq}, in seq order, at most {@link #MAX_ROWS}. */
  Future<List<StoredUpdate>> readAfter(String document, long afterSeq);
}
