package org.pledgepad.annotations.model;

import java.time.Instant;

/**
 * One line of the moderation audit log: who did what to which post or thread, when and why.
 * Append-only; kept when the affected author's data is erased (accountability of moderators).
 *
 * @param seq      position in the log, assigned by the repository on append (0 before)
 * @param actorId  subject of the moderator
 * @param targetId post, thread or document the action applied to
 * @param reason   the moderator's reason (may be empty for restore, lock, approve)
 */
public record AuditEntry(long seq, String document, String actorId, ModerationAction action, String targetId,
    String reason, Instant at) {
  public AuditEntry withSeq(long s) {
    return new AuditEntry(s, document, actorId, action, targetId, reason, at);
  }
}
