package org.pledgepad.server.access;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.pledgepad.auth.AccessMode;
import org.pledgepad.auth.Authorizer;
import org.pledgepad.auth.DocumentAccess;
import org.pledgepad.auth.Operation;
import org.pledgepad.auth.Principal;
import org.pledgepad.auth.PrincipalReconciler;
import org.pledgepad.auth.Stage;
import org.pledgepad.auth.User;
import org.pledgepad.auth.password.LoginResult;
import org.pledgepad.auth.password.LoginService;
import org.pledgepad.auth.password.LoginThrottle;
import org.pledgepad.auth.token.AccessTokenVerifier;
import org.pledgepad.auth.token.KeyResolver;
import org.pledgepad.auth.token.Revocation;
import org.pledgepad.auth.token.SigningKey;
import org.pledgepad.auth.token.SigningKeyFile;
import org.pledgepad.auth.token.TokenRejectedException;
import org.pledgepad.auth.token.TokenRevoker;
import org.pledgepad.auth.token.VerifiedAccessToken;
import org.pledgepad.server.auth.AuthDecision;
import org.pledgepad.server.auth.AuthHook;
import org.pledgepad.server.auth.AuthRequest;
import org.pledgepad.server.config.IdentityConfig;
import org.pledgepad.server.config.ServerConfig;
import org.pledgepad.server.store.DocumentInfo;
import org.pledgepad.server.store.DocumentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Identity and permissions for the whole server: the {@link AuthHook} of both WebSocket
 * protocols, the principal of REST requests ({@link AccessGuard}), cookie sessions and the
 * periodic re-check that downgrades or closes open connections whose rights shrank. Every
 * decision goes through the auth library's {@link Authorizer}.
 */
public final class AccessControl implements AuthHook {
  private static final Logger LOG = LoggerFactory.getLogger(AccessControl.class);
  public static final String KEY_FILE = "token-signing-key.json";
  /** Why a connection or request with a revoked token is refused (sent to the client; safe to log). */
  static final String TOKEN_REVOKED = "token-revoked";
  private final java.util.concurrent.atomic.AtomicLong renewedTokens = new java.util.concurrent.atomic.AtomicLong();
  /**
   * How long before its token ends an open connection is asked for a fresh one (Hocuspocus
   * token sync; re-checks run every RECHECK period, 2 s by default, so the ask goes out within
   * that of entering this window). Two minutes leave a provider whose token function fetches over
   * a slow network time to answer.
   */
  static final java.time.Duration RENEW_TOKENS_BEFORE = java.time.Duration.ofMinutes(2);
  /** How often the refresh deletes revocation entries past their token's expiry. */
  static final java.time.Duration REVOCATION_PURGE_EVERY = java.time.Duration.ofMinutes(10);

  private final AccessSettings settings;
  /** Wraps the token key resolver; identity in production, a counting resolver in tests. */
  private final UnaryOperator<KeyResolver> keyResolvers;
  private final Set<ConnectionGrant> grants = ConcurrentHashMap.newKeySet();
  /** Numbers refreshes in the order they were asked for (see {@link #recheckAll}). */
  private final AtomicLong refreshesStarted = new AtomicLong();
  /** Serialises re-checks so that two refreshes finishing together do not interleave. */
  private final Object recheckLock = new Object();
  private long appliedRefresh; // guarded by recheckLock
  private final AtomicBoolean tickInFlight = new AtomicBoolean();
  private volatile AccessSnapshot snapshot = AccessSnapshot.EMPTY;
  private Vertx vertx;
  private DocumentStore store;
  private AccessDb db;
  private SqlUserStore users;
  private DocumentAccessStore documents;
  private ClientIdBindingStore clientIds;
  private SqlTokenRevocations revocations;
  private TokenRevoker revoker;
  /** When the next refresh deletes expired revocation entries (epoch ms; 0: at the first). */
  private final AtomicLong nextRevocationPurge = new AtomicLong();
  private AccessTokenVerifier verifier;
  private VerifiedTokenCache verifiedTokens;
  /** How long an accepted token's signature check is reused, and for how many tokens at most. */
  static final java.time.Duration VERIFIED_TOKEN_TTL = java.time.Duration.ofSeconds(60);
  static final int VERIFIED_TOKEN_CAPACITY = 10_000;
  private LoginService login;
  private WebSessions sessions;
  private IdentityConfig identity = IdentityConfig.NONE;
  private Set<String> allowedOrigins = Set.of();
  private SessionCookie sessionCookie;
  private OidcLogin oidc;
  private long timer = -1;
  /** Set by {@link #stop()}: a refresh still in flight then fails as the database closes. */
  private volatile boolean stopped;

