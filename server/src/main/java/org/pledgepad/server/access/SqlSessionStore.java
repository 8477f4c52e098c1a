package org.pledgepad.server.access;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The web_sessions table (schema V8 / embedded twin): what {@link WebSessions} needs to survive
 * a restart. Loading blocks (start-up, on a worker); every write is queued on the access
 * database's thread and returns at once, so it can be called from an event loop.
 */
final class SqlSessionStore {
  /** One stored session; {@code idHash} is the SHA-256 of the cookie value, never the value. */
  record Row(String idHash, String subject, long createdMs, long lastSeenMs, long expiresMs) {}

  /** Placeholders per re-validation query (SQLite allows 999 parameters per statement). */
  private static final int CHUNK = 500;
  private final AccessDb db;
  private final AtomicLong lookups = new AtomicLong();

  SqlSessionStore(AccessDb db) {
    this.db = db;
  }

  /** Deletes ended sessions and returns the live ones. Blocking. */
  List<Row> loadLive(long nowMs, long idleMs) {
    return db.call(c -> {
      deleteEnded(c, nowMs, idleMs);
      List<Row> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT id_hash, subject, created_ms, last_seen_ms, expires_ms FROM web_sessions");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
        }
      }
      return out;
    });
  }

  /** The row with this hash, or null; queued like the writes, so it sees every earlier one. */
  CompletableFuture<Row> find(String idHash) {
    lookups.incrementAndGet();
    return db.submit(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT id_hash, subject, created_ms, last_seen_ms, expires_ms FROM web_sessions WHERE id_hash = ?")) {
        ps.setString(1, idHash);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)) : null;
        }
      }
    });
  }

  /** Last-use times of those of {@code hashes} that still have a row. Blocking. */
  Map<String, Long> lastSeen(List<String> hashes) {
    return db.call(c -> {
      Map<String, Long> out = new HashMap<>();
      for (int from = 0; from < hashes.size(); from += CHUNK) {
        List<String> part = hashes.subList(from, Math.min(hashes.size(), from + CHUNK));
        String marks = String.join(",", java.util.Collections.nCopies(part.size(), "?"));
        try (PreparedStatement ps = c.prepareStatement(
            "SELECT id_hash, last_seen_ms FROM web_sessions WHERE id_hash IN (" + marks + ")")) {
          for (int i = 0; i < part.size(); i++) {
            ps.setString(i + 1, part.get(i));
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.put(rs.getString(1), rs.getLong(2));
            }
          }
        }
      }
      return out;
    });
  }

  long lookups() {
    return lookups.get();
  }

  /**
   * Stores a new session and ends its subject's oldest sessions beyond {@code perSubject} in the
   * table, so that the cap holds across the nodes sharing it (each node's memory knows only the
   * sessions it created or looked up; the others drop theirs at their next re-validation).
   */
  CompletableFuture<Void> insert(Row r, int perSubject) {
    return db.submit(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO web_sessions "
          + "(id_hash, subject, created_ms, last_seen_ms, expires_ms) VALUES (?, ?, ?, ?, ?)")) {
        ps.setString(1, r.idHash());
        ps.setString(2, r.subject());
        ps.setLong(3, r.createdMs());
        ps.setLong(4, r.lastSeenMs());
        ps.setLong(5, r.expiresMs());
        ps.executeUpdate();
      }
      // the new session always stays; of the others, the newest perSubject - 1
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM web_sessions WHERE subject = ? AND id_hash <> ?"
          + " AND id_hash NOT IN (SELECT id_hash FROM web_sessions WHERE subject = ? AND id_hash <> ?"
          + " ORDER BY created_ms DESC, id_hash DESC LIMIT ?)")) {
        ps.setString(1, r.subject());
        ps.setString(2, r.idHash());
        ps.setString(3, r.subject());
        ps.setString(4, r.idHash());
        ps.setInt(5, perSubject - 1);
        ps.executeUpdate();
      }
      return null;
    });
  }

  CompletableFuture<Void> delete(String idHash) {
    return update("DELETE FROM web_sessions WHERE id_hash = ?", idHash);
  }

  /** Ends every session of {@code subject} except the one with {@code keepHash} (may be null). */
  CompletableFuture<Void> deleteSubject(String subject, String keepHash) {
    return db.submit(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "DELETE FROM web_sessions WHERE subject = ? AND id_hash <> ?")) {
        ps.setString(1, subject);
        ps.setString(2, keepHash == null ? "" : keepHash);
        ps.executeUpdate();
      }
      return null;
    });
  }

  /** Records when sessions were last used (idle expiry after a restart). */
  CompletableFuture<Void> touch(Map<String, Long> lastSeenByHash) {
    if (lastSeenByHash.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    return db.submit(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE web_sessions SET last_seen_ms = ? WHERE id_hash = ?")) {
        for (Map.Entry<String, Long> e : lastSeenByHash.entrySet()) {
          ps.setLong(1, e.getValue());
          ps.setString(2, e.getKey());
          ps.executeUpdate();
        }
      }
      return null;
    });
  }

  CompletableFuture<Void> deleteEnded(long nowMs, long idleMs) {
    return db.submit(c -> {
      deleteEnded(c, nowMs, idleMs);
      return null;
    });
  }

  private static void deleteEnded(java.sql.Connection c, long nowMs, long idleMs) throws java.sql.SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "DELETE FROM web_sessions WHERE expires_ms <= ? OR last_seen_ms <= ?")) {
      ps.setLong(1, nowMs);
      ps.setLong(2, nowMs - idleMs);
      ps.executeUpdate();
    }
  }

  private CompletableFuture<Void> update(String sql, String key) {
    return db.submit(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, key);
        ps.executeUpdate();
      }
      return null;
    });
  }
}
