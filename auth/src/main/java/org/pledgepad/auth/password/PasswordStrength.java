package org.pledgepad.auth.password;

import com.nulabinc.zxcvbn.Pattern;
import com.nulabinc.zxcvbn.StandardDictionaries;
import com.nulabinc.zxcvbn.StandardKeyboards;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.ZxcvbnBuilder;
import com.nulabinc.zxcvbn.io.ClasspathResource;
import com.nulabinc.zxcvbn.matchers.Dictionary;
import com.nulabinc.zxcvbn.matchers.Match;
import com.nulabinc.zxcvbn.matchers.SlantedKeyboardLoader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses passwords that are easy to guess, as NIST SP 800-63B (5.1.1.2) asks of a verifier:
 * compare a new password against lists of commonly used, expected or compromised values, and tell
 * the person why it was refused. Length alone let "passwort1234", "123456789012" or the login
 * twice through.
 *
 * <p>zxcvbn estimates how many guesses an attacker who tries leaked passwords, dictionary words,
 * names, keyboard patterns, repeats, sequences and dates first would need. Its own lists are
 * English; this adds the words German passwords are made of, this product's setting (the town,
 * the parties, the documents), the QWERTZ keyboard, and the person's own login and name.
 *
 * <p>The bar is zxcvbn's score 3, at least 10^10 guesses: what zxcvbn calls moderate protection
 * against an offline attack on a slow hash, which is the attack Argon2id is there for (an online
 * one meets {@link LoginThrottle} long before). A sentence of a few uncommon words passes easily.
 */
public final class PasswordStrength {
  /** zxcvbn's score from which a password is taken: 3 = at least 10^10 guesses. */
  public static final int MIN_SCORE = 3;
  /**
   * zxcvbn's matching grows faster than linearly with the length; a longer password is judged by
   * its first characters, which alone are far beyond the bar unless they are a pattern.
   */
  static final int MEASURED_CHARACTERS = 100;
  /** Parts of a login or name shorter than this match too much to be telling. */
  private static final int MIN_PERSONAL_PART = 3;

  /** Why a password was refused: the pattern behind the longest guessable part of it. */
  public enum Reason {
    COMMON_PASSWORD("common-password"),
    PERSONAL("personal"),
    WORDS("words"),
    KEYBOARD("keyboard"),
    REPEAT("repeat"),
    SEQUENCE("sequence"),
    DATE("date"),
    GUESSABLE("guessable");

    private final String code;

    Reason(String code) {
      this.code = code;
    }

    /** The stable name clients translate (HTTP problem detail {@code reason}). */
    public String code() {
      return code;
    }
  }

  /** The judgement on one password. */
  public sealed interface Verdict {
    /** Strong enough; nothing to say. */
    record Strong() implements Verdict {}

    /** Below the bar, with the main reason. */
    record TooGuessable(Reason reason) implements Verdict {}
  }

  private static final String GERMAN_WORDS = "pledgepad_german";

  private static volatile PasswordStrength shared;

  private final Zxcvbn zxcvbn;

  private PasswordStrength(Zxcvbn zxcvbn) {
    this.zxcvbn = zxcvbn;
  }

  /**
   * The one instance of this process. Loading the lists takes a few hundred milliseconds and some
   * megabytes, so it happens once, on first use (a worker thread: password changes are hashed there).
   */
  public static PasswordStrength shared() {
    PasswordStrength s = shared;
    if (s == null) {
      synchronized (PasswordStrength.class) {
        s = shared;
        if (s == null) {
          s = load();
          shared = s;
        }
      }
    }
    return s;
  }

  static PasswordStrength load() {
    try {
      Zxcvbn z = new ZxcvbnBuilder()
          .dictionaries(StandardDictionaries.loadAllDictionaries())
          .dictionary(new Dictionary(GERMAN_WORDS, germanWords()))
          .keyboards(StandardKeyboards.loadAllKeyboards())
          .keyboard(new SlantedKeyboardLoader("qwertz",
              new ClasspathResource("/org/pledgepad/auth/password/qwertz.txt")).load())
          .build();
      return new PasswordStrength(z);
    } catch (IOException e) {
      throw new UncheckedIOException("password lists missing from the jar", e);
    }
  }

  private static List<String> germanWords() throws IOException {
    List<String> words = new ArrayList<>();
    try (InputStream in = PasswordStrength.class.getResourceAsStream("german-words.txt")) {
      if (in == null) {
        throw new IOException("german-words.txt");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = reader.readLine()) != null; ) {
        String word = line.strip();
        if (!word.isEmpty() && !word.startsWith("#")) {
          words.add(word);
        }
      }
    }
    return words;
  }

  /**
   * Judges a new password. {@code personal}: what the person is known by here (login, display
   * name); each is also taken apart at spaces, hyphens and the like, so "demo-citizen" counts
   * against "Citizen2024!" too.
   */
  public Verdict judge(CharSequence password, Collection<String> personal) {
    CharSequence measured = password.length() > MEASURED_CHARACTERS
        ? password.subSequence(0, MEASURED_CHARACTERS) : password;
    Strength strength = zxcvbn.measure(measured, personalInputs(personal));
    try {
      if (strength.getScore() >= MIN_SCORE) {
        return new Verdict.Strong();
      }
      return new Verdict.TooGuessable(reason(strength.getSequence()));
    } finally {
      strength.wipe();
    }
  }

  static List<String> personalInputs(Collection<String> personal) {
    Set<String> inputs = new LinkedHashSet<>();
    for (String p : personal) {
      if (p == null || p.isBlank()) {
        continue;
      }
      String whole = p.strip().toLowerCase(Locale.ROOT);
      inputs.add(whole);
      inputs.add(whole.replaceAll("[^\\p{L}\\p{N}]", ""));
      for (String part : whole.split("[^\\p{L}\\p{N}]+")) {
        if (part.length() >= MIN_PERSONAL_PART) {
          inputs.add(part);
        }
      }
    }
    inputs.remove("");
    return new ArrayList<>(inputs);
  }

  /** The pattern of the longest part zxcvbn found a way to guess (not brute force). */
  private static Reason reason(List<Match> sequence) {
    Match longest = null;
    for (Match m : sequence) {
      if (m.pattern != Pattern.Bruteforce && (longest == null || m.tokenLength() > longest.tokenLength())) {
        longest = m;
      }
    }
    if (longest == null) {
      return Reason.GUESSABLE;
    }
    switch (longest.pattern) {
      case Dictionary:
        if ("passwords".equals(longest.dictionaryName)) {
          return Reason.COMMON_PASSWORD;
        }
        return "user_inputs".equals(longest.dictionaryName) ? Reason.PERSONAL : Reason.WORDS;
      case Spatial:
        return Reason.KEYBOARD;
      case Repeat:
        return Reason.REPEAT;
      case Sequence:
        // zxcvbn takes "aaaa" as a sequence with step 0; people call it a repeat.
        return longest.token.chars().distinct().count() == 1 ? Reason.REPEAT : Reason.SEQUENCE;
      case Regex:
      case Date:
        return Reason.DATE;
      default:
        return Reason.GUESSABLE;
    }
  }
}
