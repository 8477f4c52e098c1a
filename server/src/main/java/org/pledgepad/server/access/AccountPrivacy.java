package org.pledgepad.server.access;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pledgepad.auth.Role;

/**
 * The account side of the data-subject rights (server/.../privacy): what the account database
 * holds about a person, without secrets (Art. 15/20), and turning the account into a tombstone
 * (Art. 17) — the row and its subject id stay, because log rows, restore points and clientID
 * bindings refer to that id; the name, login, password, bodies, memberships and sessions go.
 * Blocking, like {@link AccessDb}.
 */
public final class AccountPrivacy {
  /** Display name of an erased account; every reader resolves names through the account row. */
  public static final String ERASED_NAME = "gelöscht";
  static final String ERASED_LOGIN_PREFIX = "erased-";

  private final AccessDb db;
  private final SecureRandom random;

  public AccountPrivacy(AccessDb db, SecureRandom random) {
    this.db = db;
    this.random = random;
  }

  /** An account as the privacy operations see it. */
  public record Account(String id, String login, String displayName, Role role, boolean erased) {}

  /** The account with this id, or else with this login. */
  public Optional<Account> find(String idOrLogin) {
    return db.call(c -> {
      Optional<Account> byId = one(c, "id", idOrLogin);
      return byId.isPresent() ? byId : one(c, "login", idOrLogin);
    });
  }

  private static Optional<Account> one(Connection c, String column, String key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT id, login, display_name, role, disabled, password_hash FROM users WHERE " + column + " = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        boolean erased = rs.getString(2).startsWith(ERASED_LOGIN_PREFIX) && rs.getBoolean(5)
            && rs.getString(6) == null && ERASED_NAME.equals(rs.getString(3));
        return Optional.of(new Account(rs.getString(1), rs.getString(2), rs.getString(3), Role.parse(rs.getString(4)), erased));
      }
    }
  }

  /** Account fields (no password hash), bodies, document memberships and clientID bindings. */
  public Map<String, Object> export(String subject) {
    return db.call(c -> {
      Map<String, Object> out = new LinkedHashMap<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT id, login, display_name, pseudonym, role, disabled, must_change_password, created_at"
              + " FROM users WHERE id = ?")) {
        ps.setString(1, subject);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("id", rs.getString(1));
            a.put("login", rs.getString(2));
            a.put("displayName", rs.getString(3));
            a.put("pseudonym", rs.getBoolean(4));
            a.put("role", rs.getString(5));
            a.put("disabled", rs.getBoolean(6));
            a.put("mustChangePassword", rs.getBoolean(7));
            a.put("createdAt", rs.getString(8));
            out.put("account", a);
          }
        }
      }
      out.put("bodies", strings(c, "SELECT body_id FROM user_bodies WHERE user_id = ? ORDER BY body_id", subject));
      List<Map<String, Object>> members = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT document, relation FROM document_members WHERE subject = ? ORDER BY document, relation")) {
        ps.setString(1, subject);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            members.add(Map.of("document", rs.getString(1), "relation", rs.getString(2)));
          }
        }
      }
      out.put("documentMemberships", members);
      List<Map<String, Object>> bindings = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT document, client_id, first_seen FROM client_ids WHERE actor = ? ORDER BY document, client_id")) {
        ps.setString(1, subject);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("document", rs.getString(1));
            b.put("clientId", rs.getLong(2));
            b.put("firstSeen", rs.getString(3));
            bindings.add(b);
          }
        }
      }
      out.put("clientIds", bindings);
      // Signed-in browser sessions: times only (the id hash is a credential's digest).
      List<Map<String, Object>> sessions = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT created_ms, last_seen_ms, expires_ms FROM web_sessions WHERE subject = ? ORDER BY created_ms")) {
        ps.setString(1, subject);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("createdAt", java.time.Instant.ofEpochMilli(rs.getLong(1)).toString());
            w.put("lastSeenAt", java.time.Instant.ofEpochMilli(rs.getLong(2)).toString());
            w.put("expiresAt", java.time.Instant.ofEpochMilli(rs.getLong(3)).toString());
            sessions.add(w);
          }
        }
      }
      out.put("webSessions", sessions);
      return out;
    });
  }

  private static List<String> strings(Connection c, String sql, String key) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  /**
   * Stops the account before its data is erased: disabled and its browser sessions deleted, so
   * nothing it sends while the erasure runs is accepted (an access refresh then closes its open
   * connections). The login stays, so a run that fails halfway is repeated with it. False when
   * there is no such account.
   */
  public boolean freeze(String subject) {
    return db.transaction(c -> {
      int n;
      try (PreparedStatement ps = c.prepareStatement("UPDATE users SET disabled = ? WHERE id = ?")) {
        ps.setBoolean(1, true);
        ps.setString(2, subject);
        n = ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM web_sessions WHERE subject = ?")) {
        ps.setString(1, subject);
        ps.executeUpdate();
      }
      return n > 0;
    });
  }

  /**
   * Makes the account a tombstone in one transaction: display name {@link #ERASED_NAME}, a
   * random login, no password, disabled, no bodies, memberships or stored sessions. The role is
   * kept (it decides what an erasure run again removes). False when there is no such account.
   */
  public boolean tombstone(String subject) {
    byte[] r = new byte[12];
    random.nextBytes(r);
    String login = ERASED_LOGIN_PREFIX + HexFormat.of().formatHex(r);
    return db.transaction(c -> {
      int n;
      try (PreparedStatement ps = c.prepareStatement("UPDATE users SET login = ?, display_name = ?, pseudonym = ?,"
          + " disabled = ?, password_hash = NULL, must_change_password = ? WHERE id = ?")) {
        ps.setString(1, login);
        ps.setString(2, ERASED_NAME);
        ps.setBoolean(3, true);
        ps.setBoolean(4, true);
        ps.setBoolean(5, false);
        ps.setString(6, subject);
        n = ps.executeUpdate();
      }
      if (n == 0) {
        return false;
      }
      for (String sql : List.of("DELETE FROM user_bodies WHERE user_id = ?", "DELETE FROM document_members WHERE subject = ?",
          "DELETE FROM web_sessions WHERE subject = ?")) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          ps.setString(1, subject);
          ps.executeUpdate();
        }
      }
      // Every node stops the person at once (connections closed), not at its next re-check.
      AccessChanges.announce(db, c);
      return true;
    });
  }
}
