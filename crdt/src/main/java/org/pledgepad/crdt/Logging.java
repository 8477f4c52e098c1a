package org.pledgepad.crdt;

// Follows yjs/src/utils/logging.js (yjs 13.6.33).

import java.util.ArrayList;
import java.util.List;

/** Debug output of a type's item list. */
public final class Logging {
  private Logging() {}

  /** A description of the children of type (all items, then the content of undeleted ones). */
  public static String logType(AbstractType<?> type) {
    List<Item> res = new ArrayList<>();
    for (Item n = type._start; n != null; n = n.right) {
      res.add(n);
    }
    List<Object> content = new ArrayList<>();
    for (Item m : res) {
      if (!m.deleted()) {
        content.add(m.content.getContent());
      }
    }
    return "Children: " + res + "\nChildren content: " + content;
  }
}
