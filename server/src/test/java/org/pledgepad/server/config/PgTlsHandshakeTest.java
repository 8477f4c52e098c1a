package org.pledgepad.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnection;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DATABASE_URL's TLS settings, end to end for both clients the server uses — the Vert.x one
 * (document store, cluster) and pgjdbc (migrations, accounts, history) — against
 * {@link TlsPostgresEndpoint}: a connection counts as through when the endpoint's answer to the
 * startup message, sent only after the handshake, comes back.
 */
class PgTlsHandshakeTest {
  private static final String[] FIXTURES = {
      "ca.pem", "other-ca.pem", "server.pem", "server-key.pem", "client.pem", "client-key.pem", "client-key-pkcs1.pem"};
  private static Vertx vertx;
  @TempDir static Path dir;
  private TlsPostgresEndpoint endpoint;

  @BeforeAll
  static void fixtures() throws IOException {
    vertx = Vertx.vertx();
    copyFixtures(dir);
  }

  /** Copies the test certificates; keys as 0600, since git keeps no such mode and keys others can read are refused. */
  static void copyFixtures(Path to) throws IOException {
    for (String name : FIXTURES) {
      try (InputStream in = PgTlsHandshakeTest.class.getResourceAsStream("/pg-tls/" + name)) {
        Path file = to.resolve(name);
        Files.copy(in, file);
        if (name.contains("key")) {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
      }
    }
  }

  @AfterAll
  static void closeVertx() {
    vertx.close().await();
  }

  @BeforeEach
  void start() throws IOException {
    PgTlsFiles server = PgTlsFiles.load("test", file("ca.pem"), file("server.pem"), file("server-key.pem"));
    endpoint = new TlsPostgresEndpoint(server.sslContext(true));
  }

  @AfterEach
  void stop() throws IOException {
    endpoint.close();
  }

  private static String file(String name) {
    return dir.resolve(name).toString();
  }

  private DatabaseUrl url(String host, String query) {
    String raw = "postgresql://app@" + host + ":" + endpoint.port() + "/pledgepad?" + query;
    return ConfigLoader.load(Map.of("DATABASE_URL", raw)).databaseUrl().orElseThrow();
  }

  /** The Vert.x client's outcome: the error it ended with (the endpoint never lets one in). */
  private static String vertxAttempt(DatabaseUrl url) throws InterruptedException {
    try {
      PgConnection.connect(vertx, url.connectOptions())
          .toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS).close();
      return "connected";
    } catch (ExecutionException e) {
      return String.valueOf(e.getCause());
    } catch (java.util.concurrent.TimeoutException e) {
      return "timed out";
    }
  }

  private static String jdbcAttempt(DatabaseUrl url) {
    Properties props = new Properties();
    props.setProperty("user", url.user());
    props.setProperty("connectTimeout", "5");
    props.setProperty("socketTimeout", "10");
    try (var c = DriverManager.getConnection(url.jdbcUrl(), props)) {
      return "connected";
    } catch (SQLException e) {
      return e + (e.getCause() == null ? "" : " / " + e.getCause());
    }
  }

  @Test
  void verifyFullWithOurRootAndAClientCertificateGetsThroughAndPresentsTheCertificate() throws Exception {
    DatabaseUrl url = url("localhost", "sslmode=verify-full&sslrootcert=" + file("ca.pem")
        + "&sslcert=" + file("client.pem") + "&sslkey=" + file("client-key.pem"));

    assertThat(vertxAttempt(url)).contains(TlsPostgresEndpoint.MARKER);
    assertThat(jdbcAttempt(url)).contains(TlsPostgresEndpoint.MARKER);
    assertThat(endpoint.handshakes).containsExactly("CN=pledgepad-app", "CN=pledgepad-app");
    assertThat(endpoint.startups).hasSize(2);
  }

  @Test
  void verifyFullRefusesACertificateForAnotherHostNameWhereVerifyCaAcceptsIt() throws Exception {
    // the server's certificate names localhost only
    DatabaseUrl full = url("127.0.0.1", "sslmode=verify-full&sslrootcert=" + file("ca.pem"));
    assertThat(vertxAttempt(full)).doesNotContain(TlsPostgresEndpoint.MARKER);
    assertThat(jdbcAttempt(full)).doesNotContain(TlsPostgresEndpoint.MARKER);
    assertThat(endpoint.startups).isEmpty();
    endpoint.handshakes.clear(); // pgjdbc checks the name after the handshake, Vert.x during it

    DatabaseUrl ca = url("127.0.0.1", "sslmode=verify-ca&sslrootcert=" + file("ca.pem"));
    assertThat(vertxAttempt(ca)).contains(TlsPostgresEndpoint.MARKER);
    assertThat(jdbcAttempt(ca)).contains(TlsPostgresEndpoint.MARKER);
    assertThat(endpoint.startups).hasSize(2);
    // No client certificate in either; the endpoint may still record the refused pgjdbc
    // handshake above after the clear (its thread, not the client's, records it; seen in CI).
    assertThat(endpoint.handshakes).hasSizeGreaterThanOrEqualTo(2).containsOnly("");
  }

  @Test
  void aRootThatDidNotSignTheServersCertificateFailsInEveryModeAsInLibpq() throws Exception {
    for (String mode : new String[] {"require", "verify-ca", "verify-full"}) {
      DatabaseUrl url = url("localhost", "sslmode=" + mode + "&sslrootcert=" + file("other-ca.pem"));
      assertThat(vertxAttempt(url)).as(mode).doesNotContain(TlsPostgresEndpoint.MARKER).isNotEqualTo("connected");
      assertThat(jdbcAttempt(url)).as(mode).doesNotContain(TlsPostgresEndpoint.MARKER).isNotEqualTo("connected");
    }
    assertThat(endpoint.startups).isEmpty();
  }

  @Test
  void withoutARootRequireEncryptsWithoutCheckingAndVerifyCaChecksAgainstTheJvmsTrustStore() throws Exception {
    DatabaseUrl require = url("127.0.0.1", "sslmode=require");
    assertThat(vertxAttempt(require)).contains(TlsPostgresEndpoint.MARKER);
    assertThat(jdbcAttempt(require)).contains(TlsPostgresEndpoint.MARKER);
    assertThat(endpoint.startups).hasSize(2);

    // our test CA is in no JVM trust store
    DatabaseUrl verify = url("localhost", "sslmode=verify-ca");
    assertThat(vertxAttempt(verify)).doesNotContain(TlsPostgresEndpoint.MARKER);
    assertThat(jdbcAttempt(verify)).doesNotContain(TlsPostgresEndpoint.MARKER);
    assertThat(endpoint.startups).hasSize(2);
  }
}
