package org.pledgepad.auth.oidc;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.pledgepad.auth.Principal;
import org.pledgepad.auth.token.TokenRejectedException;
import org.pledgepad.auth.token.VerificationKey;

/**
 * The network side of OIDC: fetches the discovery document and the JWKS with the Vert.x HTTP
 * client, refreshes the keys periodically and when a token names an unknown kid (key rotation
 * in Keycloak), at most once per {@link #MIN_REFRESH_INTERVAL} so that tokens with random kids
 * cannot make us hammer the provider.
 *
 * <p>vertx-auth-oauth2 was not used: Pledgepad needs only two GETs, and its own strict
 * {@link IdTokenValidator} (exact issuer, key-bound algorithms, nonce, typ) should be the one
 * place where ID tokens are judged. All methods are non-blocking and may run on an event loop.
 */
public final class OidcProvider {
  public static final Duration MIN_REFRESH_INTERVAL = Duration.ofSeconds(60);
  public static final Duration PERIODIC_REFRESH = Duration.ofMinutes(15);
  private static final long HTTP_TIMEOUT_MS = 10_000;

  private final Vertx vertx;
  /** All HTTP exchanges run on this context; see {@link #get}. */
  private final Context context;
  private final HttpClient http;
  private final OidcSettings settings;
  private final ProviderMetadata metadata;
  private final Clock clock;
  private final IdTokenValidator validator;
  private final OidcClaimsMapper mapper;
  private volatile JwkSet keys;
  private volatile Instant lastRefresh = Instant.MIN;
  private long timerId = -1;

  private OidcProvider(Vertx vertx, Context context, HttpClient http, OidcSettings settings,
      ProviderMetadata metadata, JwkSet keys, Clock clock) {
    this.vertx = vertx;
    this.context = context;
    this.http = http;
    this.settings = settings;
    this.metadata = metadata;
    this.keys = keys;
    this.clock = clock;
    this.lastRefresh = clock.instant();
    this.validator = new IdTokenValidator(settings, this::findKey, clock);
    this.mapper = new OidcClaimsMapper(settings);
  }

  /** Discovers the provider and loads its keys; fails with a message naming the problem. */
  public static Future<OidcProvider> discover(Vertx vertx, OidcSettings settings, Clock clock) {
    Objects.requireNonNull(vertx, "vertx");
    Objects.requireNonNull(settings, "settings");
    Context context = vertx.getOrCreateContext();
    HttpClient http = vertx.createHttpClient(new HttpClientOptions().setVerifyHost(true).setMaxRedirects(0));
    String issuer = settings.issuerString();
    String discoveryUrl = (issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer)
        + "/.well-known/openid-configuration";
    return get(context, http, discoveryUrl, ProviderMetadata.MAX_BYTES)
        .map(bytes -> ProviderMetadata.parse(bytes, settings))
        .compose(meta -> get(context, http, meta.jwksUri().toString(), JwkSet.MAX_BYTES)
            .map(bytes -> new OidcProvider(vertx, context, http, settings, meta,
                JwkSet.parse(bytes, settings.algorithms()), clock)))
        .onFailure(err -> http.close());
  }

  public ProviderMetadata metadata() {
    return metadata;
  }

  /** Key ids currently trusted (for diagnostics). */
  public java.util.Set<String> keyIds() {
    return keys.kids();
  }

  /** Starts the periodic key refresh; call once. */
  public OidcProvider startPeriodicRefresh() {
    if (timerId < 0) {
      timerId = vertx.setPeriodic(PERIODIC_REFRESH.toMillis(), id -> refreshKeys());
    }
    return this;
  }

