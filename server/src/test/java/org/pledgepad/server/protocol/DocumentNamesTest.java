package org.pledgepad.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DocumentNamesTest {
  /** The rule as it was written before the hand-written check; the check must agree with it. */
  private static final Pattern RULE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  @Test
  void acceptsTheConservativeAlphabet() {
    assertThat(DocumentNames.isValid("a")).isTrue();
    assertThat(DocumentNames.isValid("Doc-1.v2_final")).isTrue();
    assertThat(DocumentNames.isValid("9" + "x".repeat(127))).isTrue();
  }

  @Test
  void refusesEverythingElse() {
    assertThat(DocumentNames.isValid(null)).isFalse();
    assertThat(DocumentNames.isValid("")).isFalse();
    assertThat(DocumentNames.isValid("-doc")).isFalse();
    assertThat(DocumentNames.isValid(".hidden")).isFalse();
    assertThat(DocumentNames.isValid("a/b")).isFalse();
    assertThat(DocumentNames.isValid("a b")).isFalse();
    assertThat(DocumentNames.isValid("caf\u00e9")).isFalse();
    assertThat(DocumentNames.isValid("a\u0000")).isFalse();
    assertThat(DocumentNames.isValid("9" + "x".repeat(128))).isFalse();
  }

  @Test
  void agreesWithTheRegularExpressionOnRandomNames() {
    String alphabet = "aZ09._-/ :@\u00e9\u0130\u212a\n\u0000`{[";
    Random random = new Random(7);
    for (int n = 0; n < 20_000; n++) {
      int length = random.nextInt(4) == 0 ? 120 + random.nextInt(12) : random.nextInt(6);
      StringBuilder name = new StringBuilder();
      for (int i = 0; i < length; i++) {
        // Mostly valid characters, so that long names reach the length limit.
        name.append(random.nextInt(10) == 0 ? alphabet.charAt(random.nextInt(alphabet.length())) : (char) ('a' + random.nextInt(26)));
      }
      String s = name.toString();
      assertThat(DocumentNames.isValid(s)).as(s).isEqualTo(RULE.matcher(s).matches());
    }
  }

  /** The session ids a session-aware Hocuspocus provider appends to a document's name. */
  @Test
  void theStockProvidersSessionIdsPassAndAnythingOutsideTheAlphabetOrLengthDoesNot() {
    assertThat(DocumentNames.isValidSessionId(Long.toString(8_431_220_773L, 36))).isTrue();
    assertThat(DocumentNames.isValidSessionId("a-b_C9")).isTrue();
    assertThat(DocumentNames.isValidSessionId("x".repeat(64))).isTrue();
    assertThat(DocumentNames.isValidSessionId("x".repeat(65))).isFalse();
    assertThat(DocumentNames.isValidSessionId("")).isFalse();
    for (String bad : new String[] {"a b", "a.b", "a\0b", "ä", "a/b"}) {
      assertThat(DocumentNames.isValidSessionId(bad)).as(bad).isFalse();
    }
  }
}
