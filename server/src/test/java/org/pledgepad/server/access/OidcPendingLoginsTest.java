package org.pledgepad.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** Starting a sign-in needs no credential: one client must not push out other people's. */
class OidcPendingLoginsTest {
  private final OidcPendingLogins pending = new OidcPendingLogins(new SecureRandom(), Clock.systemUTC());

  @Test
  void aFloodFromOneClientKeepsOtherClientsSignInsPending() {
    OidcPendingLogins.Started someone = pending.start("/", "198.51.100.7");
    for (int i = 0; i < OidcPendingLogins.MAX_PENDING + 10; i++) {
      pending.start("/", "203.0.113.66");
    }
    assertThat(pending.size()).isEqualTo(1 + OidcPendingLogins.MAX_PER_CLIENT);
    assertThat(pending.take(someone.state(), someone.browserCookie())).isPresent();
  }

  @Test
  void aClientsOwnOldestStartIsTheOneDropped() {
    OidcPendingLogins.Started first = pending.start("/", "203.0.113.66");
    OidcPendingLogins.Started second = pending.start("/", "203.0.113.66");
    for (int i = 2; i < OidcPendingLogins.MAX_PER_CLIENT; i++) {
      pending.start("/", "203.0.113.66");
    }
    OidcPendingLogins.Started latest = pending.start("/", "203.0.113.66");
    assertThat(pending.take(first.state(), first.browserCookie())).isEmpty();
    assertThat(pending.take(second.state(), second.browserCookie())).isPresent();
    assertThat(pending.take(latest.state(), latest.browserCookie())).isPresent();
  }
}
