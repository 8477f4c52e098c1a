package org.pledgepad.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {
  private static DatabaseUrl parse(String url) {
    return ConfigLoader.load(Map.of("DATABASE_URL", url)).databaseUrl().orElseThrow();
  }

  @Test
  void theVertxClientGetsAddressAndCredentialsAndLibpqsDefaultPreferWithoutSslMode() {
    PgConnectOptions o = parse("postgresql://app:a+b@db.local:6543/pledgepad").connectOptions();
    assertThat(o.getHost()).isEqualTo("db.local");
    assertThat(o.getPort()).isEqualTo(6543);
    assertThat(o.getDatabase()).isEqualTo("pledgepad");
    assertThat(o.getUser()).isEqualTo("app");
    assertThat(o.getPassword()).isEqualTo("a+b");
    assertThat(o.getSslMode()).as("as the JDBC connections: encrypted where offered").isEqualTo(SslMode.PREFER);
  }

  @Test
  void sslModesWithoutVerificationEncryptButTrustAnyCertificateLikeLibpq() {
    for (String mode : new String[] {"allow", "prefer", "require"}) {
      PgConnectOptions o = parse("postgresql://u@db/app?sslmode=" + mode).connectOptions();
      assertThat(o.getSslMode()).as(mode).isEqualTo(SslMode.of(mode));
      assertThat(o.getSslOptions().isTrustAll()).as(mode).isTrue();
      assertThat(parse("postgresql://u@db/app?sslmode=" + mode).jdbcUrl())
          .isEqualTo("jdbc:postgresql://db:5432/app?sslmode=" + mode);
    }
    assertThat(parse("postgresql://u@db/app?sslmode=require").connectOptions().getSslMode()).isEqualTo(SslMode.REQUIRE);
    assertThat(parse("postgresql://u@db/app?sslmode=disable").connectOptions().getSslMode()).isEqualTo(SslMode.DISABLE);
  }

  @Test
  void verifyModesCheckTheCertificateAgainstTheJvmTrustStoreAndVerifyFullAlsoTheName() {
    PgConnectOptions ca = parse("postgresql://u@db/app?sslmode=verify-ca").connectOptions();
    assertThat(ca.getSslMode()).isEqualTo(SslMode.VERIFY_CA);
    assertThat(ca.getSslOptions().isTrustAll()).isFalse();
    assertThat(ca.getSslOptions().getTrustOptions()).isNotNull();
    assertThat(ca.getSslOptions().getHostnameVerificationAlgorithm()).isEmpty();

    PgConnectOptions full = parse("postgresql://u@db/app?sslmode=verify-full").connectOptions();
    assertThat(full.getSslMode()).isEqualTo(SslMode.VERIFY_FULL);
    assertThat(full.getSslOptions().isTrustAll()).isFalse();
    assertThat(full.getSslOptions().getTrustOptions()).isNotNull();
    assertThat(full.getSslOptions().getHostnameVerificationAlgorithm()).isEqualTo("HTTPS");

    // pgjdbc would otherwise look for ~/.postgresql/root.crt instead of the JVM's trust store
    assertThat(parse("postgresql://u@db/app?sslmode=verify-full").jdbcUrl())
        .isEqualTo("jdbc:postgresql://db:5432/app?sslmode=verify-full&sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory");
  }
}
