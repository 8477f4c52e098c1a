package org.pledgepad.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.auth.Principal;
import org.pledgepad.auth.Role;
import org.pledgepad.auth.password.DemoAccounts;
import org.pledgepad.auth.token.AccessTokenIssuer;
import org.pledgepad.auth.token.AccessTokenSettings;
import org.pledgepad.server.access.SyncClient.Msg;
import org.pledgepad.server.access.SyncClient.Protocol;
import org.pledgepad.server.testing.Await;

/**
 * Hocuspocus's token sync: a connection opened with a token is asked for a fresh one shortly
 * before it ends (an Auth message of type Token without a payload, on which the stock provider
 * calls its token function again and sends the result) and goes on with it past the old token's
 * end. A token of another account changes nothing: the connection ends with its old token. The
 * clock is the test's and the periodic re-check is slowed down, so only the refreshes the test
 * asks for run.
 */
class TokenRenewalTest {
  private static final TestClock clock = new TestClock(Instant.now());
  private static final Duration TTL = Duration.ofMinutes(10);

  @TempDir
  static Path dataDir;
  static AccessTestServer server;
  static AccessTokenIssuer issuer;

  @BeforeAll
  static void start() throws Exception {
    server = AccessTestServer.start(dataDir, Map.of(), Duration.ofHours(1), clock, UnaryOperator.identity());
    issuer = new AccessTokenIssuer(server.key, AccessTokenSettings.defaults(), clock, new SecureRandom());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static String councillorToken(String subject) {
    return issuer.issue(new Principal(subject, subject, "Rätin", true, Role.COUNCILLOR,
        Set.of(DemoAccounts.DEMO_BODY), null), TTL);
  }

  /** The end of a token issued now: exp plus the verifier's leeway. */
  private static Instant endOfTokenIssuedNow() {
    return clock.instant().plus(TTL).plus(AccessTokenSettings.DEFAULT_LEEWAY);
  }

  private static SyncClient joined(String token) throws Exception {
    SyncClient c = SyncClient.connect(Protocol.HOCUSPOCUS, server.harness.wsBase(), AccessTestServer.DRAFT_DOC, token, Map.of());
    List<Msg> auth = c.until(m -> m.type() == 2);
    assertThat(auth.get(auth.size() - 1).text()).isEqualTo("read-write");
    return c;
  }

  /** The next Auth message, skipping sync and presence. */
  private static Msg nextAuth(SyncClient c) throws Exception {
    List<Msg> got = c.until(m -> m.type() == 2);
    return got.get(got.size() - 1);
  }

  /** The PermissionDenied message (after the "readonly" the server announces first). */
  private static Msg denial(SyncClient c) throws Exception {
    List<Msg> got = c.until(m -> m.type() == 2 && m.sub() == 1);
    return got.get(got.size() - 1);
  }

  @Test
  void aConnectionAskedForAFreshTokenGoesOnWithItPastTheOldOnesEnd() throws Exception {
    clock.set(Instant.now());
    String first = councillorToken("renewing-councillor");
    Instant firstEnds = endOfTokenIssuedNow();
    try (SyncClient c = joined(first)) {
      EditProbe probe = new EditProbe(97_001);
      assertThat(probe.refused(c, Protocol.HOCUSPOCUS)).isFalse();

      // Not yet within two minutes of its end: nothing is asked.
      clock.set(firstEnds.minus(AccessControl.RENEW_TOKENS_BEFORE).minusSeconds(5));
      Await.result(server.access.refresh());
      List<Msg> quiet = new java.util.ArrayList<>();
      assertThat(probe.refused(c, Protocol.HOCUSPOCUS, quiet::add)).isFalse();
      assertThat(quiet).noneMatch(m -> m.type() == 2);

      // Within two minutes: asked once (Auth, type Token, no payload), however many re-checks run.
      clock.set(firstEnds.minus(AccessControl.RENEW_TOKENS_BEFORE).plusSeconds(5));
      Await.result(server.access.refresh());
      Await.result(server.access.refresh());
      Msg ask = nextAuth(c);
      assertThat(ask.sub()).as("token sync request").isZero();
      assertThat(ask.text()).isNull();

      String fresh = councillorToken("renewing-councillor");
      Instant freshEnds = endOfTokenIssuedNow();
      c.sendToken(fresh);
      List<Msg> seen = new java.util.ArrayList<>();
      assertThat(probe.refused(c, Protocol.HOCUSPOCUS, seen::add)).as("taken after the fresh token").isFalse();
      assertThat(seen).as("asked once, no answer to the token").noneMatch(m -> m.type() == 2);

      // Past the first token's end the connection goes on with the fresh one...
      clock.set(firstEnds.plusSeconds(1));
      Await.result(server.access.refresh());
      seen.clear();
      assertThat(probe.refused(c, Protocol.HOCUSPOCUS, seen::add)).isFalse();
      assertThat(seen).noneMatch(m -> m.type() == 2);
      // ...until that one ends too, unless renewed again (asked, and not answered here).
      clock.set(freshEnds.minus(AccessControl.RENEW_TOKENS_BEFORE).plusSeconds(5));
      Await.result(server.access.refresh());
      assertThat(nextAuth(c).sub()).as("asked for the next one").isZero();
      clock.set(freshEnds);
      Await.result(server.access.refresh());
      assertThat(denial(c).text()).isEqualTo("credentials-expired");
    }
  }

  @Test
  void aTokenOfAnotherAccountOrOneNobodyAskedForChangesNothing() throws Exception {
    clock.set(Instant.now());
    String first = councillorToken("careful-councillor");
    Instant firstEnds = endOfTokenIssuedNow();
    try (SyncClient c = joined(first)) {
      EditProbe probe = new EditProbe(97_101);
      // Sent before the server asked: not taken, so it does not save the connection later.
      c.sendToken(councillorToken("careful-councillor"));
      assertThat(probe.refused(c, Protocol.HOCUSPOCUS)).isFalse();

      clock.set(firstEnds.minus(AccessControl.RENEW_TOKENS_BEFORE).plusSeconds(5));
      Await.result(server.access.refresh());
      assertThat(nextAuth(c).sub()).isZero();
      c.sendToken(councillorToken("someone-else"));
      c.sendToken("not-a-token");
      assertThat(probe.refused(c, Protocol.HOCUSPOCUS)).isFalse();

      clock.set(firstEnds);
      Await.result(server.access.refresh());
      assertThat(denial(c).text()).isEqualTo("credentials-expired");
    }
  }

  /**
   * The stock provider with a token function: asked, it calls the function again and sends the
   * result; the connection goes on past the first token's end. The test moves the server's clock
   * from here while the script edits: near the end once the provider is in, past it once the
   * fresh token was taken.
   */
  @Test
  void theStockProviderAnswersWithItsTokenFunctionAndKeepsEditing() throws Exception {
    org.pledgepad.server.testing.NodeScripts.requireNode();
    clock.set(Instant.now());
    String first = councillorToken("provider-councillor");
    Instant firstEnds = endOfTokenIssuedNow();
    // Issued now as well, so it must last longer to outlive the first (as a fresh one fetched later would).
    String second = issuer.issue(new Principal("provider-councillor", "provider-councillor", "Rätin", true,
        Role.COUNCILLOR, Set.of(DemoAccounts.DEMO_BODY), null), TTL.multipliedBy(3));
    int watchedBefore = server.access.watchedConnections();
    long renewedBefore = server.access.renewedTokens();
    java.util.concurrent.CompletableFuture<Void> clockSteps = java.util.concurrent.CompletableFuture.runAsync(() -> {
      try {
        waitFor(() -> server.access.watchedConnections() > watchedBefore, "the provider joined");
        clock.set(firstEnds.minus(AccessControl.RENEW_TOKENS_BEFORE).plusSeconds(5));
        Await.result(server.access.refresh());
        waitFor(() -> server.access.renewedTokens() > renewedBefore, "the fresh token taken");
        clock.set(firstEnds.plusSeconds(1));
        Await.result(server.access.refresh());
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    io.vertx.core.json.JsonObject r = new io.vertx.core.json.JsonObject(org.pledgepad.server.testing.NodeScripts.run(
        "token-renewal.mjs", server.harness.wsBase(), AccessTestServer.DRAFT_DOC, first, second));
    clockSteps.get(30, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(r.getInteger("tokenCalls")).as("at connect, and once asked").isEqualTo(2);
    assertThat(r.getJsonArray("failures")).isEmpty();
    assertThat(r.getInteger("acked")).as("edits acknowledged after the renewal").isGreaterThanOrEqualTo(3);
    assertThat(r.getBoolean("authenticated")).isTrue();
    assertThat(server.access.renewedTokens()).isEqualTo(renewedBefore + 1);
  }

  private static void waitFor(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(10);
    }
  }
}
