package org.pledgepad.server.store;

import java.util.Locale;

/** What kind of political document this is; the wire value is the lower-case, dashed name. */
public enum DocumentKind {
  COALITION_AGREEMENT, PROGRAMME, MOTION;

  public String wire() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static DocumentKind fromWire(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
