package org.pledgepad.annotations.model;

/** Life cycle of a suggested change. */
public enum SuggestionState {
  /** Waiting for an editor. */
  OPEN,
  /** Applied to the text (the edit is in the document's log). */
  ACCEPTED,
  /** Declined by an editor, with a reason. */
  REJECTED,
  /** Taken back: its author deleted it or had their data erased. */
  WITHDRAWN
}