  public AccessControl(AccessSettings settings) {
    this(settings, UnaryOperator.identity());
  }

  AccessControl(AccessSettings settings, UnaryOperator<KeyResolver> keyResolvers) {
    this.settings = settings;
    this.keyResolvers = keyResolvers;
  }

  /** Opens the account database, creates the demo accounts on a first start, loads a snapshot. */
  public Future<Void> start(Vertx vertx, DocumentStore store, ServerConfig config) {
    this.vertx = vertx;
    this.store = store;
    this.identity = config.identity();
    this.allowedOrigins = config.allowedOrigins();
    this.sessionCookie = new SessionCookie(settings.cookieSecure(), identity.trustedProxies());
    return vertx.executeBlocking(() -> {
      db = AccessDb.forConfig(config);
      users = new SqlUserStore(db);
      documents = new DocumentAccessStore(db);
      clientIds = new ClientIdBindingStore(db);
      revocations = new SqlTokenRevocations(db);
      SigningKey key = loadKey(config);
      KeyResolver keys = TokenKeys.resolver(key.verificationKey(), config.identity().previousTokenKeys());
      verifier = new AccessTokenVerifier(keyResolvers.apply(keys), settings.tokens(), settings.clock());
      revoker = new TokenRevoker(verifier, settings.tokens(), revocations, settings.clock());
      verifiedTokens = new VerifiedTokenCache(settings.clock(), VERIFIED_TOKEN_TTL, VERIFIED_TOKEN_CAPACITY);
      login = new LoginService(users, settings.hasher(), new LoginThrottle(settings.clock()));
      oidc = config.identity().oidc().map(o -> new OidcLogin(this, o, new OidcAccounts(users))).orElse(null);
      sessions = new WebSessions(settings.random(), settings.clock(), settings.sessionLifetime(),
          WebSessions.DEFAULT_IDLE, new SqlSessionStore(db));
      return users.list().isEmpty() && config.seedDemo();
    }).compose(firstStart -> firstStart ? DemoAccess.setUp(vertx, store, users, documents, settings) : Future.succeededFuture())
        .compose(v -> refresh())
        .onSuccess(v -> timer = vertx.setPeriodic(settings.recheckEvery().toMillis(), id -> tick()));
  }

  private void tick() {
    // A slow database must not make periodic loads pile up behind each other; the next tick
    // (or an explicit refresh after a change, which always runs) catches up.
    if (!tickInFlight.compareAndSet(false, true)) {
      return;
    }
    refresh().onComplete(ar -> {
      tickInFlight.set(false);
      if (ar.failed() && stopped) {
        // A tick that was in flight when stop() closed the database: nothing is wrong.
        LOG.debug("Access refresh ended by the shutdown");
      } else if (ar.failed()) {
        LOG.warn("Access refresh failed; keeping the previous snapshot", ar.cause());
      }
    });
  }

  private SigningKey loadKey(ServerConfig config) throws IOException {
    return SigningKeyFile.loadOrCreate(config.dataDir().resolve(KEY_FILE), settings.random());
  }

  public void stop() {
    stopped = true;
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    if (oidc != null) {
      oidc.close();
    }
    if (db != null) {
      db.close();
    }
  }

