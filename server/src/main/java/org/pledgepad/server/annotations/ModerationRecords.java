package org.pledgepad.server.annotations;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The annotation records that name a person as the one who acted on others' contributions, for
 * the personal data export (GDPR Art. 15): suggestions they decided ({@code decided_by}, with
 * their reason), reports they closed ({@code closed_by}, with their note) and the moderation
 * audit entries they are the actor of. The annotations module's own export covers what the
 * person wrote or reported. Erasure leaves these as they are: they record an official act on
 * the public record (history/README.md "Erasure policy", Art. 17(3)(b)), and the account behind
 * the id becomes a tombstone. Blocking; same SQL for both stores.
 */
public final class ModerationRecords {
  private final AnnotationDb db;

  public ModerationRecords(AnnotationDb db) {
    this.db = db;
  }

  public Map<String, Object> exportFor(String subject) {
    return db.with(c -> {
      Map<String, Object> out = new LinkedHashMap<>();
      List<Map<String, Object>> decided = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT id, document, suggestion_state, decision_reason,"
          + " decided_at FROM annotation_threads WHERE decided_by = ? ORDER BY decided_at, id")) {
        ps.setString(1, subject);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("thread", rs.getString(1));
            m.put("document", rs.getString(2));
            m.put("suggestionState", rs.getString(3));
            m.put("reason", rs.getString(4));
            m.put("time", text(db.time(rs, "decided_at")));
            decided.add(m);
          }
        }
      }
      out.put("suggestionsDecided", decided);
      List<Map<String, Object>> closed = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT id, document, post_id, close_note, closed_at"
          + " FROM annotation_reports WHERE closed_by = ? ORDER BY closed_at, id")) {
        ps.setString(1, subject);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("report", rs.getString(1));
            m.put("document", rs.getString(2));
            m.put("post", rs.getString(3));
            m.put("note", rs.getString(4));
            m.put("time", text(db.time(rs, "closed_at")));
            closed.add(m);
          }
        }
      }
      out.put("reportsClosed", closed);
      List<Map<String, Object>> audit = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT document, action, target_id, reason, at"
          + " FROM moderation_audit WHERE actor_id = ? ORDER BY at, document")) {
        ps.setString(1, subject);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("document", rs.getString(1));
            m.put("action", rs.getString(2));
            m.put("target", rs.getString(3));
            m.put("reason", rs.getString(4));
            m.put("time", text(db.time(rs, "at")));
            audit.add(m);
          }
        }
      }
      out.put("moderationAudit", audit);
      return out;
    });
  }

  private static String text(Instant t) {
    return t == null ? null : t.toString();
  }
}
