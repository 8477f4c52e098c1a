package org.pledgepad.auth.oidc;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.pledgepad.auth.token.Base64Url;

/**
 * An in-process stand-in for a Keycloak realm on 127.0.0.1: discovery, JWKS, an authorization
 * endpoint that signs the configured user in at once and redirects back with a code, and a token
 * endpoint that checks that code (one-time, same client and redirect URI, PKCE S256, client secret
 * if one is configured) and returns an ID token signed with {@link #signingKey}. Tests steer it
 * through the public fields: change the JWKS (rotation), the claims (wrong nonce, audience,
 * expiry) or make the code exchange fail.
 */
public final class FakeKeycloak implements AutoCloseable {
  public static final String REALM = "/realms/kassel";
  private static final String OIDC = REALM + "/protocol/openid-connect";

  /** What the authorization endpoint was asked (for assertions on the login redirect). */
  public record AuthorizationRequest(MultiMap params) {}

  /** A code handed out by the authorization endpoint and not yet exchanged. */
  private record Grant(String clientId, String redirectUri, String nonce, String challenge, String method) {}

  private final Vertx vertx;
  private final HttpServer server;
  public final String issuer;
  /** The "issuer" the discovery document announces (normally {@link #issuer}). */
  public final AtomicReference<String> discoveryIssuer = new AtomicReference<>();
  public final AtomicReference<String> jwks = new AtomicReference<>();
  public final AtomicInteger jwksFetches = new AtomicInteger();
  public final AtomicInteger tokenRequests = new AtomicInteger();
  public final List<AuthorizationRequest> authorizationRequests = new CopyOnWriteArrayList<>();
  /** Key that signs ID tokens; its kid need not be in {@link #jwks} (unknown-kid tests). */
  public final AtomicReference<TestIdp.Key> signingKey = new AtomicReference<>();
  /** Applied to the claims of each ID token before signing (nonce, iss, aud and times are set first). */
  public final AtomicReference<UnaryOperator<JsonObject>> claimsEdit = new AtomicReference<>(UnaryOperator.identity());
  /** If not 200, the token endpoint answers with this status and an OAuth error. */
  public final AtomicInteger tokenStatus = new AtomicInteger(200);
  /**
   * When set, the keys and token endpoints answer 200 and then send one byte every 100 ms until
   * the client goes away: a broken provider that never trips an idle timeout.
   */
  public final java.util.concurrent.atomic.AtomicBoolean dribble = new java.util.concurrent.atomic.AtomicBoolean();
  /** Dribbling answers whose connection the client has not closed yet. */
  public final AtomicInteger dribbling = new AtomicInteger();
  /** The provider's time for iat/exp (tests share one movable clock with the server). */
  public final AtomicReference<java.time.Clock> clock = new AtomicReference<>(java.time.Clock.systemUTC());
  /** The confidential client's secret; null for a public client. */
  public final AtomicReference<String> clientSecret = new AtomicReference<>();
  private final Map<String, Grant> codes = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();

  private FakeKeycloak(Vertx vertx, HttpServer server) {
    this.vertx = vertx;
    this.server = server;
    this.issuer = "http://127.0.0.1:" + server.actualPort() + REALM;
    discoveryIssuer.set(issuer);
  }

  /** Starts the fake on a free port, signing with {@code key} and publishing only it. */
  public static Future<FakeKeycloak> start(Vertx vertx, TestIdp.Key key) {
    AtomicReference<FakeKeycloak> self = new AtomicReference<>();
    return vertx.createHttpServer().requestHandler(req -> self.get().handle(req)).listen(0, "127.0.0.1")
        .map(s -> {
          FakeKeycloak k = new FakeKeycloak(vertx, s);
          k.signingKey.set(key);
          k.jwks.set(TestIdp.jwks(key));
          self.set(k);
          return k;
        });
  }

  public String authorizationEndpoint() {
    return issuer + "/protocol/openid-connect/auth";
  }

