package org.pledgepad.auth.oidc;

import io.vertx.core.Context;
import io.vertx.core.Future;
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
 * <p>vertx-auth-oauth2 was not used: Pledgepad needs only two GETs and the code exchange, and its own strict
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

  /** GET of discovery or keys: status 200 required, the body bounded in size; see {@link OidcHttp}. */
  static Future<byte[]> get(Context context, HttpClient http, String url, int maxBytes) {
    return get(context, http, url, maxBytes, HTTP_TIMEOUT_MS);
  }

  /** As {@link #get(Context, HttpClient, String, int)} with {@code deadlineMs} for the whole exchange. */
  static Future<byte[]> get(Context context, HttpClient http, String url, int maxBytes, long deadlineMs) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
        .putHeader("Accept", "application/json");
    return OidcHttp.send(context, http, options, null, maxBytes, deadlineMs).compose(a -> a.status() == 200
        ? Future.succeededFuture(a.body())
        : Future.failedFuture("OIDC: GET " + url + " answered HTTP " + a.status()));
  }

  /** The token endpoint's answer: its status, and for 200 its body (null otherwise). */
  public record TokenAnswer(int status, byte[] body) {}

  /**
   * POSTs a form ({@code application/x-www-form-urlencoded}) to the token endpoint, with the
   * {@code authorization} header when not null; bounded like the GETs ({@link OidcHttp}), with
   * {@code deadlineMs} for the whole exchange.
   */
  public Future<TokenAnswer> postToTokenEndpoint(String form, String authorization, int maxBytes, long deadlineMs) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
        .setAbsoluteURI(metadata.tokenEndpoint().toString())
        .putHeader("Accept", "application/json").putHeader("Content-Type", "application/x-www-form-urlencoded")
        .putHeader("User-Agent", "pledgepad");
    if (authorization != null) {
      options.putHeader("Authorization", authorization);
    }
    return OidcHttp.send(context, http, options, Buffer.buffer(form), maxBytes, deadlineMs)
        .map(a -> new TokenAnswer(a.status(), a.body()));
  }
}
