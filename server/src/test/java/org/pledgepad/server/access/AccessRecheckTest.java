package org.pledgepad.server.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.auth.Principal;
import org.pledgepad.auth.Role;
import org.pledgepad.auth.token.AccessTokenIssuer;
import org.pledgepad.auth.token.AccessTokenSettings;
import org.pledgepad.server.auth.AccessWatch;
import org.pledgepad.server.auth.AuthDecision;
import org.pledgepad.server.auth.AuthRequest;

/**
 * The periodic re-check must not verify token signatures again (it blocked the event loop with
 * ~900 connections) and must still end connections whose token expired. Key lookups are
 * counted: the verifier resolves the key once per signature check. The clock is the test's, so
 * expiry is reached without waiting; the periodic timer is slowed down so that only the
 * refreshes this test asks for run.
 */
class AccessRecheckTest {
  private static final AtomicInteger keyLookups = new AtomicInteger();
  private static final TestClock clock = new TestClock(Instant.now());

  @TempDir
  static Path dataDir;
  static AccessTestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = AccessTestServer.start(dataDir, Map.of(), Duration.ofHours(1), clock,
        keys -> kid -> {
          keyLookups.incrementAndGet();
          return keys.find(kid);
        });
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aTokenIsVerifiedOnceAcrossReChecksAndItsExpiryIsStillCaught() throws Exception {
    Duration ttl = Duration.ofMinutes(10);
    String token = new AccessTokenIssuer(server.key, AccessTokenSettings.defaults(), clock, new SecureRandom())
        .issue(new Principal("demo-citizen", "demo-citizen", "Demo", true, Role.CITIZEN, Set.of(), null), ttl);
    Instant expiresAt = clock.instant().plus(ttl).plus(AccessTokenSettings.DEFAULT_LEEWAY);

    int before = keyLookups.get();
    AuthDecision d = await(server.access.authenticate(
        new AuthRequest(AccessTestServer.CONSULTATION_DOC, token, "127.0.0.1")));
    AuthDecision.Allowed allowed = assertInstanceOf(AuthDecision.Allowed.class, d);
    assertEquals(before + 1, keyLookups.get(), "connect verifies the token once");
    List<String> revoked = new CopyOnWriteArrayList<>();
    allowed.watch().bind(new AccessWatch.Listener() {
      @Override
      public void readOnly(boolean readOnly) {}

      @Override
      public void revoked(String reason) {
        revoked.add(reason);
      }
    });
    int watched = server.access.watchedConnections();
    int afterConnect = keyLookups.get();

    for (int i = 0; i < 50; i++) {
      await(server.access.refresh());
    }
    assertEquals(afterConnect, keyLookups.get(), "re-checks must not verify the signature again");
    assertEquals(List.of(), revoked);
    assertTrue(allowed.watch().mayPublishAwareness(), "a citizen publishes presence in consultation");

    // A refresh asked for before the ones above but finishing after them carries older state
    // (here: nothing at all, which would deny the citizen); it must not be applied.
    server.access.recheckAll(1, AccessSnapshot.EMPTY);
    assertEquals(List.of(), revoked);

    // One second before exp + leeway the verifier would still accept the token.
    clock.set(expiresAt.minusSeconds(1));
    await(server.access.refresh());
    assertEquals(List.of(), revoked);

    clock.set(expiresAt);
    await(server.access.refresh());
    assertEquals(List.of("credentials-expired"), revoked);
    assertEquals(watched - 1, server.access.watchedConnections(), "a revoked connection is no longer watched");
    assertEquals(afterConnect, keyLookups.get(), "expiry is found without verifying again");
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
