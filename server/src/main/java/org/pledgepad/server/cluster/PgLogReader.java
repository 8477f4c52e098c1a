package org.pledgepad.server.cluster;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import org.pledgepad.server.session.LogReader;
import org.pledgepad.server.store.StoredUpdate;

/**
 * Reads the rows other nodes appended to a document's log, by seq. Uses its own small pool so
 * that catching up never waits behind this node's commits in the store's pool.
 */
final class PgLogReader implements LogReader {
  private final Pool pool;

  PgLogReader(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<List<StoredUpdate>> readAfter(String document, long afterSeq) {
    return pool.preparedQuery(
            "SELECT seq, created_at, actor, connection_id, update_v1 FROM document_updates"
                + " WHERE document = $1 AND seq > $2 ORDER BY seq LIMIT $3")
        .execute(Tuple.of(document, afterSeq, MAX_ROWS))
        .map(rows -> {
          List<StoredUpdate> out = new ArrayList<>(rows.size());
          for (Row r : rows) {
            Buffer update = r.getBuffer(4); // null once erased (schema V5)
            out.add(new StoredUpdate(r.getLong(0), r.getOffsetDateTime(1).toInstant(), r.getString(2),
                r.getString(3), update == null ? null : update.getBytes()));
          }
          return out;
        });
  }
}
