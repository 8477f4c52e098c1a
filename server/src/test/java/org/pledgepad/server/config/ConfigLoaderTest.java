package org.pledgepad.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir
  Path dir;

  @Test
  void defaultsApplyWithoutAnySetting() {
    ServerConfig c = ConfigLoader.load(Map.of());
    assertThat(c.port()).isEqualTo(ServerConfig.DEFAULT_PORT);
    assertThat(c.host()).isEqualTo(ServerConfig.DEFAULT_HOST);
    assertThat(c.databaseUrl()).isEmpty();
    assertThat(c.seedDemo()).isTrue();
    assertThat(c.limits().maxFrameBytes()).isEqualTo(Limits.DEFAULT_MAX_FRAME_BYTES);
    assertThat(c.limits().maxMessageBytes()).isGreaterThan(c.limits().maxFrameBytes());
  }

  @Test
  void environmentOverridesTheConfigFile() throws Exception {
    Path file = dir.resolve("pledgepad.json");
    Files.writeString(file, "{\"PORT\": 9000, \"HOST\": \"127.0.0.1\", \"SEED_DEMO\": false}");
    ServerConfig c = ConfigLoader.load(Map.of("CONFIG_FILE", file.toString(), "PORT", "9100"));
    assertThat(c.port()).isEqualTo(9100);
    assertThat(c.host()).isEqualTo("127.0.0.1");
    assertThat(c.seedDemo()).isFalse();
  }

  @Test
  void invalidNumberNamesTheSetting() {
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("PORT", "eighty")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("PORT");
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("MAX_FRAME_BYTES", "10")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("MAX_FRAME_BYTES");
  }

  @Test
  void shutdownGraceDefaultsBelowTheUsualStopTimeoutAndIsBounded() {
    assertThat(ConfigLoader.load(Map.of()).shutdownGrace()).isEqualTo(java.time.Duration.ofSeconds(20));
    assertThat(ConfigLoader.load(Map.of("SHUTDOWN_GRACE_SECONDS", "45")).shutdownGrace().toSeconds()).isEqualTo(45);
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("SHUTDOWN_GRACE_SECONDS", "0")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("SHUTDOWN_GRACE_SECONDS");
  }

  @Test
  void groupCommitIntervalDefaultsToTenMillisecondsMayBeOffAndIsBounded() {
    assertThat(ConfigLoader.load(Map.of()).groupCommitInterval()).isEqualTo(java.time.Duration.ofMillis(10));
    assertThat(ConfigLoader.load(Map.of("GROUP_COMMIT_INTERVAL_MS", "0")).groupCommitInterval()).isZero();
    assertThat(ConfigLoader.load(Map.of("GROUP_COMMIT_INTERVAL_MS", "25")).groupCommitInterval().toMillis()).isEqualTo(25);
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("GROUP_COMMIT_INTERVAL_MS", "1001")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("GROUP_COMMIT_INTERVAL_MS");
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("GROUP_COMMIT_INTERVAL_MS", "-1")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("GROUP_COMMIT_INTERVAL_MS");
  }

  @Test
  void theSnapshotPolicyComesFromSnapshotEveryAndSnapshotMaxTail() {
    var defaults = org.pledgepad.server.session.SessionSettings.from(ConfigLoader.load(Map.of())).snapshots();
    assertThat(defaults.minUpdates()).isEqualTo(200);
    assertThat(defaults.maxTailUpdates()).isEqualTo(5_000);
    assertThat(defaults.maxEarlier()).as("the server's snapshots are jittered").isEqualTo(0.25);
    var set = org.pledgepad.server.session.SessionSettings.from(
        ConfigLoader.load(Map.of("SNAPSHOT_EVERY", "50", "SNAPSHOT_MAX_TAIL", "800"))).snapshots();
    assertThat(set.minUpdates()).isEqualTo(50);
    assertThat(set.maxTailUpdates()).isEqualTo(800);
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("SNAPSHOT_MAX_TAIL", "0"))).hasMessageContaining("SNAPSHOT_MAX_TAIL");
  }

  @Test
  void messageCapBelowFrameCapIsRefused() {
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("MAX_FRAME_BYTES", "65536", "MAX_MESSAGE_BYTES", "4096")))
        .hasMessageContaining("MAX_MESSAGE_BYTES");
  }

  @Test
  void bytesQueuedBeforeAuthDefaultToFourMibAndHoldAtLeastOneMaximalMessage() throws Exception {
    Limits defaults = ConfigLoader.load(Map.of()).limits();
    assertThat(defaults.maxBytesQueuedBeforeAuth()).isEqualTo(4 * 1024 * 1024);
    assertThat(ConfigLoader.load(Map.of("MAX_MESSAGE_BYTES", "8388608")).limits().maxBytesQueuedBeforeAuth())
        .as("the default rises with a larger MAX_MESSAGE_BYTES").isEqualTo(8388608);
    assertThat(ConfigLoader.load(Map.of("MAX_BYTES_QUEUED_BEFORE_AUTH", "2097152")).limits().maxBytesQueuedBeforeAuth())
        .isEqualTo(2097152);
    Path file = dir.resolve("queued.json");
    Files.writeString(file, "{\"MAX_BYTES_QUEUED_BEFORE_AUTH\": 3145728}");
    assertThat(ConfigLoader.load(Map.of("CONFIG_FILE", file.toString())).limits().maxBytesQueuedBeforeAuth())
        .isEqualTo(3145728);
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("MAX_BYTES_QUEUED_BEFORE_AUTH", "2097151")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("MAX_BYTES_QUEUED_BEFORE_AUTH")
        .hasMessageContaining("MAX_MESSAGE_BYTES");
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("MAX_BYTES_QUEUED_BEFORE_AUTH", "lots")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("MAX_BYTES_QUEUED_BEFORE_AUTH");
  }

  @Test
  void authTimeoutDefaultsToThirtySecondsAndIsBounded() {
    assertThat(ConfigLoader.load(Map.of()).limits().authTimeout()).isEqualTo(java.time.Duration.ofSeconds(30));
    assertThat(ConfigLoader.load(Map.of("AUTH_TIMEOUT_SECONDS", "5")).limits().authTimeout().toSeconds()).isEqualTo(5);
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("AUTH_TIMEOUT_SECONDS", "0")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("AUTH_TIMEOUT_SECONDS");
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("AUTH_TIMEOUT_SECONDS", "3601")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("AUTH_TIMEOUT_SECONDS");
  }

  @Test
  void unknownKeyInTheFileIsRefused() throws Exception {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, "{\"MAX_FRAME_BYTE\": 1000}");
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("CONFIG_FILE", file.toString())))
        .hasMessageContaining("MAX_FRAME_BYTE");
  }

  @Test
  void badBooleanNamesTheSetting() {
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("SEED_DEMO", "maybe"))).hasMessageContaining("SEED_DEMO");
  }

  @Test
  void databaseUrlIsParsedAndItsPasswordNeverPrinted() {
    ServerConfig c = ConfigLoader.load(Map.of("DATABASE_URL", "postgresql://app:s3cret@db.local:6543/pledgepad"));
    DatabaseUrl url = c.databaseUrl().orElseThrow();
    assertThat(url.host()).isEqualTo("db.local");
    assertThat(url.port()).isEqualTo(6543);
    assertThat(url.database()).isEqualTo("pledgepad");
    assertThat(url.user()).isEqualTo("app");
    assertThat(url.password()).isEqualTo("s3cret");
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.local:6543/pledgepad?sslmode=prefer");
    assertThat(url.toString()).doesNotContain("s3cret");
  }

  @Test
  void malformedDatabaseUrlNamesTheSettingWithoutEchoingIt() {
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("DATABASE_URL", "mysql://u:topsecret@h/db")))
        .hasMessageContaining("DATABASE_URL").hasMessageNotContaining("topsecret");
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("DATABASE_URL", "postgresql://h:5432/")))
        .hasMessageContaining("DATABASE_URL");
  }

  @Test
  void databaseUrlCredentialsArePercentDecodedOnlySoAPlusStaysAPlus() {
    DatabaseUrl url = ConfigLoader.load(Map.of("DATABASE_URL", "postgresql://a+pp:a+b%2Bc%40d%3A@db/app"))
        .databaseUrl().orElseThrow();
    assertThat(url.user()).isEqualTo("a+pp");
    assertThat(url.password()).isEqualTo("a+b+c@d:");
    assertThat(ConfigLoader.load(Map.of("DATABASE_URL", "postgresql://u:%C3%A4%20x@db/app"))
        .databaseUrl().orElseThrow().password()).isEqualTo("\u00e4 x");
  }

  @Test
  void malformedPercentEscapeInTheCredentialsNamesTheSettingWithoutEchoingThePassword() {
    // %FF is a well-formed escape but not UTF-8; the other two are cut-off escapes
    for (String url : new String[] {"postgresql://u:topsecret%FF@db/app", "postgresql://u:topsecret%@db/app",
        "postgresql://u:topsecret%4@db/app"}) {
      assertThatThrownBy(() -> ConfigLoader.load(Map.of("DATABASE_URL", url)))
          .as(url).isInstanceOf(ConfigException.class)
          .hasMessageContaining("DATABASE_URL").hasMessageNotContaining("topsecret");
    }
  }

  @Test
  void databaseUrlSslModeIsReadAndGoesIntoTheJdbcUrl() {
    for (String mode : new String[] {"disable", "allow", "prefer", "require", "verify-ca", "verify-full"}) {
      DatabaseUrl url = ConfigLoader.load(Map.of("DATABASE_URL", "postgresql://u:p@db/app?sslmode=" + mode))
          .databaseUrl().orElseThrow();
      assertThat(url.jdbcUrl()).as(mode).startsWith("jdbc:postgresql://db:5432/app?sslmode=" + mode);
      assertThat(url.toString()).as(mode).contains("sslmode=" + mode).doesNotContain(":p@");
    }
    assertThat(ConfigLoader.load(Map.of("DATABASE_URL", "postgresql://u:p@db/app")).databaseUrl().orElseThrow()
        .jdbcUrl()).as("libpq's default").isEqualTo("jdbc:postgresql://db:5432/app?sslmode=prefer");
  }

  @Test
  void unknownQueryParametersAndSslModesStopTheServerWithoutEchoingThePassword() {
    for (String query : new String[] {"sslmode=required", "sslmode=", "sslmode", "sslmode=REQUIRE",
        "sslmode=require&sslmode=disable", "sslmode=require&connect_timeout=5", "ssl=true", "application_name=x"}) {
      assertThatThrownBy(() -> ConfigLoader.load(Map.of("DATABASE_URL", "postgresql://u:topsecret@db/app?" + query)))
          .as(query).isInstanceOf(ConfigException.class)
          .hasMessageContaining("DATABASE_URL").hasMessageNotContaining("topsecret");
    }
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("DATABASE_URL", "postgresql://u:p@db/app?connect_timeout=5")))
        .hasMessageContaining("connect_timeout");
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("DATABASE_URL", "postgresql://u:topsecret@db/app#frag")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("DATABASE_URL").hasMessageNotContaining("secret");
  }

  @Test
  void hostIsAnIpLiteralOrAHostName() {
    for (String ok : new String[] {"0.0.0.0", "127.0.0.1", " 10.1.2.3 ", "::", "::1", "fd00::1:2", "::ffff:192.0.2.1",
        "localhost", "pledgepad", "app-1.internal.example", "a.b-c.d9", "xn--bcher-kva.example", "1abc.example"}) {
      assertThat(ConfigLoader.load(Map.of("HOST", ok)).host()).as(ok).isEqualTo(ok.trim());
    }
    String longLabel = "a".repeat(64);
    String longName = ("a".repeat(63) + ".").repeat(4) + "a";
    for (String bad : new String[] {"local host", "host\tname", "-leading.example", "trailing-.example",
        "under_score", "a..b", ".lead", "http://example.org", "example.org:8080", "[::1]", "1.2.3", "256.0.0.1",
        "::g", "1:2:3:4:5:6:7:8:9", "fe80::1%eth0", longLabel, longName, "h\u00f6st"}) {
      assertThatThrownBy(() -> ConfigLoader.load(Map.of("HOST", bad)))
          .as(bad).isInstanceOf(ConfigException.class).hasMessageContaining("HOST");
    }
  }

  @Test
  void nullInTheConfigFileIsRefusedNotTakenForTheDefault() throws Exception {
    Path file = dir.resolve("null.json");
    Files.writeString(file, "{\"PORT\": 9000, \"MAX_FRAME_BYTES\": null}");
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("CONFIG_FILE", file.toString())))
        .isInstanceOf(ConfigException.class).hasMessageContaining("MAX_FRAME_BYTES").hasMessageContaining("null");
  }

  @Test
  void allowedOriginsAreParsedAndMalformedOnesRefused() {
    assertThat(ConfigLoader.load(Map.of()).allowedOrigins()).isEmpty();
    assertThat(ConfigLoader.load(Map.of("ALLOWED_ORIGINS", "https://rat.kassel.example, http://localhost:5173"))
        .allowedOrigins()).containsExactlyInAnyOrder("https://rat.kassel.example", "http://localhost:5173");
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("ALLOWED_ORIGINS", "rat.kassel.example")))
        .hasMessageContaining("ALLOWED_ORIGINS");
  }
  @Test
  void oidcIsOffUnlessIssuerClientAndRedirectAreAllSet() {
    assertThat(ConfigLoader.load(Map.of()).identity().oidc()).isEmpty();
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("OIDC_ISSUER", "https://sso.example.de/realms/kassel")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("OIDC_CLIENT_ID");
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("OIDC_CLIENT_SECRET", "s3cret")))
        .hasMessageContaining("OIDC_CLIENT_SECRET").hasMessageNotContaining("s3cret");
    OidcConfig o = ConfigLoader.load(Map.of("OIDC_ISSUER", "https://sso.example.de/realms/kassel",
        "OIDC_CLIENT_ID", "pledgepad", "OIDC_CLIENT_SECRET", "s3cret",
        "OIDC_REDIRECT_URI", "https://pad.example.de/api/auth/oidc/callback")).identity().oidc().orElseThrow();
    assertThat(o.clientSecret()).contains("s3cret");
    assertThat(o.toString()).doesNotContain("s3cret");
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("OIDC_ISSUER", "http://sso.example.de/realms/kassel",
        "OIDC_CLIENT_ID", "pledgepad", "OIDC_REDIRECT_URI", "https://pad.example.de/cb")))
        .hasMessageContaining("OIDC_ISSUER");
    assertThat(ConfigLoader.load(Map.of("OIDC_ISSUER", "http://127.0.0.1:8180/realms/dev",
        "OIDC_CLIENT_ID", "pledgepad", "OIDC_REDIRECT_URI", "http://localhost:8080/api/auth/oidc/callback"))
        .identity().oidc()).isPresent();
  }

  @Test
  void trustedProxiesAreIpLiteralsOrCidrBlocks() {
    assertThat(ConfigLoader.load(Map.of()).identity().trustedProxies()).isEmpty();
    var proxies = ConfigLoader.load(Map.of("TRUSTED_PROXIES", "10.0.0.0/8, 192.0.2.7 ,fd00::/8")).identity().trustedProxies();
    assertThat(proxies).hasSize(3);
    assertThat(proxies.get(0).contains(Cidr.literal("10.200.3.4"))).isTrue();
    assertThat(proxies.get(0).contains(Cidr.literal("11.0.0.1"))).isFalse();
    assertThat(proxies.get(1).contains(Cidr.literal("192.0.2.7"))).isTrue();
    assertThat(proxies.get(1).contains(Cidr.literal("192.0.2.8"))).isFalse();
    assertThat(proxies.get(2).contains(Cidr.literal("fd12::1"))).isTrue();
    assertThat(proxies.get(2).contains(Cidr.literal("10.0.0.1"))).isFalse();
    assertThat(Cidr.parse("172.16.0.0/12").contains(Cidr.literal("172.31.255.255"))).isTrue();
    assertThat(Cidr.parse("172.16.0.0/12").contains(Cidr.literal("172.32.0.0"))).isFalse();
    for (String bad : new String[] {"proxy.local", "10.0.0.0/33", "10.0.0/8", "300.1.1.1", ""}) {
      assertThatThrownBy(() -> ConfigLoader.load(Map.of("TRUSTED_PROXIES", "10.0.0.1," + bad)))
          .as(bad).hasMessageContaining("TRUSTED_PROXIES");
    }
  }

  @Test
  void previousTokenKeysAreReadAtStartAndEveryProblemNamesTheSetting() throws Exception {
    java.security.SecureRandom random = new java.security.SecureRandom();
    org.pledgepad.auth.token.SigningKey old = org.pledgepad.auth.token.SigningKey.generate(random);
    Path pub = dir.resolve("old.pub.json");
    Files.writeString(pub, org.pledgepad.auth.token.VerificationKeyFile.toJson(old.verificationKey()));
    Path signing = dir.resolve("old-signing.json");
    Files.writeString(signing, old.toJson());
    Files.setPosixFilePermissions(signing, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    ServerConfig c = ConfigLoader.load(Map.of("TOKEN_PREVIOUS_KEYS", pub + "," + signing));
    assertThat(c.identity().previousTokenKeys()).extracting(org.pledgepad.auth.token.VerificationKey::kid)
        .containsExactly(old.kid()); // the same key twice counts once
    assertThat(ConfigLoader.load(Map.of()).identity().previousTokenKeys()).isEmpty();

    assertThatThrownBy(() -> ConfigLoader.load(Map.of("TOKEN_PREVIOUS_KEYS", dir.resolve("gone.json").toString())))
        .isInstanceOf(ConfigException.class).hasMessageContaining("TOKEN_PREVIOUS_KEYS").hasMessageContaining("no file");
    Files.setPosixFilePermissions(signing, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("TOKEN_PREVIOUS_KEYS", signing.toString())))
        .isInstanceOf(ConfigException.class).hasMessageContaining("TOKEN_PREVIOUS_KEYS").hasMessageContaining("chmod 600");
    Path junk = dir.resolve("junk.json");
    Files.writeString(junk, "{\"format\": \"something else\"}");
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("TOKEN_PREVIOUS_KEYS", junk.toString())))
        .isInstanceOf(ConfigException.class).hasMessageContaining("TOKEN_PREVIOUS_KEYS").hasMessageContaining("neither");
    Path forged = dir.resolve("forged.pub.json");
    Files.writeString(forged, Files.readString(pub).replace(
        org.pledgepad.auth.token.Base64Url.encode(old.verificationKey().key().getEncoded()),
        org.pledgepad.auth.token.Base64Url.encode(org.pledgepad.auth.token.SigningKey.generate(random)
            .verificationKey().key().getEncoded())));
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("TOKEN_PREVIOUS_KEYS", pub + "," + forged)))
        .isInstanceOf(ConfigException.class).hasMessageContaining("two different keys with key id " + old.kid());
  }
}
