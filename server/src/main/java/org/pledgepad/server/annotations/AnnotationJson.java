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
      reports.add(m);
    }
    List<Object> pending = new ArrayList<>();
    for (Post p : q.pending()) {
      pending.add(post(p));
    }
    List<Object> log = new ArrayList<>();
    for (AuditEntry e : audit) {
      log.add(audit(e));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("reports", reports);
    m.put("pending", pending);
    m.put("audit", log);
    return m;
  }

  static Map<String, Object> report(Report r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("postId", r.postId());
    m.put("reason", r.reason());
    m.put("createdAt", r.createdAt().toString());
    m.put("open", r.open());
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
