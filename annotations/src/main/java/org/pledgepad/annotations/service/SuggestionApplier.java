package org.pledgepad.annotations.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pledgepad.annotations.anchor.Resolution;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.UpdateHandler;
import org.pledgepad.crdt.Y;
import org.pledgepad.crdt.YText;

/**
 * Writes an accepted suggestion into the document: delete the passage, insert the replacement
 * where it began, in one transaction, and hand back that transaction's v1 update for the log
 * and the broadcast. The replacement takes the formatting of the passage's first character, so
 * that replacing a bold phrase gives bold text (Yjs would otherwise take the formatting of the
 * character before the passage).
 */
final class SuggestionApplier {
  private SuggestionApplier() {}

  static byte[] apply(Doc doc, Resolution passage, String replacement, SuggestionOrigin origin) {
    YText text = passage.type();
    int start = passage.start();
    int length = passage.end() - passage.start();
    Map<String, Object> attributes = attributesAt(text, start);
    List<byte[]> updates = new ArrayList<>();
    UpdateHandler capture = (update, o, d, tr) -> {
      if (o == origin) {
        updates.add(update);
      }
    };
    doc.onUpdate(capture);
    try {
      doc.transact(tr -> {
        text.delete(start, length);
        if (!replacement.isEmpty()) {
          text.insert(start, replacement, attributes);
        }
      }, origin);
    } finally {
      doc.offUpdate(capture);
    }
    if (updates.isEmpty()) {
      throw new IllegalStateException("the transaction produced no update");
    }
    return updates.size() == 1 ? updates.get(0) : Y.mergeUpdates(updates);
  }

  /** Formatting attributes of the character at {@code index} (empty map: unformatted). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> attributesAt(YText text, int index) {
    int pos = 0;
    for (Map<String, Object> op : text.toDelta()) {
      Object insert = op.get("insert");
      int len = insert instanceof String s ? s.length() : 1;
      if (index < pos + len) {
        Object attrs = op.get("attributes");
        return attrs instanceof Map ? new LinkedHashMap<>((Map<String, Object>) attrs) : new LinkedHashMap<>();
      }
      pos += len;
    }
    return new LinkedHashMap<>();
  }
}
