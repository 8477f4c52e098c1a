package org.pledgepad.server.store;

import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the nodes sharing the database which documents an append just committed: one
 * notification per document on {@link #CHANNEL}, payload {@code <newest seq>:<document>}.
 *
 * <p>Sent after the append's COMMIT returned, never inside it: a notifying transaction holds a
 * cluster-wide lock from its commit until its commit record is flushed, so notifying appends
 * could not share a flush (schema V14 removed the trigger that did so). This statement writes no
 * data, so PostgreSQL commits it without a flush (measured: no WAL sync for 200 of them) and
 * holds that lock only briefly. A lost notification is no worse than one sent while a listener
 * was disconnected: the rows are durable, and listeners read everything after their head with
 * the document's next notification or when they resubscribe. A node with no other node listening
 * announces nothing (the constructor's {@code othersMayListen}; {@code cluster.ClusterPeers} says when).
 */
public final class CommitNotifier {
  /** The channel the cluster fan-out listens on. */
  public static final String CHANNEL = "pledgepad_updates";

  private static final Logger LOG = LoggerFactory.getLogger(CommitNotifier.class);
  private static final String NOTIFY = "SELECT pg_notify('" + CHANNEL + "', n) FROM unnest($1::text[]) AS n";

  private final Pool pool;
  private final BooleanSupplier othersMayListen;

  /** @param othersMayListen announce only while this holds (a lone node need not hear itself) */
  CommitNotifier(Pool pool, BooleanSupplier othersMayListen) {
    this.pool = pool;
    this.othersMayListen = othersMayListen;
  }

  /** Fire and forget: the append is acknowledged already. One statement for every document. */
  void committed(Map<String, Long> newestSeqByDocument) {
    if (newestSeqByDocument.isEmpty() || !othersMayListen.getAsBoolean()) {
      return;
    }
    String[] payloads = new String[newestSeqByDocument.size()];
    int i = 0;
    for (Map.Entry<String, Long> e : newestSeqByDocument.entrySet()) {
      payloads[i++] = e.getValue() + ":" + e.getKey();
    }
    pool.preparedQuery(NOTIFY).execute(Tuple.of(payloads)).onFailure(e ->
        LOG.warn("Notifying {} committed documents failed; other nodes read them later", payloads.length, e));
  }
}
