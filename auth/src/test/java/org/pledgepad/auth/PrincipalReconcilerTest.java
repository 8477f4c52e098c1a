package org.pledgepad.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrincipalReconcilerTest {
  private static final Body SPD = new Body("spd-fraktion");
  private static final Body DIGITAL = new Body("committee-digital");

  private static Principal claimed(Role role, Set<Body> bodies) {
    return new Principal("u1", "anna", "Anna", false, role, bodies, "motion-42");
  }

  private static User account(Role role, Set<Body> bodies, boolean disabled) {
    return new User("u1", "anna", "Anna Schmidt", false, role, bodies, disabled);
  }

  @Test
  void downgradedAccountLowersTheTokensRole() {
    Principal p = PrincipalReconciler.reconcile(claimed(Role.ADMIN, Set.of(SPD)),
        Optional.of(account(Role.CITIZEN, Set.of(SPD), false))).orElseThrow();
    assertThat(p.role()).isEqualTo(Role.CITIZEN);
    assertThat(p.document()).isEqualTo("motion-42");
    assertThat(p.displayName()).isEqualTo("Anna Schmidt");
  }

  @Test
  void upgradedAccountDoesNotRaiseAnOldToken() {
    Principal p = PrincipalReconciler.reconcile(claimed(Role.CITIZEN, Set.of()),
        Optional.of(account(Role.ADMIN, Set.of(), false))).orElseThrow();
    assertThat(p.role()).isEqualTo(Role.CITIZEN);
  }

  @Test
  void bodiesAreThoseInBoth() {
    Principal p = PrincipalReconciler.reconcile(claimed(Role.COUNCILLOR, Set.of(SPD, DIGITAL)),
        Optional.of(account(Role.COUNCILLOR, Set.of(SPD), false))).orElseThrow();
    assertThat(p.bodies()).containsExactly(SPD);
  }

  @Test
  void disabledMissingOrOtherAccountGivesNoPrincipal() {
    assertThat(PrincipalReconciler.reconcile(claimed(Role.CITIZEN, Set.of()),
        Optional.of(account(Role.CITIZEN, Set.of(), true)))).isEmpty();
    assertThat(PrincipalReconciler.reconcile(claimed(Role.CITIZEN, Set.of()), Optional.empty())).isEmpty();
    User other = new User("u2", "ben", "Ben", false, Role.ADMIN, Set.of(), false);
    assertThat(PrincipalReconciler.reconcile(claimed(Role.CITIZEN, Set.of()), Optional.of(other))).isEmpty();
  }
}
