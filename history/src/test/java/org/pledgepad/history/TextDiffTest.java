package org.pledgepad.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextDiffTest {
  static String render(String a, String b, List<TextDiff.Part> parts) {
    StringBuilder sb = new StringBuilder();
    for (TextDiff.Part p : parts) {
      switch (p.kind()) {
        case EQUAL -> sb.append(a, p.oldFrom(), p.oldTo());
        case DELETE -> sb.append("[-").append(a, p.oldFrom(), p.oldTo()).append("-]");
        case INSERT -> sb.append("{+").append(b, p.newFrom(), p.newTo()).append("+}");
      }
    }
    return sb.toString();
  }

  @Test
  void wordDiffMarksWholeWords() {
    String a = "Die Stadt fördert offene Daten.";
    String b = "Die Stadt fordert freie Daten.";
    assertThat(render(a, b, TextDiff.words(a, b))).isEqualTo("Die Stadt [-fördert-]{+fordert+} [-offene-]{+freie+} Daten.");
  }

  @Test
  void charDiffRefinesInsideWords() {
    String a = "fördert";
    String b = "fordert";
    assertThat(render(a, b, TextDiff.chars(a, b))).isEqualTo("f[-ö-]{+o+}rdert");
  }

  @Test
  void emojiStaysOneToken() {
    String a = "Ja 👍 gut";
    String b = "Ja 👎 gut";
    assertThat(render(a, b, TextDiff.words(a, b))).isEqualTo("Ja [-👍-]{+👎+} gut");
  }
}
