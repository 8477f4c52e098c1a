package org.pledgepad.auth.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pledgepad.auth.Role;

class DemoAccountsTest {
  private final InMemoryUserStore store = new InMemoryUserStore();
  private final PasswordHasher hasher = PasswordHasher.forTests();

  @Test
  void oneAccountPerRoleWithAWorkingOneTimePassword() {
    List<DemoAccounts.Created> created = DemoAccounts.create(store, hasher, new SecureRandom());
    assertThat(created).extracting(c -> c.user().role()).containsExactly(Role.values());
    LoginService login = new LoginService(store, hasher, new LoginThrottle(new MutableClock()));
    for (DemoAccounts.Created c : created) {
      assertThat(c.oneTimePassword()).matches("[A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){3}");
      assertThat(c.toString()).doesNotContain(c.oneTimePassword());
      assertThat(login.login(c.user().login(), c.oneTimePassword(), "127.0.0.1"))
          .isInstanceOfSatisfying(LoginResult.Success.class, s -> assertThat(s.mustChangePassword()).isTrue());
    }
    assertThat(store.findByLogin("demo-councillor").orElseThrow().user().bodies()).containsExactly(DemoAccounts.DEMO_BODY);
  }

  @Test
  void rerunningKeepsExistingAccountsAndTheirPasswords() {
    DemoAccounts.create(store, hasher, new SecureRandom());
    String hash = store.findByLogin("demo-admin").orElseThrow().passwordHash();
    assertThat(DemoAccounts.create(store, hasher, new SecureRandom())).isEmpty();
    assertThat(store.findByLogin("demo-admin").orElseThrow().passwordHash()).isEqualTo(hash);
  }
}
