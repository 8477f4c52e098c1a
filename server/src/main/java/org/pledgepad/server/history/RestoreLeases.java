package org.pledgepad.server.history;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * The restore turn of a document across the nodes that share one database: a row of
 * restore_leases (schema/V18; embedded version 5) names the turn's holder and until when it holds
 * it. Taken before the restore is planned, renewed while its update is being logged and deleted
 * once it is, so a node that plans next reads a head holding the restore; a holder that crashed
 * stops renewing and its row is taken over once expired. Blocking JDBC: worker threads only.
 */
final class RestoreLeases {
  /** How long a turn lasts without renewal: how long a crashed holder blocks restores. */
  static final long TTL_MS = 30_000;

  /** The time a lease is written and compared in: one clock for every node. */
  @FunctionalInterface
  interface Clock {
    long nowMillis(Connection c) throws SQLException;
  }

  /** A turn held; {@code owner} is a random token of this turn only. */
  record Lease(String document, String owner) {}

  private static final SecureRandom RANDOM = new SecureRandom();
  private final HistoryDb db;
  private final Clock clock;

  RestoreLeases(HistoryDb db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * PostgreSQL's clock, since the nodes' own may differ by more than a turn lasts; the embedded
   * store's file has one node, whose clock it is.
   */
  static RestoreLeases databaseTime(HistoryDb db) {
    return new RestoreLeases(db, db.embedded() ? c -> System.currentTimeMillis() : RestoreLeases::postgresMillis);
  }

  private static long postgresMillis(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The turn of {@code doc}, or null while another holder's lease has not expired. */
  Lease tryTake(String doc) throws SQLException {
    byte[] token = new byte[16];
    RANDOM.nextBytes(token);
    Lease lease = new Lease(doc, HexFormat.of().formatHex(token));
    try (Connection c = db.open(); PreparedStatement ps = c.prepareStatement(
        "INSERT INTO restore_leases (document, owner, expires_ms) VALUES (?, ?, ?)"
            + " ON CONFLICT (document) DO UPDATE SET owner = excluded.owner, expires_ms = excluded.expires_ms"
            + " WHERE restore_leases.expires_ms <= ?")) {
      long now = clock.nowMillis(c);
      ps.setString(1, doc);
      ps.setString(2, lease.owner());
      ps.setLong(3, now + TTL_MS);
      ps.setLong(4, now);
      return ps.executeUpdate() == 1 ? lease : null;
    }
  }

  /**
   * Extends the turn by {@link #TTL_MS} from now; false when it is no longer this holder's
   * (expired and taken over, or released).
   */
  boolean renew(Lease lease) throws SQLException {
    try (Connection c = db.open(); PreparedStatement ps = c.prepareStatement(
        "UPDATE restore_leases SET expires_ms = ? WHERE document = ? AND owner = ?")) {
      ps.setLong(1, clock.nowMillis(c) + TTL_MS);
      ps.setString(2, lease.document());
      ps.setString(3, lease.owner());
      return ps.executeUpdate() == 1;
    }
  }

  /** For tests: runs at the start of every release (on the releasing worker thread). */
  static volatile Runnable beforeReleaseForTests = () -> {};

  /** Ends the turn; a lease already taken over by another holder stays theirs. */
  void release(Lease lease) throws SQLException {
    beforeReleaseForTests.run();
    try (Connection c = db.open(); PreparedStatement ps = c.prepareStatement(
        "DELETE FROM restore_leases WHERE document = ? AND owner = ?")) {
      ps.setString(1, lease.document());
      ps.setString(2, lease.owner());
      ps.executeUpdate();
    }
  }
}