  /**
   * Reloads accounts, stages and document access, then re-authorizes every open connection.
   * Call it after changing any of them so that the change applies at once, not at the next tick.
   */
  public Future<Void> refresh() {
    long generation = refreshesStarted.incrementAndGet();
    // The database is read once per refresh, off the event loop (store's own thread, then a
    // worker); the per-connection loop below only reads this snapshot and the clock.
    return store.listDocuments().compose(docs -> vertx.executeBlocking(() -> {
      // Sessions ended on another node sharing the table end here too, before the re-check below.
      sessions.revalidate();
      Map<String, User> byId = new HashMap<>();
      for (User u : users.list()) {
        byId.put(u.id(), u);
      }
      Map<String, DocumentAccessStore.Entry> entries = documents.all();
      // A document being deleted is still listed between its retirement and its row's deletion:
      // marked here, so that this refresh closes every connection to it, admins' included.
      Set<String> deleted = documents.deletedNameHashes();
      Map<String, DocumentAccess> access = new HashMap<>();
      for (DocumentInfo d : docs) {
        DocumentAccessStore.Entry e = entries.getOrDefault(d.name(),
            new DocumentAccessStore.Entry(DocumentAccessStore.NO_OWNER, Set.of(), Set.of()));
        access.put(d.name(), new DocumentAccess(d.name(), e.ownerBody(), e.editors(), e.commenters(),
            Stage.valueOf(d.stage().name()), !deleted.isEmpty() && deleted.contains(DocumentAccessStore.nameHash(d.name()))));
      }
      return new AccessSnapshot(byId, access, users.mustChangePasswordIds(), revokedTokens(), documents.bodyNames(),
          deleted);
    }, false)).map(s -> {
      recheckAll(generation, s);
      return null;
    });
  }

  /**
   * The jtis on the revocation list, read with the accounts at every refresh: the list is short
   * (an entry lives until its token's exp, at most 30 days) and this is how the other nodes learn
   * of a revocation, within one re-check period. Expired entries are deleted here too, now and
   * then. Blocking.
   */
  private Set<String> revokedTokens() {
    Instant now = settings.clock().instant();
    long next = nextRevocationPurge.get();
    if (now.toEpochMilli() >= next
        && nextRevocationPurge.compareAndSet(next, now.plus(REVOCATION_PURGE_EVERY).toEpochMilli())) {
      int purged = revocations.purge(TokenRevoker.purgeBefore(now));
      if (purged > 0) {
        LOG.info("Deleted {} token revocations past their token's expiry", purged);
      }
    }
    Set<String> jtis = new java.util.HashSet<>();
    for (Revocation r : revocations.list(TokenRevoker.purgeBefore(now))) {
      jtis.add(r.jti());
    }
    return jtis;
  }

  /**
   * Installs {@code s} and re-authorizes every open connection with it. No signature check and
   * no database access happens here: a token connection keeps what was verified at connect
   * ({@link VerifiedToken}), so only its expiry and the account's current state are looked at.
   * Loads run unordered on workers, so a refresh asked for earlier may finish later; it is then
   * dropped, as it could hold the state from before a change that a later refresh already applied.
   */
  void recheckAll(long generation, AccessSnapshot s) {
    synchronized (recheckLock) {
      if (generation <= appliedRefresh) {
        return;
      }
      appliedRefresh = generation;
      snapshot = s;
      sessions.purgeExpired();
      for (String subject : sessions.subjects()) {
        // Disabled accounts lose their sessions for good (re-enabling must not revive them).
        if (s.user(subject).map(User::disabled).orElse(false)) {
          sessions.removeSubject(subject);
        }
      }
      Instant now = settings.clock().instant();
      for (ConnectionGrant g : grants) {
        if (g.token != null && s.tokenRevoked(g.token.jti())) {
          g.end(TOKEN_REVOKED); // as a disabled account's, with its own reason
        } else {
          g.recheck(currentPrincipal(g, s, now), s.document(g.document));
          g.askForRenewalIfEndingBefore(now.plus(RENEW_TOKENS_BEFORE));
        }
      }
    }
  }

