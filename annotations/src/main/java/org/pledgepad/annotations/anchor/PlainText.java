package org.pledgepad.annotations.anchor;

import org.pledgepad.crdt.ContentString;
import org.pledgepad.crdt.Item;
import org.pledgepad.crdt.YText;

/**
 * The characters of a text type with the same indices as Yjs positions. {@code toString()} is
 * not usable for this: a Y.XmlText renders its formatting as tags, and a plain Y.Text skips
 * embeds although each counts as one position. Embeds appear here as U+FFFC, the object
 * replacement character, so that indices and quotes stay aligned.
 */
public final class PlainText {
  /** Stands for one embedded object (an image, a mention) inside a text. */
  public static final char EMBED = '\uFFFC';

  private PlainText() {}

  public static String of(YText type) {
    StringBuilder sb = new StringBuilder(type.length());
    for (Item n = type._start; n != null; n = n.right) {
      if (n.deleted() || !n.countable()) {
        continue;
      }
      if (n.content instanceof ContentString s) {
        sb.append(s.str);
      } else {
        for (long i = 0; i < n.length; i++) {
          sb.append(EMBED);
        }
      }
    }
    return sb.toString();
  }
}
