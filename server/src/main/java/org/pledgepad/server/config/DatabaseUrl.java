package org.pledgepad.server.config;

import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.TrustOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.TrustManagerFactory;

/**
 * A parsed {@code postgresql://user[:password]@host[:port]/database[?sslmode=MODE&sslrootcert=…]}
 * URL. The password is kept out of {@link #toString()} so that the config can be logged.
 *
 * @param sslMode libpq's sslmode as given, or null when the URL has none (each client's default)
 * @param sslRootCert PEM file of the certificates that may sign the server's, or null
 * @param sslCert PEM file of the client certificate (and its chain), or null
 * @param sslKey PEM file of the client certificate's unencrypted PKCS#8 key, or null
 */
public record DatabaseUrl(String host, int port, String database, String user, String password, String sslMode,
    String sslRootCert, String sslCert, String sslKey) {
  public static final int DEFAULT_PG_PORT = 5432;
  /** libpq's values, in libpq's spelling. */
  public static final List<String> SSL_MODES = List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");
  /** The query parameters read, in libpq's spelling; any other stops the server. */
  static final List<String> PARAMETERS = List.of("sslmode", "sslrootcert", "sslcert", "sslkey");

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
    Map<String, String> q = query(setting, uri.getRawQuery());
    String mode = q.get("sslmode");
    if (mode != null && !SSL_MODES.contains(mode)) {
      throw new ConfigException(setting, "sslmode must be one of " + String.join(", ", SSL_MODES));
    }
    DatabaseUrl url = new DatabaseUrl(uri.getHost(), port, path.substring(1), user, password, mode,
        q.get("sslrootcert"), q.get("sslcert"), q.get("sslkey"));
    if (url.hasTlsFiles()) {
      if ("disable".equals(mode)) {
        throw new ConfigException(setting, "sslrootcert, sslcert and sslkey need TLS, but sslmode is disable");
      }
      url.tlsFiles(); // read and check them now, not at the first connection
    }
    return url;
  }

  /**
   * The query's parameters. Only libpq's TLS ones are read: any other would be silently ignored
   * by the clients, and a mistyped TLS setting must not quietly connect in plain text.
   */
  private static Map<String, String> query(String setting, String rawQuery) {
    Map<String, String> out = new LinkedHashMap<>();
    if (rawQuery == null) {
      return out;
    }
    for (String part : rawQuery.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      String key = decode(setting, eq < 0 ? part : part.substring(0, eq));
      if (!PARAMETERS.contains(key)) {
        // the name only: a value could be a password (libpq reads ?password=)
        String named = key.matches("[A-Za-z0-9_.-]{1,40}") ? " " + key : "";
        throw new ConfigException(setting, "unsupported query parameter" + named
            + " (supported: " + String.join(", ", PARAMETERS) + ")");
      }
      String value = eq < 0 ? "" : decode(setting, part.substring(eq + 1));
      if (out.put(key, value) != null) {
        throw new ConfigException(setting, key + " given twice");
      }
      if (value.isEmpty() && !key.equals("sslmode")) {
        throw new ConfigException(setting, key + " needs a file path");
      }
    }
    return out;
  }

  /** Whether the URL names any TLS file (then both clients use {@link PgTlsFiles}). */
  public boolean hasTlsFiles() {
    return sslRootCert != null || sslCert != null || sslKey != null;
  }

  /** The TLS files, read and checked (again: a rotated certificate is picked up by new pools). */
  PgTlsFiles tlsFiles() {
    return PgTlsFiles.load("DATABASE_URL", sslRootCert, sslCert, sslKey);
  }

  /**
   * Whether the server's certificate chain is checked: in the verify modes, and — as libpq does —
   * in every encrypting mode once a root certificate is named.
   */
  private boolean verifiesChain() {
    return effectiveSslMode().startsWith("verify-") || sslRootCert != null;
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
    String base = "jdbc:postgresql://" + host + ":" + port + "/" + database + "?sslmode=" + mode;
    if (hasTlsFiles()) {
      return base + "&sslfactory=" + PgJdbcSslFactory.class.getName()
          + param("sslrootcert", sslRootCert) + param("sslcert", sslCert) + param("sslkey", sslKey);
    }
    return base + (mode.startsWith("verify-") ? "&sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory" : "");
  }

  /** pgjdbc form-decodes its URL's values. */
  private static String param(String name, String value) {
    return value == null ? "" : "&" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
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
    ClientSSLOptions ssl = new ClientSSLOptions()
        .setHostnameVerificationAlgorithm(mode.equals("verify-full") ? "HTTPS" : "");
    PgTlsFiles files = hasTlsFiles() ? tlsFiles() : null;
    if (files != null && files.hasRoots()) {
      ssl.setTrustOptions(TrustOptions.wrap(files.trustManagerFactory()));
    } else if (verifiesChain()) {
      ssl.setTrustOptions(jvmTrust());
    } else {
      // libpq encrypts in these modes but does not check the certificate
      ssl.setTrustAll(true);
    }
    if (files != null && files.hasClientCertificate()) {
      ssl.setKeyCertOptions(KeyCertOptions.wrap(files.keyManagerFactory()));
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
    StringBuilder q = new StringBuilder();
    String[][] params = {{"sslmode", sslMode}, {"sslrootcert", sslRootCert}, {"sslcert", sslCert}, {"sslkey", sslKey}};
    for (String[] p : params) {
      if (p[1] != null) {
        q.append(q.length() == 0 ? "?" : "&").append(p[0]).append('=').append(p[1]);
      }
    }
    return "postgresql://" + user + (password == null ? "" : ":***") + "@" + host + ":" + port + "/" + database + q;
  }
}
