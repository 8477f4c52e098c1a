package org.pledgepad.server.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A parsed {@code postgresql://user[:password]@host[:port]/database} URL. The password is kept
 * out of {@link #toString()} so that the config can be logged.
 */
public record DatabaseUrl(String host, int port, String database, String user, String password) {
  public static final int DEFAULT_PG_PORT = 5432;

  static DatabaseUrl parse(String setting, String raw) {
    URI uri;
    try {
      uri = new URI(raw);
    } catch (URISyntaxException e) {
      throw new ConfigException(setting, "not a URL of the form postgresql://user@host:port/db");
    }
    String scheme = uri.getScheme();
    if (!"postgresql".equals(scheme) && !"postgres".equals(scheme)) {
      throw new ConfigException(setting, "scheme must be postgresql://");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new ConfigException(setting, "host missing");
    }
    String path = uri.getPath();
    if (path == null || path.length() < 2 || path.indexOf('/', 1) >= 0) {
      throw new ConfigException(setting, "database name missing (postgresql://user@host:port/db)");
    }
    String user = "postgres";
    String password = null;
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null && !userInfo.isEmpty()) {
      int colon = userInfo.indexOf(':');
      user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
      password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
    }
    int port = uri.getPort() < 0 ? DEFAULT_PG_PORT : uri.getPort();
    return new DatabaseUrl(uri.getHost(), port, path.substring(1), user, password);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  @Override
  public String toString() {
    return "postgresql://" + user + (password == null ? "" : ":***") + "@" + host + ":" + port + "/" + database;
  }
}
