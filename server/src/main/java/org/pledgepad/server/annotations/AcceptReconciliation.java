package org.pledgepad.server.annotations;

import io.vertx.core.Vertx;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import org.pledgepad.annotations.service.AcceptReconciler;
import org.pledgepad.annotations.service.Annotations;
import org.pledgepad.server.history.HistoryDb;
import org.pledgepad.server.history.LogNote;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link AcceptReconciler} on every node: a first round soon after the start (the
 * usual moment after a crash) and then periodically, off the event loop. The log is read
 * through the history's notes, the one place an accepted edit is recorded atomically with the
 * edit itself.
 */
final class AcceptReconciliation {
  private static final Logger LOG = LoggerFactory.getLogger(AcceptReconciliation.class);
  static final long FIRST_ROUND_MS = 60_000;
  static final long PERIOD_MS = 5 * 60_000;

  private AcceptReconciliation() {}

  static void start(Vertx vertx, Annotations annotations, HistoryDb history, AnnotationPush push) {
    AcceptReconciler reconciler = annotations.acceptReconciler((document, ids) -> logged(history, document, ids));
    vertx.setPeriodic(FIRST_ROUND_MS, PERIOD_MS, id -> vertx.executeBlocking(reconciler::run, false)
        .onSuccess(events -> {
          if (!events.isEmpty()) {
            // Document names and ids only: what the suggestions say stays out of the log.
            LOG.warn("{} accepted suggestion(s) had no stored edit and are open again: {}", events.size(),
                events.stream().map(e -> e.document() + "/" + e.thread()).toList());
            push.push(events);
          }
        })
        .onFailure(e -> LOG.warn("Checking accepted suggestions against the history failed; next round in {} s",
            PERIOD_MS / 1000, e)));
  }

  /** The ids among {@code ids} that an accepted-suggestion note of {@code document}'s log names. */
  static Set<String> logged(HistoryDb history, String document, Set<String> ids) {
    Set<String> out = new HashSet<>();
    try {
      for (LogNote n : history.notes(document, 0, Long.MAX_VALUE)) {
        for (String id : ids) {
          if (n.appliedSuggestion(id)) {
            out.add(id);
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading the log notes of a document failed", e);
    }
    return out;
  }
}
