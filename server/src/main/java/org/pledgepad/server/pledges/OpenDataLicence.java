package org.pledgepad.server.pledges;

import java.util.Map;
import org.pledgepad.pledges.export.LicenceInfo;

/**
 * The licence of the open-data exports, chosen by the operator: OPEN_DATA_LICENCE
 * ({@code dl-de-by-2.0}, the default, or {@code cc-by-4.0}) and OPEN_DATA_ATTRIBUTION (the name
 * re-users must give, default "Pledgepad"). Read from the environment only: the server's config
 * file accepts its own keys alone.
 */
final class OpenDataLicence {
  static final String LICENCE_KEY = "OPEN_DATA_LICENCE";
  static final String ATTRIBUTION_KEY = "OPEN_DATA_ATTRIBUTION";
  static final int MAX_ATTRIBUTION = 200;

  private OpenDataLicence() {}

  static LicenceInfo fromEnv(Map<String, String> env) {
    String attribution = env.getOrDefault(ATTRIBUTION_KEY, "Pledgepad").strip();
    if (attribution.isEmpty() || attribution.length() > MAX_ATTRIBUTION || attribution.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(ATTRIBUTION_KEY + " must be 1 to " + MAX_ATTRIBUTION
          + " characters without control characters");
    }
    String licence = env.getOrDefault(LICENCE_KEY, "dl-de-by-2.0").strip();
    return switch (licence) {
      case "dl-de-by-2.0" -> LicenceInfo.dlDeBy20(attribution);
      case "cc-by-4.0" -> LicenceInfo.ccBy40(attribution);
      default -> throw new IllegalArgumentException(LICENCE_KEY + " must be dl-de-by-2.0 or cc-by-4.0");
    };
  }
}
