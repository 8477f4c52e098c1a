package org.pledgepad.server.access;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pledgepad.auth.Body;
import org.pledgepad.auth.Role;
import org.pledgepad.auth.User;
import org.pledgepad.auth.password.StoredUser;
import org.pledgepad.auth.password.UserStore;

/** The auth library's {@link UserStore} over the users and user_bodies tables. Blocking. */
public final class SqlUserStore implements UserStore {
  private static final String COLUMNS =
      "id, login, display_name, pseudonym, role, disabled, password_hash, must_change_password";

  private final AccessDb db;

  public SqlUserStore(AccessDb db) {
    this.db = db;
  }

  @Override
  public Optional<StoredUser> findByLogin(String login) {
    return db.call(c -> one(c, "SELECT " + COLUMNS + " FROM users WHERE login = ?", login));
  }

  @Override
  public Optional<StoredUser> findById(String id) {
    return db.call(c -> one(c, "SELECT " + COLUMNS + " FROM users WHERE id = ?", id));
  }

  @Override
  public void add(User user, String passwordHash, boolean mustChangePassword) {
    for (Body b : user.bodies()) {
      if (DocumentAccessStore.NO_OWNER.equals(b)) {
        throw new IllegalArgumentException("body " + b + " is reserved");
      }
    }
    db.transaction(c -> {
      try (PreparedStatement check = c.prepareStatement("SELECT 1 FROM users WHERE id = ? OR login = ?")) {
        check.setString(1, user.id());
        check.setString(2, user.login());
        try (ResultSet rs = check.executeQuery()) {
          if (rs.next()) {
            throw new DuplicateUserException("a user with this id or login exists");
          }
        }
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        ps.setString(1, user.id());
        ps.setString(2, user.login());
        ps.setString(3, user.displayName());
        ps.setBoolean(4, user.pseudonym());
        ps.setString(5, user.role().name());
        ps.setBoolean(6, user.disabled());
        ps.setString(7, passwordHash);
        ps.setBoolean(8, mustChangePassword);
        ps.executeUpdate();
      }
      writeBodies(c, user);
      AccessChanges.announce(db, c); // an account added on one node or the command line can be listed at once everywhere
      return null;
    });
  }

  /** Replaces role, bodies, display name and disabled flag of an existing account. */
  @Override
  public boolean update(User user) {
    return db.transaction(c -> {
      int n;
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE users SET display_name = ?, pseudonym = ?, role = ?, disabled = ? WHERE id = ?")) {
        ps.setString(1, user.displayName());
        ps.setBoolean(2, user.pseudonym());
        ps.setString(3, user.role().name());
        ps.setBoolean(4, user.disabled());
        ps.setString(5, user.id());
        n = ps.executeUpdate();
      }
      if (n == 0) {
        return false;
      }
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM user_bodies WHERE user_id = ?")) {
        ps.setString(1, user.id());
        ps.executeUpdate();
      }
      writeBodies(c, user);
      AccessChanges.announce(db, c);
      return true;
    });
  }

  private static void writeBodies(Connection c, User user) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO user_bodies (user_id, body_id) VALUES (?, ?)")) {
      for (Body b : user.bodies()) {
        ps.setString(1, user.id());
        ps.setString(2, b.id());
        ps.executeUpdate();
      }
    }
  }

  @Override
  public List<User> list() {
    return db.call(c -> {
      Map<String, Set<Body>> bodies = allBodies(c);
      List<User> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM users ORDER BY login");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(read(rs, bodies.getOrDefault(rs.getString(1), Set.of())).user());
        }
      }
      return out;
    });
  }

  /** Ids of the accounts whose password is still a one-time password. */
  public Set<String> mustChangePasswordIds() {
    return db.call(c -> {
      Set<String> out = new HashSet<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT id FROM users WHERE must_change_password = ?")) {
        ps.setBoolean(1, true);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(rs.getString(1));
          }
        }
      }
      return out;
    });
  }

  @Override
  public boolean setDisabled(String id, boolean disabled) {
    return db.transaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE users SET disabled = ? WHERE id = ?")) {
        ps.setBoolean(1, disabled);
        ps.setString(2, id);
        boolean changed = ps.executeUpdate() > 0;
        // Other nodes close a disabled account's connections at once, not at their next re-check.
        AccessChanges.announce(db, c);
        return changed;
      }
    });
  }

  @Override
  public boolean setPassword(String id, String passwordHash, boolean mustChangePassword) {
    return db.call(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE users SET password_hash = ?, must_change_password = ? WHERE id = ?")) {
        ps.setString(1, passwordHash);
        ps.setBoolean(2, mustChangePassword);
        ps.setString(3, id);
        return ps.executeUpdate() > 0;
      }
    });
  }

  private static Optional<StoredUser> one(Connection c, String sql, String key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        String id = rs.getString(1);
        return Optional.of(read(rs, bodiesOf(c, id)));
      }
    }
  }

  private static Set<Body> bodiesOf(Connection c, String userId) throws SQLException {
    Set<Body> out = new HashSet<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT body_id FROM user_bodies WHERE user_id = ?")) {
      ps.setString(1, userId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          addIfValid(out, rs.getString(1));
        }
      }
    }
    return out;
  }

  static Map<String, Set<Body>> allBodies(Connection c) throws SQLException {
    Map<String, Set<Body>> out = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT user_id, body_id FROM user_bodies");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        addIfValid(out.computeIfAbsent(rs.getString(1), k -> new HashSet<>()), rs.getString(2));
      }
    }
    return out;
  }

  private static void addIfValid(Set<Body> into, String id) {
    // A row written behind our back with an invalid slug grants nothing rather than failing.
    if (Body.isValid(id)) {
      into.add(new Body(id));
    }
  }

  static StoredUser read(ResultSet rs, Set<Body> bodies) throws SQLException {
    User u = new User(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
        Role.parse(rs.getString(5)), bodies, rs.getBoolean(6));
    return new StoredUser(u, rs.getString(7), rs.getBoolean(8));
  }
}
