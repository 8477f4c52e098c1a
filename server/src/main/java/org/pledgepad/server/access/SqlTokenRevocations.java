package org.pledgepad.server.access;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.pledgepad.auth.token.Revocation;
import org.pledgepad.auth.token.RevocationStore;

/**
 * The token_revocations table (schema V20 / embedded twin in access.sqlite): the revocation list
 * all nodes on one database share. Blocking: workers and the command line only.
 */
final class SqlTokenRevocations implements RevocationStore {
  private final AccessDb db;

  SqlTokenRevocations(AccessDb db) {
    this.db = db;
  }

  @Override
  public Revocation add(Revocation r) {
    return db.call(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO token_revocations"
          + " (jti, expires_ms, revoked_ms, revoked_by) VALUES (?, ?, ?, ?) ON CONFLICT (jti) DO NOTHING")) {
        ps.setString(1, r.jti());
        ps.setLong(2, r.expiresAt().toEpochMilli());
        ps.setLong(3, r.revokedAt().toEpochMilli());
        ps.setString(4, r.revokedBy());
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT jti, expires_ms, revoked_ms, revoked_by FROM token_revocations WHERE jti = ?")) {
        ps.setString(1, r.jti());
        try (ResultSet rs = ps.executeQuery()) {
          // The row cannot vanish in between unless a purge ran: then it was past its exp anyway.
          return rs.next() ? row(rs) : r;
        }
      }
    });
  }

  @Override
  public List<Revocation> list(Instant after) {
    return db.call(c -> {
      List<Revocation> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT jti, expires_ms, revoked_ms, revoked_by"
          + " FROM token_revocations WHERE expires_ms > ? ORDER BY revoked_ms, jti")) {
        ps.setLong(1, after.toEpochMilli());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(row(rs));
          }
        }
      }
      return out;
    });
  }

  @Override
  public int purge(Instant before) {
    return db.call(c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM token_revocations WHERE expires_ms <= ?")) {
        ps.setLong(1, before.toEpochMilli());
        return ps.executeUpdate();
      }
    });
  }

  private static Revocation row(ResultSet rs) throws SQLException {
    return new Revocation(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), Instant.ofEpochMilli(rs.getLong(3)),
        rs.getString(4));
  }
}
