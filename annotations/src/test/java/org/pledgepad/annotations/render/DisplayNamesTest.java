package org.pledgepad.annotations.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayNamesTest {
  @Test
  void bidiOverrideCannotReverseTheName() {
    assertThat(DisplayNames.clean("Anna \u202Enimda")).isEqualTo("Anna nimda");
  }

  @Test
  void whitespaceCollapsesAndZeroWidthCharactersGo() {
    assertThat(DisplayNames.clean("  Anna\u200B \n\t Rat  ")).isEqualTo("Anna Rat");
  }

  @Test
  void longNamesAreCutAtEightyCodePoints() {
    String name = "😀".repeat(100);
    String clean = DisplayNames.clean(name);
    assertThat(clean.codePointCount(0, clean.length())).isEqualTo(80);
  }

  @Test
  void nothingPrintableLeftGivesTheUnknownName() {
    assertThat(DisplayNames.clean("\u202E\u200F")).isEqualTo(DisplayNames.UNKNOWN);
  }

  @Test
  void htmlFormIsEscaped() {
    assertThat(DisplayNames.html("<b>Ben & Co</b>")).isEqualTo("&lt;b&gt;Ben &amp; Co&lt;/b&gt;");
  }
}