  /**
   * A fresh token for an open token connection that was asked for one: taken if it verifies, is
   * not revoked, names the same account and this document or none; the connection is then
   * re-checked with it at once (its role may differ). Verified on the caller's thread, as at
   * connect; only after the server asked, so a client cannot make it verify at will.
   */
  boolean renew(ConnectionGrant g, String token) {
    VerifiedToken fresh;
    try {
      fresh = verifyToken(token, snapshot);
    } catch (TokenRejectedException e) {
      return false;
    }
    Principal claimed = fresh.claimed();
    if (fresh.expiredAt(settings.clock().instant()) || !claimed.subject().equals(g.token.claimed().subject())
        || claimed.document() != null && !claimed.document().equals(g.document)) {
      return false;
    }
    synchronized (recheckLock) {
      AccessSnapshot s = snapshot;
      g.replaceToken(fresh);
      g.recheck(currentPrincipal(g, s, settings.clock().instant()), s.document(g.document));
    }
    renewedTokens.incrementAndGet();
    return true;
  }

  /** Tokens of open connections renewed since the start (for tests and operators' curiosity). */
  public long renewedTokens() {
    return renewedTokens.get();
  }

  /**
   * Whether an open connection's principal may do {@code op} on its document as of now (the
   * current snapshot and clock): for pushes whose audience is decided per recipient at send time.
   */
  boolean allowsNow(ConnectionGrant g, Operation op) {
    AccessSnapshot s = snapshot;
    Principal p = currentPrincipal(g, s, settings.clock().instant());
    return p != null && Authorizer.isAllowed(p, s.document(g.document), op);
  }

  /**
   * The principal of an open connection now; null if its token expired or was revoked or its
   * account is disabled.
   */
  private Principal currentPrincipal(ConnectionGrant g, AccessSnapshot s, Instant now) {
    if (g.token != null) {
      return g.token.expiredAt(now) || s.tokenRevoked(g.token.jti()) ? null : reconcile(g.token.claimed(), s);
    }
    if (g.sessionId != null) {
      return sessionPrincipal(g.sessionId, s).orElse(Principal.anonymous());
    }
    return Principal.anonymous();
  }

  // WebSocket

  @Override
  public Future<AuthDecision> authenticate(AuthRequest request) {
    return Future.succeededFuture(decide(request, null));
  }

  @Override
  public AuthHook forConnection(MultiMap upgradeHeaders) {
    return forConnection(upgradeHeaders, null, false);
  }

  @Override
  public AuthHook forConnection(MultiMap upgradeHeaders, io.vertx.core.net.SocketAddress peer, boolean tls) {
    // A page of another origin is a guest here (a token of its own still counts).
    String sessionId = CookieOrigin.mayUseCookie(upgradeHeaders.get("Origin"), upgradeHeaders.get("Host"), allowedOrigins)
        ? sessionCookie.read(upgradeHeaders, peer, tls) : null;
    if (sessionId == null) {
      return request -> Future.succeededFuture(decide(request, null));
    }
    String client = ClientAddress.of(peer, upgradeHeaders, identity.trustedProxies());
    // A session signed in on another node is read from the table once, before the first decision.
    return request -> Future.fromCompletionStage(sessions.load(sessionId, client), vertx.getOrCreateContext())
        .map(v -> decide(request, sessionId));
  }

  @Override
  public boolean acceptsUpgrade(MultiMap upgradeHeaders, String token) {
    if (token == null || token.isEmpty()) {
      return true;
    }
    try {
      return tokenPrincipal(token) != null;
    } catch (TokenRejectedException e) {
      return false;
    }
  }

  private AuthDecision decide(AuthRequest request, String sessionId) {
    String token = request.token();
    Credential credential = token != null && !token.isEmpty() ? Credential.token(token)
        : sessionId != null ? Credential.session(sessionId) : Credential.NONE;
    AccessSnapshot s = snapshot;
    VerifiedToken verified = null;
    Principal principal;
    if (credential.token() != null) {
      try {
        verified = verifyToken(credential.token(), s);
      } catch (TokenRejectedException e) {
        return new AuthDecision.Denied(e.reason() == TokenRejectedException.Reason.REVOKED
            ? TOKEN_REVOKED : "invalid-credentials");
      }
      principal = reconcile(verified.claimed(), s);
    } else if (credential.sessionId() != null) {
      principal = sessionPrincipal(credential.sessionId(), s).orElse(Principal.anonymous());
    } else {
      principal = Principal.anonymous();
    }
    if (principal == null) {
      return new AuthDecision.Denied("invalid-credentials");
    }
    DocumentAccess doc = s.document(request.documentName());
    AccessMode mode = Authorizer.mode(principal, doc);
    if (mode == AccessMode.NONE) {
      return new AuthDecision.Denied(Authorizer.authorize(principal, doc, Operation.READ).code());
    }
    ConnectionGrant grant = new ConnectionGrant(this, credential, verified, request.documentName(), principal, doc);
    return new AuthDecision.Allowed(principal.subject(), grant.readOnly(), grant);
  }

