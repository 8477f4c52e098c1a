package org.pledgepad.server.store;

import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.pledgepad.history.ChainBuilder;
import org.pledgepad.history.LogRow;

/**
 * The rows of one PostgreSQL append transaction, written by one execution of {@link #SQL} for
 * all its documents: it moves each document's head from the head its rows were chained on and
 * inserts those rows — or, for a document whose head is no longer that one (another node
 * appended, or the document row is missing), does neither, and that document is missing from the
 * statement's result. So a server may chain new rows on a head it remembers, without locking and
 * reading the row first, and still never forks a chain.
 */
final class PgAppend {
  /** A document's newest row: seq (0: none) and chain hash. */
  record Head(long seq, byte[] hash) {}

  /**
   * $1...$5 per document (name, the head the rows continue, the new head), $6 created_at,
   * $7...$14 per row (document and columns). One statement for the whole transaction: PostgreSQL
   * plans and runs one UPDATE and one INSERT however many documents a commit carries (one
   * statement per document cost ~2.7 times its CPU per row, docs/benchmarks.md). The documents
   * come sorted by name, and the plan PostgreSQL picks drives the UPDATE from that list (a nested
   * loop over the documents' primary key; EXPLAIN of the generic plan with 100,000 documents), so
   * row locks are taken in the order the locking path takes them. Were another plan chosen, a
   * deadlock between two nodes would abort one transaction, whose appends the coalescer retries.
   * Result: one row (document, rows inserted) per document whose head moved.
   */
  static final String SQL = "WITH v AS (SELECT * FROM unnest($1::text[], $2::bigint[], $3::bytea[], $4::bigint[],"
      + " $5::bytea[]) AS v(name, from_seq, from_hash, to_seq, to_hash)),"
      + " head AS (UPDATE documents d SET head_seq = v.to_seq, head_hash = v.to_hash, updated_at = now() FROM v"
      + " WHERE d.name = v.name AND d.head_seq = v.from_seq AND d.head_hash = v.from_hash RETURNING d.name),"
      + " ins AS (INSERT INTO document_updates (document, seq, created_at, actor, connection_id, update_v1, hash, salt,"
      + " commitment)"
      + " SELECT r.document, r.seq, $6, r.actor, r.connection_id, r.update_v1, r.hash, r.salt, r.commitment"
      + " FROM unnest($7::text[], $8::bigint[], $9::text[], $10::text[], $11::bytea[], $12::bytea[], $13::bytea[],"
      + " $14::bytea[]) AS r(document, seq, actor, connection_id, update_v1, hash, salt, commitment)"
      + " JOIN head ON head.name = r.document RETURNING document)"
      + " SELECT document, count(*) FROM ins GROUP BY document";

  /** One document's share of the transaction: its rows, the head before them and after them. */
  record DocumentRows(String document, Head before, List<LogRow> rows, Head after) {}

  private final List<DocumentRows> documents;
  private final List<List<Long>> seqs;
  private final Tuple arguments;

  private PgAppend(List<DocumentRows> documents, List<List<Long>> seqs, OffsetDateTime at) {
    this.documents = documents;
    this.seqs = seqs;
    this.arguments = arguments(documents, at);
  }

  /**
   * Chains every append's updates on its document's head ({@code headOf}); a document that
   * occurs several times continues its chain in batch order.
   */
  static PgAppend plan(List<AppendCoalescer.Pending> batch, Function<String, Head> headOf, long nowMillis) {
    // Exact milliseconds: they are hashed, and timestamptz gives them back unchanged.
    OffsetDateTime at = OffsetDateTime.ofInstant(Instant.ofEpochMilli(nowMillis), ZoneOffset.UTC);
    Map<String, Head> before = new HashMap<>();
    Map<String, ChainBuilder> chains = new TreeMap<>();
    Map<String, List<LogRow>> rows = new HashMap<>();
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
    chains.forEach((d, chain) ->
        documents.add(new DocumentRows(d, before.get(d), rows.get(d), new Head(chain.headSeq(), chain.headHash()))));
    return new PgAppend(documents, seqs, at);
  }

  private static Tuple arguments(List<DocumentRows> documents, OffsetDateTime at) {
    int docs = documents.size();
    String[] name = new String[docs];
    Long[] fromSeq = new Long[docs];
    Buffer[] fromHash = new Buffer[docs];
    Long[] toSeq = new Long[docs];
    Buffer[] toHash = new Buffer[docs];
    int n = 0;
    for (DocumentRows d : documents) {
      n += d.rows().size();
    }
    String[] document = new String[n];
    Long[] seq = new Long[n];
    String[] actor = new String[n];
    String[] connection = new String[n];
    Buffer[] update = new Buffer[n];
    Buffer[] hash = new Buffer[n];
    Buffer[] salt = new Buffer[n];
    Buffer[] commitment = new Buffer[n];
    int i = 0;
    for (int k = 0; k < docs; k++) {
      DocumentRows d = documents.get(k);
      name[k] = d.document();
      fromSeq[k] = d.before().seq();
      fromHash[k] = Buffer.buffer(d.before().hash());
      toSeq[k] = d.after().seq();
      toHash[k] = Buffer.buffer(d.after().hash());
      for (LogRow r : d.rows()) {
        document[i] = d.document();
        seq[i] = r.seq();
        actor[i] = r.actor();
        connection[i] = r.connectionId();
        update[i] = Buffer.buffer(r.update());
        hash[i] = Buffer.buffer(r.hash());
        salt[i] = Buffer.buffer(r.salt());
        commitment[i] = Buffer.buffer(r.commitment());
        i++;
      }
    }
    return Tuple.from(List.of(name, fromSeq, fromHash, toSeq, toHash, at, document, seq, actor, connection, update,
        hash, salt, commitment));
  }

  /** The documents, in name order. */
  List<DocumentRows> documents() {
    return documents;
  }

  /** The seqs of each append, in batch order. */
  List<List<Long>> seqs() {
    return seqs;
  }

  /** The arguments of the one execution of {@link #SQL}. */
  Tuple arguments() {
    return arguments;
  }

  /**
   * The documents whose head was stale (another node's rows came first, or no such document
   * row): they wrote nothing. Fails if a moved document wrote other than all its rows, which the
   * statement cannot do.
   */
  List<String> staleHeads(RowSet<Row> result) {
    Map<String, Long> inserted = new HashMap<>();
    for (Row r : result) {
      inserted.put(r.getString(0), r.getLong(1));
    }
    List<String> stale = new ArrayList<>();
    for (DocumentRows d : documents) {
      Long count = inserted.get(d.document());
      if (count == null) {
        stale.add(d.document());
      } else if (count != d.rows().size()) {
        throw new IllegalStateException("append wrote " + count + " of " + d.rows().size() + " rows");
      }
    }
    return stale;
  }
}