  private void handle(HttpServerRequest req) {
    String path = req.path();
    if (dribble.get() && (path.equals(OIDC + "/certs") || path.equals(OIDC + "/token"))) {
      req.response().setChunked(true).putHeader("Content-Type", "application/json").setStatusCode(200);
      dribbling.incrementAndGet();
      long timer = vertx.setPeriodic(100, id -> req.response().write(" "));
      req.connection().closeHandler(v -> {
        vertx.cancelTimer(timer);
        dribbling.decrementAndGet();
      });
      return;
    }
    if (path.equals(REALM + "/.well-known/openid-configuration")) {
      json(req, 200, new JsonObject()
          .put("issuer", discoveryIssuer.get())
          .put("authorization_endpoint", authorizationEndpoint())
          .put("token_endpoint", issuer + "/protocol/openid-connect/token")
          .put("jwks_uri", issuer + "/protocol/openid-connect/certs")
          .put("end_session_endpoint", issuer + "/protocol/openid-connect/logout")
          .put("code_challenge_methods_supported", new JsonArray().add("S256"))
          .put("id_token_signing_alg_values_supported", new JsonArray().add("RS256").add("ES256").add("EdDSA")));
    } else if (path.equals(OIDC + "/certs")) {
      jwksFetches.incrementAndGet();
      req.response().putHeader("Content-Type", "application/json").end(jwks.get());
    } else if (path.equals(OIDC + "/auth")) {
      authorize(req);
    } else if (path.equals(OIDC + "/token") && req.method().name().equals("POST")) {
      req.setExpectMultipart(true);
      req.endHandler(v -> token(req, req.formAttributes()));
    } else {
      req.response().setStatusCode(404).end();
    }
  }

  private void authorize(HttpServerRequest req) {
    MultiMap p = MultiMap.caseInsensitiveMultiMap().addAll(req.params());
    authorizationRequests.add(new AuthorizationRequest(p));
    String redirect = p.get("redirect_uri");
    if (redirect == null || !"code".equals(p.get("response_type"))) {
      req.response().setStatusCode(400).end();
      return;
    }
    String code = randomString();
    codes.put(code, new Grant(p.get("client_id"), redirect, p.get("nonce"), p.get("code_challenge"),
        p.get("code_challenge_method")));
    String location = redirect + (redirect.contains("?") ? "&" : "?") + "code=" + enc(code)
        + (p.get("state") == null ? "" : "&state=" + enc(p.get("state")));
    req.response().setStatusCode(302).putHeader("Location", location).end();
  }

  private void token(HttpServerRequest req, MultiMap form) {
    tokenRequests.incrementAndGet();
    if (tokenStatus.get() != 200) {
      json(req, tokenStatus.get(), new JsonObject().put("error", "server_error"));
      return;
    }
    Grant g = form.get("code") == null ? null : codes.remove(form.get("code"));
    String clientId = form.get("client_id");
    String secret = clientSecret.get();
    if (secret != null) {
      String basic = req.getHeader("Authorization");
      String expected = "Basic " + Base64.getEncoder().encodeToString(
          (enc(TestIdp.CLIENT) + ":" + enc(secret)).getBytes(StandardCharsets.UTF_8));
      if (!expected.equals(basic)) {
        json(req, 401, new JsonObject().put("error", "invalid_client"));
        return;
      }
      clientId = TestIdp.CLIENT;
    }
    if (g == null || !"authorization_code".equals(form.get("grant_type")) || !g.clientId().equals(clientId)
        || !g.redirectUri().equals(form.get("redirect_uri")) || !"S256".equals(g.method())
        || form.get("code_verifier") == null || !s256(form.get("code_verifier")).equals(g.challenge())) {
      json(req, 400, new JsonObject().put("error", "invalid_grant"));
      return;
    }
    long now = clock.get().instant().getEpochSecond();
    JsonObject claims = TestIdp.claims(now).put("iss", issuer).put("aud", TestIdp.CLIENT).put("azp", TestIdp.CLIENT);
    claims.remove("email");
    if (g.nonce() != null) {
      claims.put("nonce", g.nonce());
    } else {
      claims.remove("nonce");
    }
    String idToken = signingKey.get().sign(claimsEdit.get().apply(claims));
    json(req, 200, new JsonObject().put("access_token", "opaque-access-token").put("token_type", "Bearer")
        .put("expires_in", 300).put("id_token", idToken));
  }

  private static String s256(String verifier) {
    try {
      return Base64Url.encode(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private String randomString() {
    byte[] b = new byte[16];
    random.nextBytes(b);
    return Base64Url.encode(b);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static void json(HttpServerRequest req, int status, JsonObject body) {
    req.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }

  @Override
  public void close() {
    server.close();
  }

  public Vertx vertx() {
    return vertx;
  }
}