  void register(ConnectionGrant g) {
    grants.add(g);
  }

  void unregister(ConnectionGrant g) {
    grants.remove(g);
  }

  /** Open connections being watched (for tests and metrics). */
  public int watchedConnections() {
    return grants.size();
  }

  // Principals

  /**
   * The principal behind a token now; null if it names a disabled account. Throws with the
   * reason code (safe to log and to answer) if the token does not verify or is revoked.
   */
  Principal tokenPrincipal(String token) throws TokenRejectedException {
    AccessSnapshot s = snapshot;
    return reconcile(verifyToken(token, s).claimed(), s);
  }

  /**
   * Checks the token's signature and claims (the expensive part: Ed25519, at most once per
   * {@link #VERIFIED_TOKEN_TTL} for a token in use), then looks its jti up in {@code s}'s
   * revocation list, at every call: a token revoked after it was cached is refused from the
   * refresh that brought the revocation on. Call once per connection or request, never per re-check.
   */
  VerifiedToken verifyToken(String token, AccessSnapshot s) throws TokenRejectedException {
    try {
      VerifiedToken verified = verifiedTokens.get(token);
      if (verified == null) {
        VerifiedAccessToken v = verifier.verifyToken(token);
        verified = new VerifiedToken(v.principal(), v.jti(), v.expiresAt().plus(settings.tokens().leeway()));
        verifiedTokens.put(token, verified);
      }
      if (s.tokenRevoked(verified.jti())) {
        throw new TokenRejectedException(TokenRejectedException.Reason.REVOKED);
      }
      return verified;
    } catch (TokenRejectedException e) {
      LOG.debug("Token rejected: {}", e.getMessage()); // reason code only, never the token
      throw e;
    }
  }

  /**
   * A token's claims against the account as it is in {@code s}. A subject that is no account is
   * a service principal issued by the operator's key (the token command without the store); an
   * account's token never exceeds the account.
   */
  private static Principal reconcile(Principal claimed, AccessSnapshot s) {
    Optional<User> account = s.user(claimed.subject());
    return account.isEmpty() ? claimed : PrincipalReconciler.reconcile(claimed, account).orElse(null);
  }

  Optional<Principal> sessionPrincipal(String sessionId) {
    return sessionPrincipal(sessionId, snapshot);
  }

  /**
   * The principal a cookie session acts as. A session of an account still on its one-time
   * password acts as a guest (REST, both WebSocket protocols, pushes: they all come here), so a
   * password read aloud or left in a log gives no more than reading public texts until it is
   * replaced; only /api/me, the password change and sign-out look at the account itself
   * ({@link #sessionAccount}). Tokens are not affected: no password is involved in them.
   */
  private Optional<Principal> sessionPrincipal(String sessionId, AccessSnapshot s) {
    return sessionAccount(sessionId, s)
        .map(p -> s.mustChangePassword(p.subject()) ? Principal.anonymous() : p);
  }

  /** The account behind a cookie session, also while its password must be changed. */
  Optional<Principal> sessionAccount(String sessionId) {
    return sessionAccount(sessionId, snapshot);
  }

  private Optional<Principal> sessionAccount(String sessionId, AccessSnapshot s) {
    return sessions.find(sessionId).flatMap(session -> {
      Optional<User> u = s.user(session.subject());
      if (u.isEmpty() || u.get().disabled()) {
        sessions.remove(sessionId);
        return Optional.empty();
      }
      return Optional.of(u.get().principal());
    });
  }

  /** Whether {@code subject}'s password is a one-time password that must be changed first. */
  boolean mustChangePassword(String subject) {
    return snapshot.mustChangePassword(subject);
  }

