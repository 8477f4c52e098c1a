package org.pledgepad.auth;

/** The life cycle of a document; the stage decides which operations are possible at all. */
public enum Stage {
  /** Being written by the owner body; not public. */
  DRAFT,
  /** Public; citizens comment and suggest, the owner body still edits. */
  CONSULTATION,
  /** Final and public; the text no longer changes (only an admin may restore). */
  PUBLISHED,
  /** Withdrawn from the public view; read only. */
  ARCHIVED
}
