package org.pledgepad.auth.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses operator durations such as 90s, 30m, 1h, 7d. */
final class Durations {
  private static final Pattern FORMAT = Pattern.compile("([1-9][0-9]{0,5})([smhd])");

  private Durations() {}

  static Duration parse(String text) throws UsageException {
    Matcher m = FORMAT.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw new UsageException("invalid duration '" + text + "' (use e.g. 90s, 30m, 1h, 7d)");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }
}
