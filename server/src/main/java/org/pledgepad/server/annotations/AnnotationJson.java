package org.pledgepad.server.annotations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pledgepad.annotations.model.AuditEntry;
import org.pledgepad.annotations.model.Post;
import org.pledgepad.annotations.model.Report;
import org.pledgepad.annotations.render.BodyRenderer;
import org.pledgepad.annotations.service.ModerationQueue;

/**
 * JSON shapes of the moderator views (queue, audit log) and of report receipts. Thread views
 * come from the library's {@code ThreadViews}; these are only shown to moderators (the queue,
 * the log) or to the reporter (the receipt). Reporter ids are never included: moderators judge
 * the post, not who reported it.
 */
final class AnnotationJson {
  private AnnotationJson() {}

  static Map<String, Object> queue(ModerationQueue q, List<AuditEntry> audit) {
    List<Object> reports = new ArrayList<>();
    for (ModerationQueue.ReportedPost rp : q.reports()) {
      Map<String, Object> m = report(rp.report());
      m.put("post", rp.post() == null ? null : post(rp.post()));
      m.put("history", history(rp.history()));
      reports.add(m);
    }
    List<Object> pending = new ArrayList<>();
    for (Post p : q.pending()) {
      pending.add(post(p));
    }
    List<Object> hidden = new ArrayList<>();
    for (ModerationQueue.Case c : q.hidden()) {
      hidden.add(moderationCase(c));
    }
    List<Object> restored = new ArrayList<>();
    for (ModerationQueue.Case c : q.restored()) {
      restored.add(moderationCase(c));
    }
    List<Object> log = history(audit);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("reports", reports);
    m.put("pending", pending);
    m.put("hidden", hidden);
    m.put("restored", restored);
    m.put("audit", log);
    return m;
  }

  /** A post moderators acted on: the post, every report about it, and the decisions in order. */
  static Map<String, Object> moderationCase(ModerationQueue.Case c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("post", post(c.post()));
    List<Object> reports = new ArrayList<>();
    for (Report r : c.reports()) {
      reports.add(report(r));
    }
    m.put("reports", reports);
    m.put("history", history(c.history()));
    return m;
  }

  private static List<Object> history(List<AuditEntry> entries) {
    List<Object> out = new ArrayList<>();
    for (AuditEntry e : entries) {
      out.add(audit(e));
    }
    return out;
  }

  static Map<String, Object> report(Report r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("postId", r.postId());
    m.put("reason", r.reason());
    m.put("createdAt", r.createdAt().toString());
    m.put("open", r.open());
    if (!r.open()) {
      m.put("closedBy", r.closedBy());
      m.put("closedAt", r.closedAt() == null ? null : r.closedAt().toString());
      m.put("closeNote", r.closeNote());
    }
    return m;
  }

  /** A post as moderators see it: full text (plain, for textContent) and rendered HTML. */
  static Map<String, Object> post(Post p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", p.id());
    m.put("thread", p.threadId());
    m.put("author", p.author().name());
    m.put("authorId", p.author().id());
    m.put("createdAt", p.createdAt().toString());
    m.put("state", p.deleted() ? "deleted" : p.moderation().name().toLowerCase(Locale.ROOT));
    m.put("body", p.body());
    m.put("html", BodyRenderer.render(p.body()));
    m.put("hiddenReason", p.hiddenReason());
    return m;
  }

  static Map<String, Object> audit(AuditEntry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seq", e.seq());
    m.put("actor", e.actorId());
    m.put("action", e.action().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    m.put("target", e.targetId());
    m.put("reason", e.reason());
    m.put("at", e.at().toString());
    return m;
  }
}
