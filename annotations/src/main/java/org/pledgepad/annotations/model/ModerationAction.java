package org.pledgepad.annotations.model;

/** What a moderator did; one audit entry each. */
public enum ModerationAction {
  HIDE, RESTORE, APPROVE, LOCK, UNLOCK, DISMISS_REPORT, PREMODERATION_ON, PREMODERATION_OFF
}
