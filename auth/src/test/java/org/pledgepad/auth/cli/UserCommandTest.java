package org.pledgepad.auth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pledgepad.auth.Body;
import org.pledgepad.auth.Role;
import org.pledgepad.auth.User;
import org.pledgepad.auth.password.InMemoryUserStore;
import org.pledgepad.auth.password.LoginResult;
import org.pledgepad.auth.password.LoginService;
import org.pledgepad.auth.password.LoginThrottle;
import org.pledgepad.auth.password.PasswordHasher;
import org.pledgepad.auth.password.StoredUser;

class UserCommandTest {
  private final InMemoryUserStore store = new InMemoryUserStore();
  private final PasswordHasher hasher = PasswordHasher.forTests();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final UserCommand command = new UserCommand(store, hasher,
      new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
      new SecureRandom());

  private int run(String... args) {
    return command.run(args);
  }

  @Test
  void addCreatesAnAccountWhoseOneTimePasswordLogsIn() {
    assertThat(run("add", "anna", "--role", "COUNCILLOR", "--name", "Anna Schmidt", "--body", "spd-fraktion")).isZero();
    Matcher m = Pattern.compile("one-time password: (\\S+)").matcher(out.toString());
    assertThat(m.find()).isTrue();
    User u = store.findByLogin("anna").orElseThrow().user();
    assertThat(u.role()).isEqualTo(Role.COUNCILLOR);
    assertThat(u.bodies()).containsExactly(new Body("spd-fraktion"));
    assertThat(u.id()).startsWith("u-");
    LoginService login = new LoginService(store, hasher, new LoginThrottle(Clock.systemUTC()));
    assertThat(login.login("anna", m.group(1), "127.0.0.1"))
        .isInstanceOfSatisfying(LoginResult.Success.class, s -> assertThat(s.mustChangePassword()).isTrue());
  }

  @Test
  void resetPasswordReplacesThePasswordByANewOneTimePassword() {
    run("add", "anna", "--role", "COUNCILLOR");
    Matcher first = Pattern.compile("one-time password: (\\S+)").matcher(out.toString());
    assertThat(first.find()).isTrue();
    LoginService login = new LoginService(store, hasher, new LoginThrottle(Clock.systemUTC()));
    assertThat(login.login("anna", first.group(1), "127.0.0.1")).isInstanceOf(LoginResult.Success.class);
    out.reset();

    assertThat(run("reset-password", "anna")).isZero();
    Matcher m = Pattern.compile("new one-time password for anna: (\\S+)").matcher(out.toString());
    assertThat(m.find()).isTrue();
    assertThat(m.group(1)).isNotEqualTo(first.group(1));
    assertThat(login.login("anna", first.group(1), "127.0.0.1")).as("the old password").isNotInstanceOf(LoginResult.Success.class);
    assertThat(login.login("anna", m.group(1), "127.0.0.1"))
        .isInstanceOfSatisfying(LoginResult.Success.class, s -> assertThat(s.mustChangePassword()).isTrue());
    assertThat(run("reset-password", "nobody")).isEqualTo(1);
    assertThat(run("reset-password")).isEqualTo(2);
  }

  @Test
  void updateChangesOnlyWhatIsGivenAndKeepsPasswordAndPseudonym() {
    run("add", "anna", "--role", "CITIZEN", "--pseudonym", "--name", "Wanderfalke", "--body", "alt");
    StoredUser before = store.findByLogin("anna").orElseThrow();
    assertThat(run("update", "anna", "--role", "COUNCILLOR", "--body", "gruen", "--body", "ausschuss-digital")).isZero();
    StoredUser after = store.findByLogin("anna").orElseThrow();
    assertThat(after.user().role()).isEqualTo(Role.COUNCILLOR);
    assertThat(after.user().bodies()).containsExactlyInAnyOrder(new Body("gruen"), new Body("ausschuss-digital"));
    assertThat(after.user().displayName()).isEqualTo("Wanderfalke");
    assertThat(after.user().pseudonym()).isTrue();
    assertThat(after.user().id()).isEqualTo(before.user().id());
    assertThat(after.passwordHash()).isEqualTo(before.passwordHash());
    assertThat(out.toString()).contains("updated anna (COUNCILLOR, bodies ausschuss-digital,gruen)");

    assertThat(run("update", "anna", "--no-body")).isZero();
    assertThat(store.findByLogin("anna").orElseThrow().user().bodies()).isEmpty();
    assertThat(store.findByLogin("anna").orElseThrow().user().role()).isEqualTo(Role.COUNCILLOR);
  }

  @Test
  void updateRefusesNothingToDoContradictionsAndUnknownAccounts() {
    run("add", "anna", "--role", "CITIZEN");
    assertThat(run("update", "anna")).isEqualTo(2);
    assertThat(run("update", "anna", "--body", "a", "--no-body")).isEqualTo(2);
    assertThat(run("update", "anna", "--pseudonym")).isEqualTo(2);
    assertThat(run("update", "anna", "--role", "KING")).isEqualTo(2);
    assertThat(run("update", "anna", "--body", "Not Valid")).isEqualTo(2);
    assertThat(run("update", "bert", "--role", "ADMIN")).isEqualTo(1);
    assertThat(store.findByLogin("anna").orElseThrow().user().role()).isEqualTo(Role.CITIZEN);
  }

  @Test
  void duplicateLoginIsRefused() {
    run("add", "anna", "--role", "CITIZEN");
    assertThat(run("add", "anna", "--role", "ADMIN")).isEqualTo(1);
    assertThat(store.findByLogin("anna").orElseThrow().user().role()).isEqualTo(Role.CITIZEN);
  }

  @Test
  void listShowsAccountsWithoutCredentials() {
    run("add", "anna", "--role", "CITIZEN", "--pseudonym", "--name", "Wanderfalke");
    String hash = store.findByLogin("anna").orElseThrow().passwordHash();
    out.reset();
    assertThat(run("list")).isZero();
    assertThat(out.toString()).contains("anna", "CITIZEN", "active", "Wanderfalke (pseudonym)").doesNotContain(hash);
  }

  @Test
  void disableAndEnableToggleTheAccount() {
    run("add", "anna", "--role", "CITIZEN");
    assertThat(run("disable", "anna")).isZero();
    assertThat(store.findByLogin("anna").orElseThrow().user().disabled()).isTrue();
    assertThat(run("enable", "anna")).isZero();
    assertThat(store.findByLogin("anna").orElseThrow().user().disabled()).isFalse();
    assertThat(run("disable", "nobody")).isEqualTo(1);
  }

  @Test
  void badInputIsAUsageError() {
    assertThat(run()).isEqualTo(2);
    assertThat(run("remove", "anna")).isEqualTo(2);
    assertThat(run("add", "Anna", "--role", "CITIZEN")).isEqualTo(2);
    assertThat(run("add", "anna", "--role", "citizen")).isEqualTo(2);
    assertThat(run("add", "anna")).isEqualTo(2);
    assertThat(run("add", "anna", "--role", "CITIZEN", "--body", "Bad Body")).isEqualTo(2);
    assertThat(run("add", "anna", "--role", "CITIZEN", "--name", "x\u0000y")).isEqualTo(2);
    assertThat(store.list()).isEmpty();
  }
}
