package org.pledgepad.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DATABASE_URL's TLS files are read and checked at start; every problem names the setting and the file. */
class PgTlsFilesTest {
  @TempDir static Path dir;

  @BeforeAll
  static void fixtures() throws IOException {
    PgTlsHandshakeTest.copyFixtures(dir);
  }

  private static String file(String name) {
    return dir.resolve(name).toString();
  }

  private static DatabaseUrl load(String query) {
    return ConfigLoader.load(Map.of("DATABASE_URL", "postgresql://u:topsecret@db/app?" + query)).databaseUrl().orElseThrow();
  }

  private static void refused(String query, String... fragments) {
    assertThatThrownBy(() -> load(query)).as(query).isInstanceOf(ConfigException.class)
        .hasMessageContaining("DATABASE_URL").hasMessageNotContaining("topsecret")
        .hasMessageContainingAll(fragments);
  }

  @Test
  void goodFilesGoIntoBothClientsAndTheLogLineNamesThemWithoutThePassword() {
    DatabaseUrl url = load("sslmode=verify-full&sslrootcert=" + file("ca.pem")
        + "&sslcert=" + file("client.pem") + "&sslkey=" + file("client-key.pem"));

    assertThat(url.connectOptions().getSslOptions().getTrustOptions()).isNotNull();
    assertThat(url.connectOptions().getSslOptions().getKeyCertOptions()).isNotNull();
    assertThat(url.connectOptions().getSslOptions().isTrustAll()).isFalse();
    assertThat(url.jdbcUrl()).contains("sslfactory=" + PgJdbcSslFactory.class.getName())
        .contains("sslrootcert=" + file("ca.pem").replace("/", "%2F"));
    assertThat(url.toString()).contains("sslkey=" + file("client-key.pem")).doesNotContain("topsecret");
  }

  @Test
  void aPathWithSpacesAndPlusSignsReachesPgjdbcUnchanged() throws IOException {
    Path odd = Files.createDirectories(dir.resolve("a b+c"));
    Files.copy(dir.resolve("ca.pem"), odd.resolve("root.pem"));
    DatabaseUrl url = load("sslmode=verify-ca&sslrootcert=" + odd.resolve("root.pem").toString().replace(" ", "%20"));

    java.util.Properties parsed = org.postgresql.Driver.parseURL(url.jdbcUrl(), new java.util.Properties());
    assertThat(parsed.getProperty("sslrootcert")).isEqualTo(odd.resolve("root.pem").toString());
  }

  @Test
  void missingUnreadableAndWrongKindsOfFileStopTheServer() throws IOException {
    Path notAKey = dir.resolve("not-a-key.pem");
    if (!Files.exists(notAKey)) {
      Files.copy(dir.resolve("ca.pem"), notAKey);
      Files.setPosixFilePermissions(notAKey, PosixFilePermissions.fromString("rw-------"));
    }
    refused("sslrootcert=" + file("nothing.pem"), "sslrootcert", "nothing.pem", "cannot be read");
    refused("sslrootcert=" + file("client-key.pem"), "sslrootcert", "not a PEM certificate");
    refused("sslcert=" + file("client.pem"), "sslcert and sslkey must be given together");
    refused("sslkey=" + file("client-key.pem"), "sslcert and sslkey must be given together");
    refused("sslcert=" + file("client.pem") + "&sslkey=" + notAKey, "sslkey", "not a PEM key");
    refused("sslrootcert=", "sslrootcert needs a file path");
    refused("sslmode=disable&sslrootcert=" + file("ca.pem"), "sslmode is disable");
    refused("sslrootcert=" + file("ca.pem") + "&sslrootcert=" + file("ca.pem"), "sslrootcert given twice");
    refused("sslpassword=x", "sslpassword", "supported: sslmode, sslrootcert, sslcert, sslkey");
  }

  @Test
  void aKeyOfAnotherCertificateOrInPkcs1FormIsRefusedWithWhatToDo() {
    refused("sslcert=" + file("server.pem") + "&sslkey=" + file("client-key.pem"), "not a PKCS#8 key of sslcert's algorithm (EC)");
    refused("sslcert=" + file("client.pem") + "&sslkey=" + file("server-key.pem"), "not a PKCS#8 key of sslcert's algorithm (RSA)");
    refused("sslcert=" + file("client.pem") + "&sslkey=" + file("client-key-pkcs1.pem"),
        "PKCS#8", "not RSA PRIVATE KEY", "openssl pkcs8 -topk8 -nocrypt");
  }

  @Test
  void aKeyOfTheSameAlgorithmButAnotherCertificateIsRefused() {
    // server.pem and ca.pem both carry EC P-256 keys: the server's key does not belong to the CA's certificate
    refused("sslcert=" + file("ca.pem") + "&sslkey=" + file("server-key.pem"), "does not belong to the certificate");
  }

  @Test
  void aKeyOthersCanReadIsRefusedLikeLibpqDoes() throws IOException {
    Path open = dir.resolve("open-key.pem");
    Files.copy(dir.resolve("client-key.pem"), open);
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
    refused("sslcert=" + file("client.pem") + "&sslkey=" + open, "can be read or changed by others", "chmod 0600");

    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r-----"));
    assertThat(load("sslcert=" + file("client.pem") + "&sslkey=" + open).hasTlsFiles()).isTrue();
  }
}
