package org.pledgepad.server.store;

import java.util.Locale;

/** Where a document stands in its life; the wire value is the lower-case name. */
public enum DocumentStage {
  DRAFT, CONSULTATION, PUBLISHED, ARCHIVED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static DocumentStage fromWire(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
