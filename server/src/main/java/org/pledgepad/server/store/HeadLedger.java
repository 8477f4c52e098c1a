package org.pledgepad.server.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The embedded store's per-commit record of chain heads (table {@code head_ledger}, embedded schema
 * version 3). A group commit inserts one ledger row holding the new head of every document it
 * moved, in the same transaction as the log rows, instead of one {@code UPDATE documents} per
 * document; every so many commits the heads are folded into {@code documents.head_*} and the
 * ledger emptied, again in one transaction. So at every commit the database still records each
 * document's head outside its log rows: a log cut at its tail remains visible against the
 * documents row merged with the ledger, as it was against the documents row alone. The published
 * head of a document is its newest ledger entry if it has one, else its documents row.
 *
 * <p>Row format: the commit time (8 bytes), then per document its UTF-8 name length (2 bytes),
 * name, seq (8 bytes), hash length (1 byte) and hash.
 */
public final class HeadLedger {
  /** A document's head as of one commit; {@code hash} is never modified. */
  public record Entry(long seq, byte[] hash, long timeMillis) {}

  private HeadLedger() {}

  /** One ledger row for the heads a commit moved. */
  static byte[] encode(long timeMillis, Map<String, Entry> heads) {
    int size = 8;
    byte[][] names = new byte[heads.size()][];
    int i = 0;
    for (Map.Entry<String, Entry> e : heads.entrySet()) {
      names[i] = e.getKey().getBytes(StandardCharsets.UTF_8);
      if (names[i].length > 0xFFFF || e.getValue().hash().length > 0xFF) {
        throw new IllegalArgumentException("document name or head hash too long for the head ledger");
      }
      size += 2 + names[i].length + 8 + 1 + e.getValue().hash().length;
      i++;
    }
    ByteBuffer out = ByteBuffer.allocate(size).putLong(timeMillis);
    i = 0;
    for (Map.Entry<String, Entry> e : heads.entrySet()) { // the same order as the sizing loop
      out.putShort((short) names[i].length).put(names[i++]).putLong(e.getValue().seq());
      out.put((byte) e.getValue().hash().length).put(e.getValue().hash());
    }
    return out.array();
  }

  /**
   * Adds the heads of one ledger row to {@code into}, replacing older entries of the same
   * documents. A damaged row fails loudly: a head read wrongly would continue or verify a chain
   * from the wrong place.
   */
  static void decode(byte[] row, Map<String, Entry> into) throws SQLException {
    try {
      decodeUnchecked(row, into);
    } catch (java.nio.BufferUnderflowException | IllegalArgumentException e) {
      throw new SQLException("head_ledger row is damaged (" + row.length + " bytes)", e);
    }
  }

  private static void decodeUnchecked(byte[] row, Map<String, Entry> into) {
    ByteBuffer in = ByteBuffer.wrap(row);
    long time = in.getLong();
    while (in.hasRemaining()) {
      byte[] name = new byte[in.getShort() & 0xFFFF];
      in.get(name);
      long seq = in.getLong();
      byte[] hash = new byte[in.get() & 0xFF];
      in.get(hash);
      into.put(new String(name, StandardCharsets.UTF_8), new Entry(seq, hash, time));
    }
  }

  /**
   * The newest ledger entry of every document in the ledger, read over {@code c} (inside the same
   * read transaction as the documents rows it is merged with, so a fold in between cannot hide a
   * head from both).
   */
  public static Map<String, Entry> read(Connection c) throws SQLException {
    Map<String, Entry> out = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'head_ledger'");
         ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return out; // a version 2 file that no store of this version opened yet (verify, privacy tools)
      }
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT heads FROM head_ledger ORDER BY id");
         ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        decode(rs.getBytes(1), out);
      }
    }
    return out;
  }

  /**
   * A document's published head: its newest ledger entry, else its documents row; null if the
   * document does not exist. {@code c} must be in a read transaction when the caller also needs
   * other rows consistent with it; {@code ledger} is {@link #read}'s result over the same one.
   */
  public static Entry head(Connection c, String document, Map<String, Entry> ledger) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT head_seq, head_hash, updated_at FROM documents WHERE name = ?")) {
      ps.setString(1, document);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        Entry newer = ledger.get(document);
        return newer != null ? newer : new Entry(rs.getLong(1), rs.getBytes(2), rs.getLong(3));
      }
    }
  }

  /** Writes these heads into the documents rows and empties the ledger; the caller commits. */
  static void fold(Connection c, Map<String, Entry> heads) throws SQLException {
    try (PreparedStatement up = c.prepareStatement(
        "UPDATE documents SET head_seq = ?, head_hash = ?, updated_at = MAX(updated_at, ?) WHERE name = ?")) {
      for (Map.Entry<String, Entry> e : heads.entrySet()) {
        up.setLong(1, e.getValue().seq());
        up.setBytes(2, e.getValue().hash());
        up.setLong(3, e.getValue().timeMillis());
        up.setString(4, e.getKey());
        up.addBatch();
      }
      up.executeBatch();
    }
    try (PreparedStatement del = c.prepareStatement("DELETE FROM head_ledger")) {
      del.executeUpdate();
    }
  }
}
