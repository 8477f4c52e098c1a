package org.pledgepad.server.protocol;

import java.util.regex.Pattern;

/** Document names appear in URLs, logs and SQL parameters: a conservative alphabet only. */
public final class DocumentNames {
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  private DocumentNames() {}

  public static boolean isValid(String name) {
    return name != null && VALID.matcher(name).matches();
  }
}