  /**
   * Validates an ID token and maps it to a principal. On an unknown kid the keys are reloaded
   * (rate-limited) and the token checked once more.
   */
  public Future<Principal> authenticate(String idToken, String expectedNonce) {
    try {
      return Future.succeededFuture(mapper.map(validator.validate(idToken, expectedNonce)));
    } catch (TokenRejectedException e) {
      if (e.reason() != TokenRejectedException.Reason.UNKNOWN_KID
          || clock.instant().isBefore(lastRefresh.plus(MIN_REFRESH_INTERVAL))) {
        return Future.failedFuture(e);
      }
      return refreshKeys().compose(v -> {
        try {
          return Future.succeededFuture(mapper.map(validator.validate(idToken, expectedNonce)));
        } catch (TokenRejectedException again) {
          return Future.failedFuture(again);
        }
      });
    }
  }

  /** Reloads the JWKS; on failure the previous keys stay in use. */
  public Future<Void> refreshKeys() {
    lastRefresh = clock.instant();
    return get(context, http, metadata.jwksUri().toString(), JwkSet.MAX_BYTES)
        .map(bytes -> {
          keys = JwkSet.parse(bytes, settings.algorithms());
          return (Void) null;
        });
  }

  public Future<Void> close() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
    }
    return http.close();
  }

  private Optional<VerificationKey> findKey(String kid) {
    return keys.find(kid);
  }

  /**
   * GET with a timeout, no redirects, status 200 required and the body bounded in size.
   *
   * <p>The exchange runs on {@code context}: the response's data handler must be installed when
   * the response head arrives, and only when the request was made on the context that the
   * response is dispatched to do the future callbacks run inline (from a foreign thread they are
   * queued, and the body may already have been delivered).
   */
  static Future<byte[]> get(Context context, HttpClient http, String url, int maxBytes) {
    return get(context, http, url, maxBytes, HTTP_TIMEOUT_MS);
  }

  /**
   * As {@link #get(Context, HttpClient, String, int)} with {@code deadlineMs} both as the idle
   * timeout and as the deadline of the whole exchange: the idle timeout alone let a provider that
   * sends a byte every few seconds hold the request until the size limit.
   */
  static Future<byte[]> get(Context context, HttpClient http, String url, int maxBytes, long deadlineMs) {
    Promise<byte[]> result = Promise.promise();
    context.runOnContext(v -> exchange(context, http, url, maxBytes, deadlineMs).onComplete(result));
    return result.future();
  }

  private static Future<byte[]> exchange(Context context, HttpClient http, String url, int maxBytes, long deadlineMs) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
        .setFollowRedirects(false).setTimeout(deadlineMs).putHeader("Accept", "application/json");
    return http.request(options).compose(req -> {
      long deadline = context.owner().setTimer(deadlineMs, id ->
          req.reset(0, new java.util.concurrent.TimeoutException("OIDC: GET " + url + " took over " + deadlineMs + " ms")));
      return exchange(req, url, maxBytes).onComplete(ar -> context.owner().cancelTimer(deadline));
    });
  }

  private static Future<byte[]> exchange(io.vertx.core.http.HttpClientRequest request, String url, int maxBytes) {
    return request.send().compose(resp -> {
      if (resp.statusCode() != 200) {
        resp.request().reset();
        return Future.failedFuture("OIDC: GET " + url + " answered HTTP " + resp.statusCode());
      }
      String length = resp.getHeader("Content-Length");
      if (length != null && (!length.matches("[0-9]{1,10}") || Long.parseLong(length) > maxBytes)) {
        resp.request().reset();
        return Future.failedFuture("OIDC: GET " + url + " body too large");
      }
      Promise<byte[]> promise = Promise.promise();
      Buffer body = Buffer.buffer();
      resp.handler(chunk -> {
        if (body.length() + chunk.length() > maxBytes) {
          promise.tryFail("OIDC: GET " + url + " body too large");
          resp.request().reset();
        } else {
          body.appendBuffer(chunk);
        }
      });
      resp.exceptionHandler(promise::tryFail);
      resp.endHandler(v -> promise.tryComplete(body.getBytes()));
      return promise.future();
    });
  }
}
