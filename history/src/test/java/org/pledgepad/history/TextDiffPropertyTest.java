package org.pledgepad.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;

class TextDiffPropertyTest {
  /** Rebuilds the new text from the old one and the parts; checks ranges tile both texts. */
  static String apply(String older, String newer, List<TextDiff.Part> parts) {
    StringBuilder sb = new StringBuilder();
    int o = 0;
    int n = 0;
    for (TextDiff.Part p : parts) {
      assertThat(p.oldFrom()).isEqualTo(o);
      assertThat(p.newFrom()).isEqualTo(n);
      switch (p.kind()) {
        case EQUAL -> {
          assertThat(older.substring(p.oldFrom(), p.oldTo())).isEqualTo(newer.substring(p.newFrom(), p.newTo()));
          sb.append(older, p.oldFrom(), p.oldTo());
        }
        case INSERT -> sb.append(newer, p.newFrom(), p.newTo());
        case DELETE -> { }
      }
      o = p.oldTo();
      n = p.newTo();
    }
    assertThat(o).isEqualTo(older.length());
    assertThat(n).isEqualTo(newer.length());
    return sb.toString();
  }

  @Property
  void wordDiffRebuildsTheNewText(@ForAll @CharRange(from = ' ', to = 'f') @StringLength(max = 60) String a,
                                  @ForAll @CharRange(from = ' ', to = 'f') @StringLength(max = 60) String b) {
    assertThat(apply(a, b, TextDiff.words(a, b))).isEqualTo(b);
  }

  @Property
  void charDiffRebuildsTheNewText(@ForAll @CharRange(from = ' ', to = 'f') @StringLength(max = 60) String a,
                                  @ForAll @CharRange(from = ' ', to = 'f') @StringLength(max = 60) String b) {
    assertThat(apply(a, b, TextDiff.chars(a, b))).isEqualTo(b);
  }

  @Property
  void charDiffIsMinimal(@ForAll @CharRange(from = 'a', to = 'c') @StringLength(max = 14) String a,
                         @ForAll @CharRange(from = 'a', to = 'c') @StringLength(max = 14) String b) {
    // Plain Myers over characters (no word pass) must reach the edit distance of insert/delete.
    int edits = 0;
    for (Myers.Run r : Myers.diff(Tokens.chars(a, 0, a.length()), Tokens.chars(b, 0, b.length()))) {
      edits += r.op() == Myers.Op.EQUAL ? 0 : r.len();
    }
    assertThat(edits).isEqualTo(a.length() + b.length() - 2 * lcs(a, b));
  }

  static int lcs(String a, String b) {
    int[][] t = new int[a.length() + 1][b.length() + 1];
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        t[i][j] = a.charAt(i - 1) == b.charAt(j - 1) ? t[i - 1][j - 1] + 1 : Math.max(t[i - 1][j], t[i][j - 1]);
      }
    }
    return t[a.length()][b.length()];
  }
}
