package org.pledgepad.server.access;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;
import org.pledgepad.server.protocol.DocumentNames;

/**
 * Names for documents people start from the web client: readable in a link and a log line
 * (the title in lower-case ASCII, "Änderungsantrag Glasfaser" → "aenderungsantrag-glasfaser")
 * and not guessable (six random characters after it), since a draft's name must not tell
 * anyone outside its body that it exists, and two motions may share a title.
 */
final class NewDocumentNames {
  static final int MAX_SLUG = 60;
  private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"; // no 0/o, 1/l
  private static final int SUFFIX = 6;

  private final SecureRandom random;

  NewDocumentNames(SecureRandom random) {
    this.random = random;
  }

  /** A fresh name for a document titled {@code title}; valid for {@link DocumentNames#isValid}. */
  String next(String title) {
    StringBuilder b = new StringBuilder(slug(title)).append('-');
    for (int i = 0; i < SUFFIX; i++) {
      b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    String name = b.toString();
    if (!DocumentNames.isValid(name)) {
      throw new IllegalStateException("generated an invalid document name");
    }
    return name;
  }

  /** The title's words in lower-case ASCII joined by dashes, at most {@link #MAX_SLUG}; "antrag" when none remain. */
  static String slug(String title) {
    String t = title.toLowerCase(Locale.GERMAN)
        .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
    // Other accents go with their base letter (é → e); what is left outside a-z0-9 separates words.
    t = Normalizer.normalize(t, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < t.length() && b.length() < MAX_SLUG; i++) {
      char c = t.charAt(i);
      if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
        b.append(c);
      } else if (b.length() > 0 && b.charAt(b.length() - 1) != '-') {
        b.append('-');
      }
    }
    while (b.length() > 0 && b.charAt(b.length() - 1) == '-') {
      b.setLength(b.length() - 1);
    }
    return b.length() == 0 ? "antrag" : b.toString();
  }
}
