package org.pledgepad.server.config;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
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
      user = decode(setting, colon < 0 ? userInfo : userInfo.substring(0, colon));
      password = colon < 0 ? null : decode(setting, userInfo.substring(colon + 1));
    }
    int port = uri.getPort() < 0 ? DEFAULT_PG_PORT : uri.getPort();
    return new DatabaseUrl(uri.getHost(), port, path.substring(1), user, password);
  }

  /**
   * RFC 3986 percent-decoding as UTF-8. Not URLDecoder: that is for HTML forms and turns '+'
   * into a space, which changes passwords. The message never holds the decoded text.
   */
  private static String decode(String setting, String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    byte[] in = s.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
    for (int i = 0; i < in.length; i++) {
      if (in[i] != '%') {
        out.write(in[i]);
        continue;
      }
      int hi = i + 2 < in.length ? Character.digit(in[i + 1], 16) : -1;
      int lo = hi < 0 ? -1 : Character.digit(in[i + 2], 16);
      if (lo < 0) {
        throw new ConfigException(setting, "malformed %-escape in the user name or password");
      }
      out.write(hi << 4 | lo);
      i += 2;
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(out.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      throw new ConfigException(setting, "a %-escape in the user name or password is not UTF-8");
    }
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  @Override
  public String toString() {
    return "postgresql://" + user + (password == null ? "" : ":***") + "@" + host + ":" + port + "/" + database;
  }
}
