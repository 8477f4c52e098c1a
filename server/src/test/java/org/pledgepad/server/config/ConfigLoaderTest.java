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
  void messageCapBelowFrameCapIsRefused() {
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("MAX_FRAME_BYTES", "65536", "MAX_MESSAGE_BYTES", "4096")))
        .hasMessageContaining("MAX_MESSAGE_BYTES");
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
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.local:6543/pledgepad");
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
  void allowedOriginsAreParsedAndMalformedOnesRefused() {
    assertThat(ConfigLoader.load(Map.of()).allowedOrigins()).isEmpty();
    assertThat(ConfigLoader.load(Map.of("ALLOWED_ORIGINS", "https://rat.kassel.example, http://localhost:5173"))
        .allowedOrigins()).containsExactlyInAnyOrder("https://rat.kassel.example", "http://localhost:5173");
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("ALLOWED_ORIGINS", "rat.kassel.example")))
        .hasMessageContaining("ALLOWED_ORIGINS");
  }
}
