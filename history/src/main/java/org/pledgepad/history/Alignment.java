package org.pledgepad.history;

import java.util.ArrayList;
import java.util.List;

/**
 * The exact difference between two versions of the same document, read from the CRDT instead
 * of guessed from the strings: a character is unchanged when the same item unit (client, clock)
 * is visible in both, deleted when only the older has it, inserted when only the newer has it.
 * Both versions list their characters in the one YATA order, so one merge pass suffices — O(N)
 * where a text diff is O(N·D), and a retyped identical word still counts as a change, as it was.
 */
final class Alignment {
  private Alignment() {}

  static List<TextDiff.Part> align(TextProjection older, TextProjection newer) {
    IdSet inOlder = IdSet.of(older);
    IdSet inNewer = IdSet.of(newer);
    List<TextDiff.Part> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    int n = older.length();
    int m = newer.length();
    while (i < n || j < m) {
      int i0 = i;
      while (i < n && !inNewer.contains(older.clients[i], older.clocks[i])) {
        i++;
      }
      if (i > i0) {
        out.add(new TextDiff.Part(TextDiff.Kind.DELETE, i0, i, j, j));
      }
      int j0 = j;
      while (j < m && !inOlder.contains(newer.clients[j], newer.clocks[j])) {
        j++;
      }
      if (j > j0) {
        out.add(new TextDiff.Part(TextDiff.Kind.INSERT, i, i, j0, j));
      }
      int ie = i;
      int je = j;
      while (ie < n && je < m && older.clients[ie] == newer.clients[je] && older.clocks[ie] == newer.clocks[je]) {
        ie++;
        je++;
      }
      if (ie > i) {
        out.add(new TextDiff.Part(TextDiff.Kind.EQUAL, i, ie, j, je));
      } else if (i < n && j < m) {
        // Both point at shared units in different orders: impossible within one YATA list, but
        // a caller may pass unrelated documents with colliding ids. Fall back to replacing.
        out.add(new TextDiff.Part(TextDiff.Kind.DELETE, i, n, j, j));
        out.add(new TextDiff.Part(TextDiff.Kind.INSERT, n, n, j, m));
        ie = n;
        je = m;
      }
      i = ie;
      j = je;
    }
    return out;
  }
}
