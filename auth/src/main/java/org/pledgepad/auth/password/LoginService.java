package org.pledgepad.auth.password;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.pledgepad.auth.Ids;
import org.pledgepad.auth.User;

/**
 * Password login: throttle, look up, verify (with equal work for unknown logins), upgrade old
 * hashes. Blocking (Argon2 and possibly the store): call it from a worker thread
 * ({@code vertx.executeBlocking}), never on an event loop.
 */
public final class LoginService {
  private final UserStore store;
  private final PasswordHasher hasher;
  private final LoginThrottle throttle;
  /** Loaded on the first password change, not at start (its lists take some megabytes). */
  private final Supplier<PasswordStrength> strength;

  public LoginService(UserStore store, PasswordHasher hasher, LoginThrottle throttle) {
    this(store, hasher, throttle, PasswordStrength::shared);
  }

  LoginService(UserStore store, PasswordHasher hasher, LoginThrottle throttle, Supplier<PasswordStrength> strength) {
    this.store = Objects.requireNonNull(store, "store");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.throttle = Objects.requireNonNull(throttle, "throttle");
    this.strength = Objects.requireNonNull(strength, "strength");
  }

  /**
   * @param login         as typed (normalised to lower case here)
   * @param password      as typed
   * @param remoteAddress the client's address as the server determined it (trusted proxy rules
   *                      are the server's business)
   */
  public LoginResult login(String login, CharSequence password, String remoteAddress) {
    String normalized = login == null ? "" : login.strip().toLowerCase(java.util.Locale.ROOT);
    Duration wait = throttle.begin(normalized, remoteAddress);
    if (!wait.isZero()) {
      return new LoginResult.Throttled(wait);
    }
    try {
      return check(normalized, password, remoteAddress);
    } finally {
      throttle.end(normalized);
    }
  }

  private LoginResult check(String normalized, CharSequence password, String remoteAddress) {
    Optional<StoredUser> found = Ids.isLogin(normalized) ? store.findByLogin(normalized) : Optional.empty();
    if (found.isEmpty() || found.get().passwordHash() == null) {
      hasher.burnEqualTime(password);
      throttle.recordUnknownNameFailure(normalized, remoteAddress);
      return new LoginResult.Rejected();
    }
    StoredUser user = found.get();
    boolean ok = hasher.matches(password, user.passwordHash());
    if (!ok || user.user().disabled()) {
      throttle.recordFailure(normalized, remoteAddress);
      return new LoginResult.Rejected();
    }
    throttle.recordSuccess(normalized);
    if (hasher.needsRehash(user.passwordHash()) && password.length() >= PasswordHasher.MIN_PASSWORD_LENGTH) {
      // Passwords set before the length policy keep their old hash until they are changed.
      store.setPassword(user.user().id(), hasher.hash(password), user.mustChangePassword());
    }
    return new LoginResult.Success(user.user().principal(), user.mustChangePassword());
  }

  /**
   * Changes a password after checking the old one (which also ends the one-time state). A wrong
   * old password counts as a login failure (a stolen session must not become a way around the
   * login throttle); while throttled nothing is checked. The new password is judged for
   * strength only once the old one is right: the judgement takes a few milliseconds of CPU and
   * must not be free to anyone holding a session.
   *
   * @throws IllegalArgumentException if the new password violates the length policy
   */
  public PasswordChange changePassword(String userId, CharSequence oldPassword, CharSequence newPassword,
      String remoteAddress) {
    PasswordHasher.checkPolicy(newPassword);
    Optional<StoredUser> found = store.findById(userId);
    if (found.isEmpty() || found.get().user().disabled()) {
      return new PasswordChange.Rejected();
    }
    String login = found.get().user().login();
    Duration wait = throttle.begin(login, remoteAddress);
    if (!wait.isZero()) {
      return new PasswordChange.Throttled(wait);
    }
    try {
      if (!hasher.matches(oldPassword, found.get().passwordHash())) {
        throttle.recordFailure(login, remoteAddress);
        return new PasswordChange.Rejected();
      }
      User user = found.get().user();
      if (strength.get().judge(newPassword, List.of(login, user.displayName()))
          instanceof PasswordStrength.Verdict.TooGuessable weak) {
        return new PasswordChange.TooGuessable(weak.reason());
      }
      return store.setPassword(userId, hasher.hash(newPassword), false)
          ? new PasswordChange.Changed() : new PasswordChange.Rejected();
    } finally {
      throttle.end(login);
    }
  }
}
