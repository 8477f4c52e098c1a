package org.pledgepad.server.config;

/** An invalid setting: the message names the setting and what was expected, never its value
 *  when the setting may hold a secret (DATABASE_URL). */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String setting, String problem) {
    super("Invalid setting " + setting + ": " + problem);
  }
}
