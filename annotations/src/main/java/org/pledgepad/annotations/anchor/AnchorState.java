package org.pledgepad.annotations.anchor;

/** Where an annotation's passage stands in the current text. */
public enum AnchorState {
  /** The passage still exists (possibly edited inside); it has a current text. */
  ATTACHED,
  /**
   * Every character of the passage was deleted, or the paragraph holding it was. The quote taken
   * at creation is all that is left to show.
   */
  PASSAGE_DELETED
}