  /**
   * Whether {@code p} may still act now: false once its account is disabled or erased (as the
   * current snapshot has it; an erasure refreshes it before it starts). Guests and subjects
   * without an account here (tokens of a trusted issuer) are not affected.
   */
  boolean active(Principal p) {
    return p.isAnonymous() || snapshot.user(p.subject()).map(u -> !u.disabled()).orElse(true);
  }

  AccessSnapshot snapshot() {
    return snapshot;
  }

  DocumentAccess documentAccess(String name) {
    return snapshot.document(name);
  }

  /** clientID ownership for one document session (see SessionRegistry#setUpdateAdmission). */
  public org.pledgepad.server.session.UpdateAdmission admissionFor(String document) {
    return new ClientIdOwnership(vertx, document, clientIds);
  }

  // REST

  /** The shared authorization helper for REST routes (annotations, pledges, history, ...). */
  /**
   * The display name of account {@code subject} as the current snapshot has it ("gelöscht" once
   * erased); empty for a subject that is no account here. In memory: any thread.
   */
  public Optional<String> displayName(String subject) {
    return snapshot.user(subject).map(User::displayName);
  }

  /**
   * Refreshes whenever another node announces an access change ({@link AccessChanges}), and after
   * every (re)subscription, since announcements may have been missed meanwhile. Refreshes that
   * are asked for while one runs become one more after it.
   */
  public void followOtherNodes(org.pledgepad.server.cluster.ClusterFanout fanout) {
    fanout.listen(AccessChanges.CHANNEL, payload -> refreshSoon(), this::refreshSoon);
  }

  private final java.util.concurrent.atomic.AtomicInteger announcedRefreshes = new java.util.concurrent.atomic.AtomicInteger();

  private void refreshSoon() {
    // 0 → 1: start one; 1 → 2: one more after the running one; 2: already asked for.
    if (announcedRefreshes.getAndUpdate(n -> Math.min(n + 1, 2)) == 0) {
      runAnnouncedRefresh();
    }
  }

  private void runAnnouncedRefresh() {
    refresh().onComplete(ar -> {
      if (ar.failed()) {
        LOG.warn("Access refresh after another node's change failed; the periodic re-check follows", ar.cause());
      }
      if (announcedRefreshes.decrementAndGet() > 0) {
        runAnnouncedRefresh();
      }
    });
  }

  /** The account with this id, else with this login, as of the last refresh. */
  Optional<User> account(String idOrLogin) {
    Optional<User> byId = snapshot.user(idOrLogin);
    return byId.isPresent() ? byId : snapshot.userByLogin(idOrLogin);
  }

  /** The body owning {@code document} as {id, name} (name: the described one, else the id); empty for none. */
  public Optional<io.vertx.core.json.JsonObject> ownerOf(String document) {
    org.pledgepad.auth.Body b = documentAccess(document).ownerBody();
    return b.equals(DocumentAccessStore.NO_OWNER) ? Optional.empty()
        : Optional.of(new io.vertx.core.json.JsonObject().put("id", b.id()).put("name", bodyName(b).orElse(b.id())));
  }

  /** The display name of a council body, as of the last refresh. */
  Optional<String> bodyName(org.pledgepad.auth.Body body) {
    return Optional.ofNullable(snapshot.bodyNames().get(body.id()));
  }

  public AccessGuard guard() {
    return new AccessGuard(this);
  }

  /**
   * Mounts /api/session, /api/me, POST /api/documents, PATCH /api/documents/{name} and the token revocation list's
   * admin routes; call before routes that end in
   * a catch-all for /api/*.
   */
  public void mount(Router router) {
    router.route().handler(this::loadSession);
    new AccessRoutes(this, guard()).mount(router);
    new DocumentSettingsRoutes(this, guard()).mount(router);
    new DocumentCreateRoutes(this, guard()).mount(router);
    new TokenRevocationRoutes(this, guard()).mount(router);
  }

