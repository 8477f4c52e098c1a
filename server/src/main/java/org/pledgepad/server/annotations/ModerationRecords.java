package org.pledgepad.server.annotations;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pledgepad.server.privacy.SubjectRows;

/**
 * The annotation records that name a person as the one who acted on others' contributions, for
 * the personal data export (GDPR Art. 15): suggestions they decided ({@code decided_by}, with
 * their reason), reports they closed ({@code closed_by}, with their note) and the moderation
 * audit entries they are the actor of. The annotations module's own export covers what the
 * person wrote or reported. Erasure leaves these as they are: they record an official act on
 * the public record (history/README.md "Erasure policy", Art. 17(3)(b)), and the account behind
 * the id becomes a tombstone. A suggester withdrawing their own suggestion is not such an act:
 * erasure clears that {@code decided_by}, so it does not appear here. Blocking; same SQL for both stores.
 */
public final class ModerationRecords {
  private final AnnotationDb db;

  public ModerationRecords(AnnotationDb db) {
    this.db = db;
  }

  public Map<String, Object> exportFor(String subject) {
    return db.with(c -> {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("suggestionsDecided", SubjectRows.of(c, "SELECT id, document, suggestion_state, decision_reason,"
          + " decided_at FROM annotation_threads WHERE decided_by = ? ORDER BY decided_at, id", subject,
          rs -> SubjectRows.entry("thread", rs.getString(1), "document", rs.getString(2),
              "suggestionState", rs.getString(3), "reason", rs.getString(4), "time", text(db.time(rs, "decided_at")))));
      out.put("reportsClosed", SubjectRows.of(c, "SELECT id, document, post_id, close_note, closed_at"
          + " FROM annotation_reports WHERE closed_by = ? ORDER BY closed_at, id", subject,
          rs -> SubjectRows.entry("report", rs.getString(1), "document", rs.getString(2), "post", rs.getString(3),
              "note", rs.getString(4), "time", text(db.time(rs, "closed_at")))));
      out.put("moderationAudit", SubjectRows.of(c, "SELECT document, action, target_id, reason, at"
          + " FROM moderation_audit WHERE actor_id = ? ORDER BY at, document", subject,
          rs -> SubjectRows.entry("document", rs.getString(1), "action", rs.getString(2),
              "target", rs.getString(3), "reason", rs.getString(4), "time", text(db.time(rs, "at")))));
      return out;
    });
  }

  private static String text(Instant t) {
    return t == null ? null : t.toString();
  }
}
