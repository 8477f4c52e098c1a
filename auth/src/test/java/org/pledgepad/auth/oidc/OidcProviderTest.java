package org.pledgepad.auth.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pledgepad.auth.Principal;
import org.pledgepad.auth.Role;
import org.pledgepad.auth.token.JwsAlgorithm;
import org.pledgepad.auth.token.TokenRejectedException;

/** Discovery, JWKS loading and key rotation against a local HTTP server (no outside network). */
class OidcProviderTest {
  private static final TestIdp.Key KEY1 = TestIdp.generate("k1", "ES256");
  private static final TestIdp.Key KEY2 = TestIdp.generate("k2", "EdDSA");

  private Vertx vertx;
  private FakeKeycloak keycloak;
  private String issuer;
  private final MovableClock clock = new MovableClock();

  /** A clock the test moves forward. */
  static final class MovableClock extends Clock {
    volatile Instant now = Instant.ofEpochSecond(1_800_000_000L);

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  @BeforeEach
  void startFakeKeycloak() throws Exception {
    vertx = Vertx.vertx();
    keycloak = await(FakeKeycloak.start(vertx, KEY1));
    issuer = keycloak.issuer;
  }

  @AfterEach
  void stop() throws Exception {
    await(vertx.close());
  }

  private OidcSettings settings() {
    OidcSettings k = OidcSettings.keycloak(URI.create("https://unused.test"), TestIdp.CLIENT);
    return new OidcSettings(URI.create(issuer), TestIdp.CLIENT, EnumSet.allOf(JwsAlgorithm.class), k.leeway(),
        k.maxTokenAge(), k.roleMapping(), k.defaultRole(), k.groupPrefix(), true);
  }

  private String token(TestIdp.Key key) {
    return key.sign(TestIdp.claims(clock.now.getEpochSecond()).put("iss", issuer));
  }

  @Test
  void discoversTheProviderAndAuthenticatesAnIdToken() throws Exception {
    OidcProvider provider = await(OidcProvider.discover(vertx, settings(), clock));
    assertThat(provider.metadata().jwksUri().toString()).isEqualTo(issuer + "/protocol/openid-connect/certs");
    assertThat(provider.keyIds()).containsExactly("k1");
    Principal p = await(provider.authenticate(token(KEY1), "n-0S6_WzA2Mj"));
    assertThat(p.role()).isEqualTo(Role.COUNCILLOR);
    assertThat(p.login()).isEqualTo("anna.schmidt");
    await(provider.close());
  }

  @Test
  void rotatedKeysAreFetchedOnUnknownKidAtMostOncePerInterval() throws Exception {
    OidcProvider provider = await(OidcProvider.discover(vertx, settings(), clock));
    keycloak.jwks.set(TestIdp.jwks(KEY1, KEY2));
    assertThatThrownBy(() -> await(provider.authenticate(token(KEY2), null)))
        .hasCauseInstanceOf(TokenRejectedException.class); // too soon after discovery
    assertThat(keycloak.jwksFetches).hasValue(1);
    clock.now = clock.now.plus(OidcProvider.MIN_REFRESH_INTERVAL);
    assertThat(await(provider.authenticate(token(KEY2), null)).subject()).startsWith("oidc:");
    assertThat(keycloak.jwksFetches).hasValue(2);
    TestIdp.Key unknown = TestIdp.generate("random-kid", "ES256");
    assertThatThrownBy(() -> await(provider.authenticate(token(unknown), null)))
        .isInstanceOf(ExecutionException.class);
    assertThat(keycloak.jwksFetches).hasValue(2);
    await(provider.close());
  }

  @Test
  void discoveryWithAnotherIssuerIsRefused() {
    keycloak.discoveryIssuer.set("http://127.0.0.1:1/realms/evil");
    assertThatThrownBy(() -> await(OidcProvider.discover(vertx, settings(), clock)))
        .hasMessageContaining("issuer does not equal");
  }

  @Test
  void aProviderThatSendsAByteEveryFewMomentsIsGivenUpAtTheDeadline() throws Exception {
    keycloak.dribble.set(true);
    io.vertx.core.http.HttpClient http = vertx.createHttpClient();
    try {
      long start = System.nanoTime();
      // Under the idle timeout (bytes every 100 ms) and far under the size limit: only the
      // deadline of the whole exchange ends it.
      Future<byte[]> keys = OidcProvider.get(vertx.getOrCreateContext(), http,
          issuer + "/protocol/openid-connect/certs", JwkSet.MAX_BYTES, 600);
      assertThatThrownBy(() -> await(keys)).isInstanceOf(ExecutionException.class);
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5_000);
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (keycloak.dribbling.get() > 0 && System.nanoTime() < until) {
        Thread.sleep(20);
      }
      assertThat(keycloak.dribbling.get()).as("the connection is closed, not left to dribble").isZero();
    } finally {
      keycloak.dribble.set(false);
      await(http.close());
    }
  }

  @Test
  void oversizedJwksIsRefused() {
    keycloak.jwks.set("{\"keys\":[],\"pad\":\"" + "x".repeat(JwkSet.MAX_BYTES) + "\"}");
    assertThatThrownBy(() -> await(OidcProvider.discover(vertx, settings(), clock)))
        .hasMessageContaining("too large");
  }

  @Test
  void plainHttpIssuerIsRefusedUnlessLoopbackDevelopmentIsAllowed() {
    OidcSettings k = settings();
    assertThatThrownBy(() -> new OidcSettings(URI.create("http://sso.example.test/realms/x"), "c", k.algorithms(),
        k.leeway(), k.maxTokenAge(), k.roleMapping(), k.defaultRole(), k.groupPrefix(), true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OidcSettings(URI.create(issuer), "c", k.algorithms(),
        k.leeway(), k.maxTokenAge(), k.roleMapping(), k.defaultRole(), k.groupPrefix(), false))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
