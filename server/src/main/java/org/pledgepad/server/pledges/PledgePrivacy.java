package org.pledgepad.server.pledges;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.pledgepad.crdt.Doc;
import org.pledgepad.server.config.ServerConfig;
import org.pledgepad.server.privacy.SubjectRows;

/**
 * The pledge tables' share of a person's data (GDPR Art. 15/17): status changes they set (with
 * their notes), links they created and the succession log entries they are the actor of. Each of
 * these columns holds the person's subject (account id). Export lists the rows; erasure keeps
 * the rows (the status history and the audit log stay whole) but replaces the subject by
 * {@code marker} and blanks the free-text note of status changes, the way annotation bodies are
 * blanked. Blocking, on a short-lived JDBC connection of its own, so that the operator's command
 * line can use it without the server (SQLite shares the file through its locking). Same SQL for
 * PostgreSQL and SQLite.
 */
public final class PledgePrivacy {
  private static final String[] TABLES = {"pledge_status_changes", "pledge_links", "pledge_succession_log"};

  private final PledgeDbLocation location;

  private PledgePrivacy(PledgeDbLocation location) {
    this.location = location;
  }

  /** The pledge database of this configuration (DATABASE_URL, else DATA_DIR/pledges.sqlite). */
  public static PledgePrivacy forConfig(ServerConfig config) {
    return new PledgePrivacy(PledgeDbLocation.of(config));
  }

  /** {@code statusChanges}, {@code links} and {@code successionLog} naming {@code subject}. */
  public Map<String, Object> exportFor(String subject) {
    Map<String, Object> out = new LinkedHashMap<>();
    List<Map<String, Object>> statuses = new ArrayList<>();
    List<Map<String, Object>> links = new ArrayList<>();
    List<Map<String, Object>> log = new ArrayList<>();
    out.put("statusChanges", statuses);
    out.put("links", links);
    out.put("successionLog", log);
    if (absent()) {
      return out;
    }
    run(c -> {
      Set<String> tables = tables(c);
      if (tables.contains("pledge_status_changes")) {
        statuses.addAll(SubjectRows.of(c, "SELECT pledge_id, seq, status, at, note"
            + " FROM pledge_status_changes WHERE changed_by = ? ORDER BY at, pledge_id, seq", subject,
            rs -> SubjectRows.entry("pledge", rs.getString(1), "seq", rs.getLong(2), "status", rs.getString(3),
                "time", rs.getString(4), "note", rs.getString(5))));
      }
      if (tables.contains("pledge_links")) {
        links.addAll(SubjectRows.of(c, "SELECT id, a, b, kind, created_at, origin"
            + " FROM pledge_links WHERE created_by = ? ORDER BY created_at, id", subject,
            rs -> SubjectRows.entry("id", rs.getString(1), "a", rs.getString(2), "b", rs.getString(3),
                "kind", rs.getString(4), "time", rs.getString(5), "origin", rs.getString(6))));
      }
      if (tables.contains("pledge_succession_log")) {
        log.addAll(SubjectRows.of(c, "SELECT successor, seq, predecessor, action, at"
            + " FROM pledge_succession_log WHERE actor = ? ORDER BY at, successor, seq", subject,
            rs -> SubjectRows.entry("successor", rs.getString(1), "seq", rs.getLong(2),
                "predecessor", rs.getString(3), "action", rs.getString(4), "time", rs.getString(5))));
      }
      return null;
    });
    return out;
  }

  /**
   * Replaces {@code subject} by {@code marker} in the three tables and, with {@code content},
   * blanks the notes of their status changes; returns the rows changed. Idempotent (a second
   * run finds no rows). An official's notes stay, unattributed: like their edits of documents,
   * they are the council's public record (Art. 17(3)(b) GDPR; PersonErasure).
   */
  public int eraseFor(String subject, String marker, boolean content) {
    if (absent()) {
      return 0;
    }
    return run(c -> {
      Set<String> tables = tables(c);
      int n = 0;
      if (tables.contains("pledge_status_changes")) {
        n += update(c, content ? "UPDATE pledge_status_changes SET changed_by = ?, note = '' WHERE changed_by = ?"
            : "UPDATE pledge_status_changes SET changed_by = ? WHERE changed_by = ?", marker, subject);
      }
      if (tables.contains("pledge_links")) {
        n += update(c, "UPDATE pledge_links SET created_by = ? WHERE created_by = ?", marker, subject);
      }
      if (tables.contains("pledge_succession_log")) {
        n += update(c, "UPDATE pledge_succession_log SET actor = ? WHERE actor = ?", marker, subject);
      }
      return n;
    });
  }

  /**
   * Re-reads the index of {@code document} from its content as it stands ({@code content}, read
   * only when it is a pledge document); returns whether it is one. The index is otherwise
   * refreshed only when someone reads the document, so after an erasure it could still hold the
   * erased, since deleted wording. A node's cached reading cannot: it is keyed by the head seq,
   * which the deletion moved, and erasure does not change the text that stands.
   */
  public boolean reindex(String document, Supplier<Doc> content) {
    if (absent()) {
      return false;
    }
    return run(c -> {
      if (!hasTable(c, "pledge_documents")) {
        return false;
      }
      String chapter;
      try (PreparedStatement ps = c.prepareStatement("SELECT chapter FROM pledge_documents WHERE document = ?")) {
        ps.setString(1, document);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return false;
          }
          chapter = rs.getString(1);
        }
      }
      PledgeOutline.Outline outline = PledgeOutline.read(content.get(), chapter);
      return PledgeStore.writeIndex(c, document, outline.preamble(), outline.pledges());
    });
  }

  private static int update(Connection c, String sql, String marker, String subject) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, marker);
      ps.setString(2, subject);
      return ps.executeUpdate();
    }
  }

  private static Set<String> tables(Connection c) throws SQLException {
    Set<String> found = new HashSet<>();
    for (String t : TABLES) {
      if (hasTable(c, t)) {
        found.add(t);
      }
    }
    return found;
  }

  private static boolean hasTable(Connection c, String table) throws SQLException {
    try (ResultSet rs = c.getMetaData().getTables(null, null, table, new String[] {"TABLE"})) {
      return rs.next();
    }
  }

  /** An embedded store whose pledge file was never created holds nothing (and is not created here). */
  private boolean absent() {
    return location.embedded() && !Files.exists(location.embeddedFile());
  }

  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T run(Work<T> work) {
    try (Connection c = location.open()) {
      if (location.embedded()) {
        try (Statement st = c.createStatement()) {
          st.execute("PRAGMA busy_timeout = 10000"); // the server's connection may hold the lock briefly
        }
      }
      c.setAutoCommit(false);
      try {
        T r = work.run(c);
        c.commit();
        return r;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("pledge database: " + e.getMessage(), e);
    }
  }
}
