package org.pledgepad.server.access;

import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.pledgepad.auth.User;
import org.pledgepad.auth.oidc.OidcProvider;
import org.pledgepad.auth.oidc.OidcSettings;
import org.pledgepad.auth.token.TokenRejectedException;
import org.pledgepad.auth.password.UserStore;
import org.pledgepad.server.config.OidcConfig;
import org.pledgepad.server.http.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in through the OIDC provider (authorization code flow, RFC 6749 + PKCE S256, RFC 7636):
 * GET /api/auth/oidc/login redirects the browser to the provider's authorization endpoint with
 * a fresh state, nonce and code challenge ({@link OidcPendingLogins}); GET
 * /api/auth/oidc/callback checks the state against the browser's binding cookie, exchanges the
 * code at the token endpoint, has the auth module validate the ID token (signature via JWKS with
 * rotation, iss, aud/azp, exp, nonce) and map its claims, links the local account
 * ({@link OidcAccounts}), starts a cookie session and redirects into the app.
 *
 * <p>The provider is discovered at the first sign-in (and again after a failure, at most every
 * {@link #REDISCOVER_AFTER}), so a provider that is down at server start does not stop the server.
 * Failures answer problem+json with a fixed type; the reason codes of rejected ID tokens are
 * safe to show (they never contain the token).
 */
final class OidcLogin {
  private static final Logger LOG = LoggerFactory.getLogger(OidcLogin.class);
  static final String BROWSER_COOKIE = "pledgepad_oidc";
  /**
   * Its name on https. __Host- (which demands Path=/, so on https it goes with every request of
   * its ten minutes, a random value) rather than __Secure- on {@link #PATH}: __Secure- keeps
   * plain-http pages from setting it, but a sibling sub-domain over https could still plant its
   * own binding and, with the callback of its own sign-in, sign a visitor into its account
   * (login CSRF; review, accounts item 5). On plain http it stays on {@link #PATH}.
   */
  static final String BROWSER_COOKIE_HTTPS = "__Host-" + BROWSER_COOKIE;
  static final String PATH = "/api/auth/oidc";
  static final Duration REDISCOVER_AFTER = Duration.ofSeconds(30);
  static final int MAX_TOKEN_RESPONSE_BYTES = 64 * 1024;
  static final long HTTP_TIMEOUT_MS = 10_000;
  static final String PROBLEM_STATE = "urn:pledgepad:problem:oidc-state";
  static final String PROBLEM_PROVIDER = "urn:pledgepad:problem:oidc-provider";
  static final String PROBLEM_ID_TOKEN = "urn:pledgepad:problem:oidc-id-token";
  static final String PROBLEM_DISABLED = "urn:pledgepad:problem:oidc-disabled";
  /** Paths inside the app a sign-in may return to; anything else returns to "/". */
  private static final Pattern RETURN_TO = Pattern.compile("/(?![/\\\\])[A-Za-z0-9._~/-]{0,200}");

  private final AccessControl access;
  private final OidcConfig config;
  private final OidcSettings settings;
  private final Clock clock;
  private final OidcPendingLogins pending;
  private final OidcAccounts accounts;
  private Future<OidcProvider> provider;
  private Instant providerFailedAt = Instant.MIN;

  OidcLogin(AccessControl access, OidcConfig config, OidcAccounts accounts) {
    this.access = access;
    this.config = config;
    this.clock = access.settings().clock();
    this.accounts = accounts;
    this.pending = new OidcPendingLogins(access.settings().random(), clock);
    // Plain http passed the configuration check only for a provider on this machine.
    this.settings = OidcSettings.keycloak(config.issuer(), config.clientId(), OidcConfig.loopback(config.issuer()));
  }

  /** Mounts the two endpoints; {@code login} null answers them with 404 (OIDC not configured). */
  static void mount(Router router, OidcLogin login) {
    router.get(PATH + "/login").handler(ctx -> {
      if (login == null) {
        notConfigured(ctx);
      } else {
        login.login(ctx);
      }
    });
    router.get(PATH + "/callback").handler(ctx -> {
      if (login == null) {
        notConfigured(ctx);
      } else {
        login.callback(ctx);
      }
    });
  }

  private static void notConfigured(RoutingContext ctx) {
    Problems.send(ctx, 404, PROBLEM_DISABLED, "Sign-in with an organisation account is not configured");
  }

  void close() {
    if (provider != null) {
      provider.onSuccess(OidcProvider::close);
    }
  }

  /** Pending requests (tests). */
  int pendingCount() {
    return pending.size();
  }

  private Future<OidcProvider> provider() {
    if (provider != null && (!provider.failed() || clock.instant().isBefore(providerFailedAt.plus(REDISCOVER_AFTER)))) {
      return provider;
    }
    provider = OidcProvider.discover(access.vertx(), settings, clock).map(OidcProvider::startPeriodicRefresh)
        .onFailure(e -> {
          providerFailedAt = clock.instant();
          LOG.warn("OIDC discovery failed: {}", e.getMessage());
        });
    return provider;
  }

  private void login(RoutingContext ctx) {
    String wanted = ctx.request().getParam("returnTo");
    String returnTo = wanted != null && RETURN_TO.matcher(wanted).matches() ? wanted : "/";
    provider().onComplete(ar -> {
      if (ar.failed()) {
        Problems.send(ctx, 503, PROBLEM_PROVIDER, "The identity provider is not reachable");
        return;
      }
      OidcPendingLogins.Started s = pending.start(returnTo, access.clientAddress(ctx));
      URI endpoint = ar.result().metadata().authorizationEndpoint();
      String query = "response_type=code&scope=" + enc("openid profile") + "&client_id=" + enc(config.clientId())
          + "&redirect_uri=" + enc(config.redirectUri().toString()) + "&state=" + enc(s.state())
          + "&nonce=" + enc(s.nonce()) + "&code_challenge=" + enc(s.codeChallenge()) + "&code_challenge_method=S256";
      String location = endpoint + (endpoint.getRawQuery() == null ? "?" : "&") + query;
      ctx.response().addCookie(browserCookie(ctx, s.browserCookie(), OidcPendingLogins.LIFETIME.toSeconds()))
          .putHeader("Cache-Control", "no-store").putHeader("Location", location).setStatusCode(302).end();
    });
  }

  private void callback(RoutingContext ctx) {
    // On https only the prefixed name counts, as for the session cookie.
    Cookie binding = ctx.request().getCookie(browserCookieName(access.secureCookies(ctx)));
    ctx.response().addCookie(browserCookie(ctx, "", 0)); // one attempt per request, whatever happens
    Optional<OidcPendingLogins.Pending> started = pending.take(ctx.request().getParam("state"),
        binding == null ? null : binding.getValue());
    if (started.isEmpty()) {
      Problems.send(ctx, 400, PROBLEM_STATE, "Unknown, used or expired sign-in request; please start again");
      return;
    }
    String code = ctx.request().getParam("code");
    if (ctx.request().getParam("error") != null || code == null || code.isEmpty() || code.length() > 4096) {
      Problems.send(ctx, 401, PROBLEM_PROVIDER, "The identity provider did not sign you in");
      return;
    }
    OidcPendingLogins.Pending p = started.get();
    provider()
        .compose(prov -> exchange(prov, code, p.codeVerifier()).compose(idToken -> prov.authenticate(idToken, p.nonce())))
        .compose(principal -> access.vertx().executeBlocking(() -> accounts.link(principal), false))
        .compose(user -> access.refresh().map(v -> user)) // the snapshot must know a new account
        .onComplete(ar -> AccessRoutes.answerOrFail(ctx, () -> {
          if (ar.failed()) {
            fail(ctx, ar.cause());
          } else if (ar.result().isEmpty()) {
            Problems.send(ctx, 403, AccessProblems.FORBIDDEN, "This account is disabled");
          } else {
            startSession(ctx, ar.result().get(), p.returnTo());
          }
        }));
  }

  private void startSession(RoutingContext ctx, User user, String returnTo) {
    String old = access.sessionCookie().read(ctx);
    if (old != null) {
      access.sessions().remove(old); // no session fixation
    }
    Future.fromCompletionStage(access.sessions().createStored(user.id()), access.vertx().getOrCreateContext())
        .onComplete(created -> AccessRoutes.answerOrFail(ctx, () -> {
          if (created.failed()) {
            if (!AccessRoutes.refuseWhenFull(ctx, created.cause())) {
              fail(ctx, created.cause());
            }
            return;
          }
          ctx.response().addCookie(access.sessionCookie().set(ctx, created.result().id(),
                  access.settings().sessionLifetime().toSeconds()))
              .putHeader("Cache-Control", "no-store").putHeader("Location", returnTo).setStatusCode(303).end();
        }));
  }

  private static void fail(RoutingContext ctx, Throwable cause) {
    if (cause instanceof TokenRejectedException t) {
      Problems.send(ctx, 401, PROBLEM_ID_TOKEN, "ID token rejected: " + t.reason());
    } else if (cause instanceof UserStore.DuplicateUserException) {
      Problems.send(ctx, 409, AccessProblems.FORBIDDEN, "A local account has this login");
    } else if (cause instanceof ExchangeFailed) {
      Problems.send(ctx, 502, PROBLEM_PROVIDER, "The identity provider refused the sign-in code");
    } else {
      LOG.warn("OIDC sign-in failed: {}", cause.toString());
      Problems.send(ctx, 503, PROBLEM_PROVIDER, "Sign-in with the identity provider is unavailable");
    }
  }

  /** The token endpoint's answer was not a usable token response (fixed message: no provider text). */
  static final class ExchangeFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ExchangeFailed(String why) {
      super(why, null, false, false);
    }
  }

  /** POSTs the code with the PKCE verifier; the ID token of a 200 answer. */
  /**
   * The token exchange's deadline as a whole, connecting included: an idle timeout alone a broken
   * provider sending a byte every few seconds never trips. Past it the request is reset and the
   * sign-in answered 503.
   */
  private long exchangeDeadlineMs = HTTP_TIMEOUT_MS;

  /** Tests: a shorter deadline for the token exchange. */
  void exchangeDeadline(long ms) {
    exchangeDeadlineMs = ms;
  }

  private Future<String> exchange(OidcProvider prov, String code, String verifier) {
    String form = "grant_type=authorization_code&code=" + enc(code) + "&redirect_uri=" + enc(config.redirectUri().toString())
        + "&client_id=" + enc(config.clientId()) + "&code_verifier=" + enc(verifier);
    // client_secret_basic (RFC 6749, 2.3.1): both parts form-encoded before Base64.
    String authorization = config.clientSecret().map(secret -> "Basic " + java.util.Base64.getEncoder().encodeToString(
        (enc(config.clientId()) + ":" + enc(secret)).getBytes(StandardCharsets.UTF_8))).orElse(null);
    return prov.postToTokenEndpoint(form, authorization, MAX_TOKEN_RESPONSE_BYTES, exchangeDeadlineMs).map(resp -> {
      if (resp.status() != 200) {
        throw new ExchangeFailed("token endpoint answered HTTP " + resp.status());
      }
      JsonObject body;
      try {
        body = new JsonObject(io.vertx.core.buffer.Buffer.buffer(resp.body()));
      } catch (DecodeException | ClassCastException e) {
        throw new ExchangeFailed("token response is not a JSON object");
      }
      Object idToken = body.getValue("id_token");
      if (!(idToken instanceof String s) || s.isEmpty() || s.length() > 16 * 1024) {
        throw new ExchangeFailed("token response has no usable id_token");
      }
      return s;
    });
  }

  private Cookie browserCookie(RoutingContext ctx, String value, long maxAgeSeconds) {
    boolean https = access.secureCookies(ctx);
    // Lax, not Strict: the callback is a top-level navigation coming from the provider's site.
    return Cookie.cookie(browserCookieName(https), value).setPath(https ? "/" : PATH).setHttpOnly(true)
        .setSameSite(CookieSameSite.LAX).setSecure(https).setMaxAge(maxAgeSeconds);
  }

  static String browserCookieName(boolean https) {
    return https ? BROWSER_COOKIE_HTTPS : BROWSER_COOKIE;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
