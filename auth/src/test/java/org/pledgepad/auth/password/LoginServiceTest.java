package org.pledgepad.auth.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pledgepad.auth.Role;
import org.pledgepad.auth.User;

class LoginServiceTest {
  private final MutableClock clock = new MutableClock();
  private final InMemoryUserStore store = new InMemoryUserStore();
  private final PasswordHasher hasher = PasswordHasher.forTests();
  private final LoginService service = new LoginService(store, hasher, new LoginThrottle(clock));

  @BeforeEach
  void addAnna() {
    store.add(new User("u1", "anna", "Anna", false, Role.COUNCILLOR, Set.of(), false),
        hasher.hash("anna's long password"), false);
  }

  @Test
  void correctPasswordLogsIn() {
    LoginResult r = service.login("Anna ", "anna's long password", "10.0.0.1");
    assertThat(r).isInstanceOfSatisfying(LoginResult.Success.class, s -> {
      assertThat(s.principal().subject()).isEqualTo("u1");
      assertThat(s.principal().role()).isEqualTo(Role.COUNCILLOR);
      assertThat(s.mustChangePassword()).isFalse();
    });
  }

  @Test
  void wrongPasswordUnknownLoginAndDisabledAccountLookTheSame() {
    assertThat(service.login("anna", "wrong password!!", "a")).isInstanceOf(LoginResult.Rejected.class);
    assertThat(service.login("nobody", "anna's long password", "b")).isInstanceOf(LoginResult.Rejected.class);
    assertThat(service.login("../etc", "anna's long password", "b")).isInstanceOf(LoginResult.Rejected.class);
    store.setDisabled("u1", true);
    assertThat(service.login("anna", "anna's long password", "c")).isInstanceOf(LoginResult.Rejected.class);
  }

  @Test
  void repeatedFailuresThrottleEvenTheRightPassword() {
    for (int i = 0; i < 4; i++) {
      service.login("anna", "wrong password!!", "10.0.0.1");
    }
    LoginResult r = service.login("anna", "anna's long password", "10.0.0.2");
    assertThat(r).isInstanceOfSatisfying(LoginResult.Throttled.class,
        t -> assertThat(t.retryAfter()).isPositive());
    clock.advance(t(r));
    assertThat(service.login("anna", "anna's long password", "10.0.0.2")).isInstanceOf(LoginResult.Success.class);
  }

  private static java.time.Duration t(LoginResult r) {
    return ((LoginResult.Throttled) r).retryAfter();
  }

  @Test
  void weakHashIsUpgradedOnSuccessfulLogin() {
    LoginService strong = new LoginService(store, new PasswordHasher(), new LoginThrottle(clock));
    String before = store.findById("u1").orElseThrow().passwordHash();
    assertThat(strong.login("anna", "anna's long password", "a")).isInstanceOf(LoginResult.Success.class);
    String after = store.findById("u1").orElseThrow().passwordHash();
    assertThat(after).isNotEqualTo(before).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
  }

  @Test
  void changingThePasswordNeedsTheOldOneAndEndsTheOneTimeState() {
    store.setPassword("u1", hasher.hash("one-time-secret"), true);
    assertThat(service.login("anna", "one-time-secret", "a"))
        .isInstanceOfSatisfying(LoginResult.Success.class, s -> assertThat(s.mustChangePassword()).isTrue());
    assertThat(service.changePassword("u1", "not the old one", "a new long password", "a"))
        .isInstanceOf(PasswordChange.Rejected.class);
    assertThat(service.changePassword("u1", "one-time-secret", "a new long password", "a"))
        .isInstanceOf(PasswordChange.Changed.class);
    assertThat(service.login("anna", "a new long password", "a"))
        .isInstanceOfSatisfying(LoginResult.Success.class, s -> assertThat(s.mustChangePassword()).isFalse());
  }

  @Test
  void oldShortPasswordStillLogsInWithoutRehash() {
    store.setPassword("u1", new PasswordHasher(1024, 1).hashForMigration("short1"), false);
    LoginService strong = new LoginService(store, new PasswordHasher(), new LoginThrottle(clock));
    assertThat(strong.login("anna", "short1", "a")).isInstanceOf(LoginResult.Success.class);
  }

  @Test
  void wrongOldPasswordsOnChangeAreThrottledLikeLogins() {
    for (int i = 0; i < 4; i++) {
      assertThat(service.changePassword("u1", "guess number " + i, "a new long password", "a"))
          .isInstanceOf(PasswordChange.Rejected.class);
    }
    assertThat(service.login("anna", "anna's long password", "b")).isInstanceOf(LoginResult.Throttled.class);
    // The right old password while throttled: told to wait, not that it is wrong; nothing changed.
    assertThat(service.changePassword("u1", "anna's long password", "a new long password", "b"))
        .isInstanceOfSatisfying(PasswordChange.Throttled.class, t -> assertThat(t.retryAfter()).isPositive());
    assertThat(hasher.matches("anna's long password", store.findById("u1").orElseThrow().passwordHash())).isTrue();
  }

  @Test
  void aNewPasswordThatIsEasyToGuessIsRefusedWithItsReasonAndNothingChanges() {
    store.setPassword("u1", hasher.hash("one-time-secret"), true);
    assertThat(service.changePassword("u1", "one-time-secret", "passwort1234", "a"))
        .isEqualTo(new PasswordChange.TooGuessable(PasswordStrength.Reason.WORDS));
    // The login and the display name count against it.
    store.add(new User("u2", "k.wierzbowska", "Ratsfrau Wierzbowska", false, Role.COUNCILLOR, Set.of(), false),
        hasher.hash("her one-time secret"), true);
    assertThat(service.changePassword("u2", "her one-time secret", "wierzbowska2024!", "a"))
        .isEqualTo(new PasswordChange.TooGuessable(PasswordStrength.Reason.PERSONAL));
    assertThat(service.login("anna", "one-time-secret", "a"))
        .isInstanceOfSatisfying(LoginResult.Success.class, s -> assertThat(s.mustChangePassword()).isTrue());
    // Not counted as failures: four of those would have throttled the next change.
    for (int i = 0; i < 4; i++) {
      assertThat(service.changePassword("u1", "one-time-secret", "123456789012", "a"))
          .isInstanceOf(PasswordChange.TooGuessable.class);
    }
    assertThat(service.changePassword("u1", "one-time-secret", "a new long password", "a"))
        .isInstanceOf(PasswordChange.Changed.class);
  }

  @Test
  void withAWrongOldPasswordTheNewOneIsNotJudged() {
    // Only the holder of the old password learns what the check thinks of a new one.
    assertThat(service.changePassword("u1", "not the old one", "passwort1234", "a"))
        .isInstanceOf(PasswordChange.Rejected.class);
  }
}
