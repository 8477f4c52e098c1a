package org.pledgepad.server.store;

import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.pledgepad.history.ChainBuilder;
import org.pledgepad.history.LogRow;

/**
 * The rows of one PostgreSQL append transaction: for each document, one execution of
 * {@link #SQL}, which moves the document's head from the head the rows were chained on and
 * inserts the rows, or — when the head is no longer that one (another node appended, or the
 * document row is missing) — does neither and reports 0 rows. So a server may chain new rows on a
 * head it remembers, without locking and reading the row first, and still never forks a chain.
 */
final class PgAppend {
  /** A document's newest row: seq (0: none) and chain hash. */
  record Head(long seq, byte[] hash) {}

  /**
   * $1 document, $2/$3 the head the rows continue, $4/$5 the new head, $6 created_at, $7...$13
   * the rows' columns as arrays. One execution per document (not per row): the rows go in with
   * one statement, the head moves with it, and nothing is locked or read beforehand.
   */
  static final String SQL = "WITH head AS (UPDATE documents SET head_seq = $4, head_hash = $5, updated_at = now()"
      + " WHERE name = $1 AND head_seq = $2 AND head_hash = $3 RETURNING name)"
      + " INSERT INTO document_updates (document, seq, created_at, actor, connection_id, update_v1, hash, salt,"
      + " commitment)"
      + " SELECT head.name, r.seq, $6, r.actor, r.connection_id, r.update_v1, r.hash, r.salt, r.commitment"
      + " FROM head, unnest($7::bigint[], $8::text[], $9::text[], $10::bytea[], $11::bytea[], $12::bytea[],"
      + " $13::bytea[]) AS r(seq, actor, connection_id, update_v1, hash, salt, commitment)";

  /** One document's share of the transaction: its statement's arguments and the head after it. */
  record DocumentRows(String document, Tuple arguments, int rows, Head after) {}

  private final List<DocumentRows> documents;
  private final List<List<Long>> seqs;

  private PgAppend(List<DocumentRows> documents, List<List<Long>> seqs) {
    this.documents = documents;
    this.seqs = seqs;
  }

  /**
   * Chains every append's updates on its document's head ({@code headOf}); a document that
   * occurs several times continues its chain in batch order.
   */
  static PgAppend plan(List<AppendCoalescer.Pending> batch, Function<String, Head> headOf, long nowMillis) {
    // Exact milliseconds: they are hashed, and timestamptz gives them back unchanged.
    OffsetDateTime at = OffsetDateTime.ofInstant(Instant.ofEpochMilli(nowMillis), ZoneOffset.UTC);
    Map<String, Head> before = new LinkedHashMap<>();
    Map<String, ChainBuilder> chains = new LinkedHashMap<>();
    Map<String, List<LogRow>> rows = new LinkedHashMap<>();
    List<List<Long>> seqs = new ArrayList<>(batch.size());
    for (AppendCoalescer.Pending p : batch) {
      ChainBuilder chain = chains.computeIfAbsent(p.document(), d -> {
        Head h = headOf.apply(d);
        before.put(d, h);
        return new ChainBuilder(d, h.seq(), h.hash());
      });
      List<LogRow> out = rows.computeIfAbsent(p.document(), d -> new ArrayList<>());
      List<Long> these = new ArrayList<>(p.updates().size());
      for (NewUpdate u : p.updates()) {
        LogRow row = chain.next(nowMillis, u.actor(), u.connectionId(), u.update());
        out.add(row);
        these.add(row.seq());
      }
      seqs.add(these);
    }
    List<DocumentRows> documents = new ArrayList<>(chains.size());
    chains.forEach((d, chain) -> {
      Head from = before.get(d);
      Head to = new Head(chain.headSeq(), chain.headHash());
      documents.add(new DocumentRows(d, arguments(d, from, to, at, rows.get(d)), rows.get(d).size(), to));
    });
    return new PgAppend(documents, seqs);
  }

  private static Tuple arguments(String document, Head from, Head to, OffsetDateTime at, List<LogRow> rows) {
    int n = rows.size();
    Long[] seq = new Long[n];
    String[] actor = new String[n];
    String[] connection = new String[n];
    Buffer[] update = new Buffer[n];
    Buffer[] hash = new Buffer[n];
    Buffer[] salt = new Buffer[n];
    Buffer[] commitment = new Buffer[n];
    for (int i = 0; i < n; i++) {
      LogRow r = rows.get(i);
      seq[i] = r.seq();
      actor[i] = r.actor();
      connection[i] = r.connectionId();
      update[i] = Buffer.buffer(r.update());
      hash[i] = Buffer.buffer(r.hash());
      salt[i] = Buffer.buffer(r.salt());
      commitment[i] = Buffer.buffer(r.commitment());
    }
    return Tuple.from(List.of(document, from.seq(), Buffer.buffer(from.hash()), to.seq(),
        Buffer.buffer(to.hash()), at, seq, actor, connection, update, hash, salt, commitment));
  }

  List<DocumentRows> documents() {
    return documents;
  }

  /** The seqs of each append, in batch order. */
  List<List<Long>> seqs() {
    return seqs;
  }

  List<Tuple> arguments() {
    List<Tuple> out = new ArrayList<>(documents.size());
    documents.forEach(d -> out.add(d.arguments()));
    return out;
  }
}
