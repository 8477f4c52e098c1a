package org.pledgepad.annotations.service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.pledgepad.annotations.model.AuditEntry;
import org.pledgepad.annotations.model.ModerationAction;
import org.pledgepad.annotations.model.Report;

/**
 * The moderation decisions about single posts, read from a document's audit log (the log is the
 * record; nothing is kept twice): hide, restore and approve name the post, a dismissal names the
 * report, so a post's history is the entries naming it or one of its reports, in log order.
 */
final class DecisionHistory {
  private final List<AuditEntry> log;

  DecisionHistory(List<AuditEntry> log) {
    this.log = log;
  }

  /** Decisions about {@code postId} and the given reports about it, oldest first. */
  List<AuditEntry> of(String postId, List<Report> reports) {
    Set<String> targets = new LinkedHashSet<>();
    targets.add(postId);
    for (Report r : reports) {
      targets.add(r.id());
    }
    List<AuditEntry> out = new ArrayList<>();
    for (AuditEntry e : log) {
      if (targets.contains(e.targetId()) && isAboutAPost(e.action())) {
        out.add(e);
      }
    }
    return out;
  }

  /** Posts restored most recently (newest first), at most {@code max}. */
  List<String> recentlyRestored(int max) {
    Set<String> ids = new LinkedHashSet<>();
    for (int i = log.size() - 1; i >= 0 && ids.size() < max; i--) {
      AuditEntry e = log.get(i);
      if (e.action() == ModerationAction.RESTORE) {
        ids.add(e.targetId());
      }
    }
    return List.copyOf(ids);
  }

  private static boolean isAboutAPost(ModerationAction a) {
    return a == ModerationAction.HIDE || a == ModerationAction.RESTORE || a == ModerationAction.APPROVE
        || a == ModerationAction.DISMISS_REPORT;
  }
}
