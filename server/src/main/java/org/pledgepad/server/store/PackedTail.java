package org.pledgepad.server.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The log tail after the newest snapshot, packed by PostgreSQL into a few byte strings instead of
 * one result row per update. A document whose process died can have thousands of tail rows
 * (SNAPSHOT_MAX_TAIL, 5,000), and the reactive client decodes each row on the event loop with
 * five column codecs, a row object and a copy per bytea: 10 µs a row on the first open of a
 * process (code not compiled yet), ~50 ms of a 5,000-row tail (docs/benchmarks.md, "Open with a
 * long tail"). Packed, the client decodes one bytea per chunk and this class splits it in a
 * tight loop.
 *
 * <p>Each update is {@code int8 seq, int8 created_at (timestamptz_send: microseconds since
 * 2000-01-01 UTC), int4 length + UTF-8 actor, int4 length + UTF-8 connection id, int4 length (-1:
 * erased) + update}, big-endian, in seq order. Chunks hold about {@code $2} bytes of updates each
 * (by a running sum), so that one chunk stays far below PostgreSQL's 1 GB limit for a value
 * whatever the tail's size; they come in seq order.
 */
final class PackedTail {
  /** Bytes of updates per chunk (a chunk may exceed it by one update). */
  static final long CHUNK_BYTES = 16L << 20;

  /**
   * The tail after the newest snapshot older than $3 ($1 document, $2 chunk bytes), found again
   * here so that snapshot and tail queries can be sent at once.
   */
  static final String QUERY = "SELECT string_agg(int8send(seq) || timestamptz_send(created_at)"
      + " || int4send(octet_length(a)) || a || int4send(octet_length(c)) || c"
      + " || int4send(coalesce(octet_length(update_v1), -1)) || coalesce(update_v1, ''::bytea), ''::bytea ORDER BY seq)"
      + " FROM (SELECT seq, created_at, convert_to(actor, 'UTF8') AS a, convert_to(connection_id, 'UTF8') AS c,"
      + " update_v1, sum(coalesce(octet_length(update_v1), 0)) OVER (ORDER BY seq) / $2 AS chunk"
      + " FROM document_updates WHERE document = $1"
      + " AND seq > COALESCE((SELECT max(seq) FROM document_snapshots WHERE document = $1 AND seq < $3), 0)) t"
      + " GROUP BY chunk ORDER BY chunk";

  /** 2000-01-01T00:00:00Z, PostgreSQL's epoch, in Unix seconds. */
  private static final long PG_EPOCH_SECONDS = 946_684_800L;

  private PackedTail() {}

  /** Appends the updates of one chunk to {@code out}; returns the update bytes read. */
  static long unpack(byte[] chunk, List<StoredUpdate> out) {
    ByteBuffer in = ByteBuffer.wrap(chunk);
    long updateBytes = 0;
    while (in.hasRemaining()) {
      long seq = in.getLong();
      long micros = in.getLong();
      Instant time = Instant.ofEpochSecond(PG_EPOCH_SECONDS + Math.floorDiv(micros, 1_000_000L),
          Math.floorMod(micros, 1_000_000L) * 1_000L);
      String actor = string(in);
      String connectionId = string(in);
      int length = in.getInt();
      byte[] update = null; // erased (schema V5): its content is gone, the snapshots carry it
      if (length >= 0) {
        update = new byte[length];
        in.get(update);
        updateBytes += length;
      }
      out.add(new StoredUpdate(seq, time, actor, connectionId, update));
    }
    return updateBytes;
  }

  private static String string(ByteBuffer in) {
    int length = in.getInt();
    String s = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
    in.position(in.position() + length);
    return s;
  }
}
