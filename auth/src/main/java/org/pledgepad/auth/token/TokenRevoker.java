package org.pledgepad.auth.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Puts access tokens on the revocation list: the command line's {@code token revoke} and the
 * server's admin route both come here. A compact token is checked with the verifier's keys
 * first (only a token this server would accept is worth an entry, and its exp bounds the
 * entry's life); a bare jti is listed as it is, until the latest exp a token valid now can have.
 */
public final class TokenRevoker {
  /** What a revocation did. */
  public sealed interface Outcome {
    /** Listed now, or ({@code already}) listed before: {@code entry} is the one on record. */
    record Revoked(Revocation entry, boolean already) implements Outcome {}

    /** The token is past its exp (and every server's leeway): nothing to revoke. */
    record Expired(TokenId token) implements Outcome {}
  }

  private final AccessTokenVerifier verifier;
  private final AccessTokenSettings settings;
  private final RevocationStore store;
  private final Clock clock;

  public TokenRevoker(AccessTokenVerifier verifier, AccessTokenSettings settings, RevocationStore store, Clock clock) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Entries may be deleted once their exp lies this far back: a verifier accepts a token at most
   * {@link AccessTokenSettings#MAX_LEEWAY} after its exp, and the margin covers that much clock
   * difference between the nodes.
   */
  public static Instant purgeBefore(Instant now) {
    return now.minus(AccessTokenSettings.MAX_LEEWAY);
  }

  /** Whether {@code text} has the shape of a compact token (three dot-separated parts), not of a jti. */
  public static boolean looksLikeToken(String text) {
    return text != null && text.chars().filter(ch -> ch == '.').count() == 2;
  }

  /**
   * Revokes {@code tokenOrJti} on behalf of {@code revokedBy}. Throws
   * {@link TokenRejectedException} for a token that does not verify with our keys, issuer and
   * audience (reason code only), {@link IllegalArgumentException} for text that is neither a
   * token nor a jti. Blocking (the store).
   */
  public Outcome revoke(String tokenOrJti, String revokedBy) throws TokenRejectedException {
    // Milliseconds, as stores keep them, so that the entry read back equals the one written.
    Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    TokenId id;
    if (looksLikeToken(tokenOrJti)) {
      id = verifier.identify(tokenOrJti);
      if (!id.expiresAt().isAfter(purgeBefore(now))) {
        return new Outcome.Expired(id);
      }
    } else if (TokenIds.isJti(tokenOrJti)) {
      // Any token valid now was issued at most a leeway from now and lives at most maxLifetime.
      Duration latest = settings.maxLifetime().plus(AccessTokenSettings.MAX_LEEWAY);
      id = new TokenId(tokenOrJti, now.plus(latest));
    } else {
      throw new IllegalArgumentException("neither a compact token nor a jti (letters, digits, - and _, 1-128)");
    }
    Revocation wanted = new Revocation(id.jti(), id.expiresAt(), now, revokedBy);
    Revocation listed = store.add(wanted);
    return new Outcome.Revoked(listed, !listed.equals(wanted));
  }
}
