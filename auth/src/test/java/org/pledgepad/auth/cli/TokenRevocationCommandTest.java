package org.pledgepad.auth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pledgepad.auth.Principal;
import org.pledgepad.auth.Role;
import org.pledgepad.auth.token.AccessTokenIssuer;
import org.pledgepad.auth.token.AccessTokenSettings;
import org.pledgepad.auth.token.AccessTokenVerifier;
import org.pledgepad.auth.token.KeyResolver;
import org.pledgepad.auth.token.Revocation;
import org.pledgepad.auth.token.SigningKey;
import org.pledgepad.auth.token.TokenRevoker;

class TokenRevocationCommandTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final SigningKey KEY = SigningKey.generate(RANDOM);
  private final Instant now = Instant.parse("2026-11-30T12:00:00Z");
  private final Clock clock = Clock.fixed(now, ZoneOffset.UTC);
  private final InMemoryRevocationStore store = new InMemoryRevocationStore();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    AccessTokenVerifier verifier = new AccessTokenVerifier(KeyResolver.of(List.of(KEY.verificationKey())),
        AccessTokenSettings.defaults(), clock);
    TokenRevoker revoker = new TokenRevoker(verifier, AccessTokenSettings.defaults(), store, clock);
    return new TokenRevocationCommand(revoker, store, clock, "operator:ops",
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
  }

  private static String token(SigningKey key, Clock at, Duration ttl) {
    return new AccessTokenIssuer(key, AccessTokenSettings.defaults(), at, RANDOM)
        .issue(new Principal("bot-1", "bot-1", "Bot", false, Role.COUNCILLOR, Set.of(), null), ttl);
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aTokenIsRevokedByItsJtiUntilItsOwnExpiry() throws Exception {
    String token = token(KEY, clock, Duration.ofHours(2));
    String jti = new AccessTokenVerifier(KeyResolver.of(List.of(KEY.verificationKey())),
        AccessTokenSettings.defaults(), clock).verifyToken(token).jti();

    assertThat(run("revoke", token)).as(err.toString()).isZero();
    assertThat(stdout()).contains("revoked token " + jti).contains("valid until 2026-11-30T14:00:00Z")
        .doesNotContain(token);
    assertThat(store.list(now)).containsExactly(new Revocation(jti, now.plus(Duration.ofHours(2)), now, "operator:ops"));

    out.reset();
    assertThat(run("revoked")).isZero();
    assertThat(stdout()).contains(jti).contains("2026-11-30T14:00:00Z").contains("operator:ops");

    out.reset();
    assertThat(run("revoke", jti)).isZero();
    assertThat(stdout()).contains("revoked already").contains("by operator:ops");
    assertThat(store.list(now)).hasSize(1);
  }

  @Test
  void aBareJtiIsListedUntilTheLatestEndOfATokenValidNow() {
    assertThat(run("revoke", "--Abc_123")).as(err.toString()).isZero();
    Instant latest = now.plus(AccessTokenSettings.DEFAULT_MAX_LIFETIME).plus(AccessTokenSettings.MAX_LEEWAY);
    assertThat(store.list(now)).extracting(Revocation::jti, Revocation::expiresAt)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("--Abc_123", latest));
    assertThat(stdout()).contains("only the jti was given");
  }

  @Test
  void aTokenOfAnotherKeyIsNotListedAndNotEchoed() {
    String foreign = token(SigningKey.generate(RANDOM), clock, Duration.ofHours(1));
    assertThat(run("revoke", foreign)).isEqualTo(1);
    assertThat(err.toString()).contains("UNKNOWN_KID").doesNotContain(foreign);
    assertThat(store.list(now)).isEmpty();
  }

  @Test
  void anExpiredTokenNeedsNoEntry() {
    String old = token(KEY, Clock.offset(clock, Duration.ofHours(-3)), Duration.ofHours(1));
    assertThat(run("revoke", old)).isZero();
    assertThat(stdout()).contains("expired at 2026-11-30T10:00:00Z; nothing to revoke");
    assertThat(store.list(now.minus(Duration.ofDays(1)))).isEmpty();
  }

  @Test
  void neitherATokenNorAJtiIsAUsageError() {
    assertThat(run("revoke", "a b")).isEqualTo(2);
    assertThat(run("revoke")).isEqualTo(2);
    assertThat(run("revoked", "extra")).isEqualTo(2);
    assertThat(store.list(now)).isEmpty();
  }
}
