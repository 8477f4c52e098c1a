package org.pledgepad.annotations.anchor;

import org.pledgepad.crdt.YText;

/**
 * An anchor resolved against one state of a document.
 *
 * @param state ATTACHED, or PASSAGE_DELETED when nothing of the passage is left
 * @param type  the text (Y.Text or Y.XmlText paragraph) holding the passage; null when deleted
 * @param start index of the first character, UTF-16 units; 0 when deleted
 * @param end   index after the last character; equals start when deleted
 * @param text  the passage as it reads now; empty when deleted
 */
public record Resolution(AnchorState state, YText type, int start, int end, String text) {
  static Resolution deleted() {
    return new Resolution(AnchorState.PASSAGE_DELETED, null, 0, 0, "");
  }

  public boolean attached() {
    return state == AnchorState.ATTACHED;
  }
}
