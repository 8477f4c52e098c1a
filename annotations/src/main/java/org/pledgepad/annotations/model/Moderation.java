package org.pledgepad.annotations.model;

/** Moderation state of one post. */
public enum Moderation {
  /** Shown to everyone who may read the document. */
  VISIBLE,
  /** Written under pre-moderation: only its author and moderators see it until approved. */
  PENDING,
  /** Hidden by a moderator: others see "ausgeblendet"; author and moderators see the text and the reason. */
  HIDDEN
}