  /**
   * Before any route reads the cookie session: one that another node created is fetched from
   * the table first (off the event loop; the request waits, paused, for that one read).
   */
  private void loadSession(io.vertx.ext.web.RoutingContext ctx) {
    String id = sessionCookie.read(ctx);
    java.util.concurrent.CompletableFuture<Void> loaded = id == null ? null
        : sessions.load(id, ClientAddress.of(ctx.request().remoteAddress(), ctx.request().headers(),
            identity.trustedProxies()));
    if (loaded == null || loaded.isDone()) {
      ctx.next();
      return;
    }
    ctx.request().pause(); // body handlers further on resume it
    io.vertx.core.Context context = vertx.getOrCreateContext();
    loaded.whenComplete((v, err) -> context.runOnContext(x -> ctx.next()));
  }

  AccessSettings settings() {
    return settings;
  }

  IdentityConfig identity() {
    return identity;
  }

  /** The document store whose stages this layer reads (tests change stages through it). */
  DocumentStore documentStore() {
    return store;
  }

  /** OIDC sign-in, or null when it is not configured. */
  OidcLogin oidcLogin() {
    return oidc;
  }

  Vertx vertx() {
    return vertx;
  }

  LoginService loginService() {
    return login;
  }

  WebSessions sessions() {
    return sessions;
  }

  /** The account store (blocking), e.g. for admin routes. */
  public SqlUserStore users() {
    return users;
  }

  /** Account export and tombstone for the privacy routes (blocking). */
  public AccountPrivacy accountPrivacy() {
    return new AccountPrivacy(db, settings.random());
  }

  /**
   * Re-confirms the password of a signed-in person before an irreversible step (erasure):
   * checked like a sign-in, so wrong guesses count against the login throttle of the account and
   * of {@code clientAddress} (from {@link #clientAddress}, as for sign-in). Success, Rejected
   * (also for an account without a password) or Throttled. Blocking.
   */
  public LoginResult confirmPassword(String subject, String password, String clientAddress) {
    return users.findById(subject)
        .map(u -> login.login(u.user().login(), password, clientAddress))
        .orElseGet(LoginResult.Rejected::new);
  }

  /**
   * Whether the request is known to be https (COOKIE_SECURE=true, TLS here, or X-Forwarded-Proto
   * https from a trusted proxy): its cookies are then Secure and carry the https names.
   */
  boolean secureCookies(io.vertx.ext.web.RoutingContext ctx) {
    return sessionCookie.https(ctx);
  }

  /** How the session cookie is named, read, set and cleared for a request. */
  public SessionCookie sessionCookie() {
    return sessionCookie;
  }

  /** The client's address for throttling, as sign-in resolves it (X-Forwarded-For only from trusted proxies). */
  public String clientAddress(io.vertx.ext.web.RoutingContext ctx) {
    return ClientAddress.of(ctx.request().remoteAddress(), ctx.request().headers(), identity.trustedProxies());
  }

  /** Ends every web session of {@code subject} and re-checks open connections (account erased). */
  public Future<Void> endSessions(String subject) {
    sessions.removeSubject(subject);
    return refresh();
  }

  /**
   * Puts a token (compact, checked with the configured keys) or a bare jti on the revocation
   * list for {@code revokedBy}, then refreshes, so that this node refuses it and has closed its
   * connections when the future completes; other nodes follow at their next re-check. Fails with
   * {@link TokenRejectedException} for a token that does not verify, with
   * {@link IllegalArgumentException} for text that is neither.
   */
  public Future<TokenRevoker.Outcome> revokeToken(String tokenOrJti, String revokedBy) {
    return vertx.executeBlocking(() -> revoker.revoke(tokenOrJti, revokedBy), false).compose(outcome -> {
      if (outcome instanceof TokenRevoker.Outcome.Revoked r && !r.already()) {
        LOG.info("Token {} revoked by {}, listed until {}", r.entry().jti(), revokedBy, r.entry().expiresAt());
      }
      return refresh().map(outcome);
    });
  }

  /** The revocation list's entries still in force (blocking read on a worker). */
  public Future<List<Revocation>> tokenRevocations() {
    return vertx.executeBlocking(() -> revocations.list(TokenRevoker.purgeBefore(settings.clock().instant())), false);
  }

  /** Owner bodies, editors and commenters (blocking); call {@link #refresh()} after changes. */
  public DocumentAccessStore documentAccessStore() {
    return documents;
  }
}
