package org.pledgepad.server.config;

import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.TrustOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;

/**
 * A parsed {@code postgresql://user[:password]@host[:port]/database[?sslmode=MODE]} URL. The
 * password is kept out of {@link #toString()} so that the config can be logged.
 *
 * @param sslMode libpq's sslmode as given, or null when the URL has none (each client's default)
 */
public record DatabaseUrl(String host, int port, String database, String user, String password, String sslMode) {
  public static final int DEFAULT_PG_PORT = 5432;
  /** libpq's values, in libpq's spelling. */
  public static final List<String> SSL_MODES = List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

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
    if (uri.getRawFragment() != null) {
      // most likely an unescaped '#' that cut the URL short
      throw new ConfigException(setting, "must not contain '#' (write it as %23 in a password)");
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
    return new DatabaseUrl(uri.getHost(), port, path.substring(1), user, password, sslMode(setting, uri.getRawQuery()));
  }

  /**
   * The sslmode of the query, the only parameter read: any other would be silently ignored by
   * the clients, and a mistyped TLS setting must not quietly connect in plain text.
   */
  private static String sslMode(String setting, String rawQuery) {
    if (rawQuery == null) {
      return null;
    }
    String mode = null;
    for (String part : rawQuery.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      String key = decode(setting, eq < 0 ? part : part.substring(0, eq));
      if (!"sslmode".equals(key)) {
        // the name only: a value could be a password (libpq reads ?password=)
        String named = key.matches("[A-Za-z0-9_.-]{1,40}") ? " " + key : "";
        throw new ConfigException(setting, "unsupported query parameter" + named + " (only sslmode is supported)");
      }
      if (mode != null) {
        throw new ConfigException(setting, "sslmode given twice");
      }
      mode = eq < 0 ? "" : decode(setting, part.substring(eq + 1));
      if (!SSL_MODES.contains(mode)) {
        throw new ConfigException(setting, "sslmode must be one of " + String.join(", ", SSL_MODES));
      }
    }
    return mode;
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
        throw new ConfigException(setting, "malformed %-escape in the user name, password or query");
      }
      out.write(hi << 4 | lo);
      i += 2;
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(out.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      throw new ConfigException(setting, "a %-escape in the user name, password or query is not UTF-8");
    }
  }

  /**
   * For the JDBC paths (Flyway, accounts, history, ...). pgjdbc reads sslmode like libpq, but for
   * verify-ca/verify-full its default factory wants ~/.postgresql/root.crt; the JVM's trust store
   * is used instead, as for the Vert.x client.
   */
  public String jdbcUrl() {
    String mode = effectiveSslMode();
    return "jdbc:postgresql://" + host + ":" + port + "/" + database + "?sslmode=" + mode
        + (mode.startsWith("verify-") ? "&sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory" : "");
  }

  /**
   * The sslmode every connection uses: as given, else libpq's and pgjdbc's default, {@code prefer}
   * (encrypted where the server offers it), so that the store's connections and the JDBC ones
   * never differ.
   */
  public String effectiveSslMode() {
    return sslMode == null ? "prefer" : sslMode;
  }

  /** Address, credentials and sslmode for the Vert.x PostgreSQL client; callers add the rest. */
  public PgConnectOptions connectOptions() {
    PgConnectOptions o = new PgConnectOptions()
        .setHost(host).setPort(port).setDatabase(database).setUser(user);
    if (password != null) {
      o.setPassword(password);
    }
    String mode = effectiveSslMode();
    if (mode.equals("disable")) {
      return o.setSslMode(SslMode.DISABLE);
    }
    ClientSSLOptions ssl = new ClientSSLOptions();
    switch (mode) {
      case "verify-ca" -> ssl.setTrustOptions(jvmTrust()).setHostnameVerificationAlgorithm("");
      case "verify-full" -> ssl.setTrustOptions(jvmTrust()).setHostnameVerificationAlgorithm("HTTPS");
      // libpq encrypts in these modes but does not check the certificate
      default -> ssl.setTrustAll(true).setHostnameVerificationAlgorithm("");
    }
    return o.setSslMode(SslMode.of(mode)).setSslOptions(ssl);
  }

  /** The JVM's default trust store (cacerts, or javax.net.ssl.trustStore if set). */
  private static TrustOptions jvmTrust() {
    try {
      TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      f.init((KeyStore) null);
      return TrustOptions.wrap(f);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot load the JVM's default trust store", e);
    }
  }

  @Override
  public String toString() {
    return "postgresql://" + user + (password == null ? "" : ":***") + "@" + host + ":" + port + "/" + database
        + (sslMode == null ? "" : "?sslmode=" + sslMode);
  }
}
