package org.pledgepad.auth.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.pledgepad.auth.token.Revocation;
import org.pledgepad.auth.token.RevocationStore;
import org.pledgepad.auth.token.TokenRejectedException;
import org.pledgepad.auth.token.TokenRevoker;

/**
 * Operator commands {@code pledgepad token revoke TOKEN|JTI} and {@code pledgepad token revoked},
 * run by the server jar's launcher against the server's revocation list:
 *
 * <pre>
 * pledgepad token revoke TOKEN|JTI    the compact token (its signature is checked) or its jti
 * pledgepad token revoked             the entries not yet past their token's exp
 * </pre>
 *
 * The servers refuse a revoked token from their next access refresh (every 2 s) on, and close
 * the connections opened with it.
 */
public final class TokenRevocationCommand {
  static final String USAGE = String.join("\n",
      "usage: pledgepad token revoke TOKEN|JTI",
      "       pledgepad token revoked");

  private final TokenRevoker revoker;
  private final RevocationStore store;
  private final Clock clock;
  private final String operator;
  private final PrintStream out;
  private final PrintStream err;

  /** {@code operator} is recorded as who revoked ({@code operator:NAME}). */
  public TokenRevocationCommand(TokenRevoker revoker, RevocationStore store, Clock clock, String operator,
      PrintStream out, PrintStream err) {
    this.revoker = Objects.requireNonNull(revoker, "revoker");
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.operator = Objects.requireNonNull(operator, "operator");
    this.out = Objects.requireNonNull(out, "out");
    this.err = Objects.requireNonNull(err, "err");
  }

  /** Whether the arguments after "token" name one of these commands. */
  public static boolean handles(String[] argv) {
    return argv.length > 0 && (argv[0].equals("revoke") || argv[0].equals("revoked"));
  }

  /** Returns the exit code: 0 success, 1 failure, 2 usage error. Arguments exclude the word "token". */
  public int run(String[] argv) {
    try {
      // No option parsing: a jti may begin with "--" (base64url), and it is taken as it is.
      if (argv.length == 1 && argv[0].equals("revoked")) {
        return list();
      }
      if (List.of(argv).contains("--help")) {
        out.println(USAGE);
        return 0;
      }
      if (argv.length == 2 && argv[0].equals("revoke")) {
        return revoke(argv[1]);
      }
      throw new UsageException("expected revoke TOKEN|JTI or revoked");
    } catch (UsageException e) {
      return ExitCodes.usage(err, e, USAGE);
    } catch (RuntimeException e) {
      return ExitCodes.failure(err, e);
    }
  }

  private int revoke(String tokenOrJti) throws UsageException {
    TokenRevoker.Outcome outcome;
    try {
      outcome = revoker.revoke(tokenOrJti, operator);
    } catch (TokenRejectedException e) {
      // The reason code only: the token itself is never echoed.
      err.println("error: the token does not verify with this server's keys (" + e.reason() + "); nothing revoked");
      return 1;
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    if (outcome instanceof TokenRevoker.Outcome.Expired x) {
      out.println("token " + x.token().jti() + " expired at " + time(x.token().expiresAt()) + "; nothing to revoke");
      return 0;
    }
    TokenRevoker.Outcome.Revoked r = (TokenRevoker.Outcome.Revoked) outcome;
    Revocation e = r.entry();
    if (r.already()) {
      out.println("token " + e.jti() + " was revoked already, at " + time(e.revokedAt()) + " by " + e.revokedBy());
    } else {
      out.println("revoked token " + e.jti());
    }
    out.println(TokenRevoker.looksLikeToken(tokenOrJti)
        ? "it would have been valid until " + time(e.expiresAt())
        : "listed until " + time(e.expiresAt()) + " (the latest end of a token valid now: only the jti was given)");
    return 0;
  }

  private int list() {
    out.printf(Locale.ROOT, "%-24s %-22s %-22s %s%n", "JTI", "VALID UNTIL", "REVOKED AT", "BY");
    for (Revocation e : store.list(TokenRevoker.purgeBefore(clock.instant()))) {
      out.printf(Locale.ROOT, "%-24s %-22s %-22s %s%n", e.jti(), time(e.expiresAt()), time(e.revokedAt()), e.revokedBy());
    }
    return 0;
  }

  private static String time(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
