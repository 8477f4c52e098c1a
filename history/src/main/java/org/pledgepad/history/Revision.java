package org.pledgepad.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An automatic revision: rows from {@code fromSeq} to {@code toSeq} that people perceive as one
 * editing session, with its size measured on the text before and after.
 *
 * @param actors who wrote it, in order of first row (one actor unless a caller merges)
 * @param inserted characters in the text after that were not in the text before (character diff)
 * @param deleted characters of the text before that are gone
 * @param names named versions pointing at toSeq
 * @param restore the restore this revision performed, or null
 */
public record Revision(long fromSeq, long toSeq, long fromTimeMillis, long toTimeMillis, List<String> actors,
                       int rows, int inserted, int deleted, List<NamedVersion> names, RestorePoint restore) {

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    // The short fields the web client's history list reads (seq, at, actor, note, size) ...
    m.put("seq", toSeq);
    m.put("at", Instant.ofEpochMilli(toTimeMillis).toString());
    m.put("actor", actors.isEmpty() ? null : actors.get(0));
    m.put("note", names.isEmpty() ? null : names.get(0).name());
    m.put("size", inserted + deleted);
    // ... and the full record.
    m.put("fromSeq", fromSeq);
    m.put("toSeq", toSeq);
    m.put("from", Instant.ofEpochMilli(fromTimeMillis).toString());
    m.put("to", Instant.ofEpochMilli(toTimeMillis).toString());
    m.put("actors", new ArrayList<Object>(actors));
    m.put("rows", rows);
    m.put("inserted", inserted);
    m.put("deleted", deleted);
    List<Object> ns = new ArrayList<>();
    for (NamedVersion n : names) {
      Map<String, Object> nm = new LinkedHashMap<>();
      nm.put("name", n.name());
      nm.put("creator", n.creator());
      nm.put("time", Instant.ofEpochMilli(n.timeMillis()).toString());
      ns.add(nm);
    }
    m.put("names", ns);
    if (restore != null) {
      m.put("restoredSeq", restore.restoredSeq());
    }
    return m;
  }
}
