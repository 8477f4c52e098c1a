package org.pledgepad.auth.password;

import static org.assertj.core.api.Assertions.assertThat;

import com.nulabinc.zxcvbn.Zxcvbn;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.pledgepad.auth.password.PasswordStrength.Reason;
import org.pledgepad.auth.password.PasswordStrength.Verdict;

class PasswordStrengthTest {
  private static final PasswordStrength STRENGTH = PasswordStrength.shared();
  /** zxcvbn with nothing of ours: to show what our lists and keyboard add. */
  private static final Zxcvbn PLAIN = new Zxcvbn();

  private static Verdict judge(String password) {
    return STRENGTH.judge(password, List.of());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "123456789012 | COMMON_PASSWORD",
      "1q2w3e4r5t6z | COMMON_PASSWORD",
      "passwort1234 | WORDS",
      "aaaaaaaaaaaa | REPEAT",
      "trustno1trustno1 | REPEAT",
      "hallo hallo hallo | REPEAT",
      "abcdefghijklmn | SEQUENCE",
      "qwertyuiop[] | KEYBOARD",
      "asdfghjklöä | KEYBOARD",
      "01.01.1990Anna | DATE",
  })
  void leakedPasswordsAndPatternsAreRefusedWithTheirReason(String password, Reason reason) {
    assertThat(judge(password)).isEqualTo(new Verdict.TooGuessable(reason));
  }

  /** Plain zxcvbn takes each of these (score 3 or 4); our German list does not. */
  @ParameterizedTest
  @ValueSource(strings = {"ichliebedich1", "Digitalisierung!", "Koalitionsvertrag2021", "Wahlprogramm2026"})
  void germanWordsAndThisProductsOwnSettingAreKnown(String password) {
    assertThat(PLAIN.measure(password).getScore()).isGreaterThanOrEqualTo(PasswordStrength.MIN_SCORE);
    assertThat(judge(password)).isEqualTo(new Verdict.TooGuessable(Reason.WORDS));
  }

  /** A run of keys on a German keyboard that no US layout has (plain zxcvbn: score 4). */
  @Test
  void rowsOfTheQwertzKeyboardArePatterns() {
    assertThat(PLAIN.measure("zuiopühjklö").getScore()).isGreaterThanOrEqualTo(PasswordStrength.MIN_SCORE);
    assertThat(judge("zuiopühjklö")).isEqualTo(new Verdict.TooGuessable(Reason.KEYBOARD));
  }

  @Test
  void thePersonsLoginAndNameCountAgainstThePasswordAlsoInParts() {
    for (String password : List.of("wierzbowska2024!", "ratsfrauwierzbowska", "kwierzbowska12")) {
      assertThat(judge(password)).isInstanceOf(Verdict.Strong.class);
      assertThat(STRENGTH.judge(password, List.of("k.wierzbowska", "Ratsfrau Wierzbowska")))
          .isEqualTo(new Verdict.TooGuessable(Reason.PERSONAL));
    }
    assertThat(PasswordStrength.personalInputs(List.of("demo-citizen", "Anna Ölmann", " ")))
        .contains("demo-citizen", "democitizen", "demo", "citizen", "anna ölmann", "annaölmann", "anna", "ölmann")
        .doesNotContain("", " ");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Fahrradwege am Weinberg verbinden",
      "Grüne Welle für Radler",
      "Mein Hund heißt Bello",
      "b3cW2-FcPEW-HXPuY-Ndhk9",
      // what the server tests set as new passwords
      "ein neues langes Passwort",
      "ein-eigenes-Passwort",
  })
  void sentencesOfUncommonWordsAndRandomPasswordsPass(String password) {
    assertThat(judge(password)).isInstanceOf(Verdict.Strong.class);
  }

  @Test
  void aLongPasswordIsJudgedByItsStart() {
    String strongStart = "Fahrradwege am Weinberg verbinden, ";
    while (strongStart.length() < PasswordStrength.MEASURED_CHARACTERS) {
      strongStart += "x";
    }
    assertThat(judge(strongStart + "a".repeat(900))).isInstanceOf(Verdict.Strong.class);
    assertThat(judge("a".repeat(PasswordHasher.MAX_PASSWORD_LENGTH))).isEqualTo(new Verdict.TooGuessable(Reason.REPEAT));
    assertThat(judge("Kassel!".repeat(140))).isEqualTo(new Verdict.TooGuessable(Reason.REPEAT));
  }
}
