package org.pledgepad.auth.clientid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientIdRegistryTest {
  /** A stand-in for the session document's state vector that advances as updates are applied. */
  private final Map<Long, Long> stateVector = new HashMap<>();
  private final StoreClocks clocks = c -> stateVector.getOrDefault(c, 0L);
  private final ClientIdRegistry registry = new ClientIdRegistry(100, 100, 3);

  private Verdict apply(ClientIdRegistry.Connection conn, ClockRange... ranges) {
    Verdict v = registry.admitUpdate(conn, List.of(ranges), clocks);
    if (v.accepted()) {
      for (ClockRange r : ranges) {
        stateVector.merge(r.clientId(), r.lastClock() + 1, Math::max);
      }
    }
    return v;
  }

  @Test
  void firstUpdateBindsTheNewClientIdToTheConnectionsUser() {
    var anna = registry.connect("anna");
    assertThat(apply(anna, new ClockRange(7, 0, 4))).isEqualTo(Verdict.ACCEPT);
    assertThat(registry.owner(7)).contains("anna");
  }

  @Test
  void sameUserMayContinueItsClientIdFromAnotherConnection() {
    apply(registry.connect("anna"), new ClockRange(7, 0, 4));
    assertThat(apply(registry.connect("anna"), new ClockRange(7, 5, 9)).accepted()).isTrue();
  }

  @Test
  void newStructsUnderAnotherUsersClientIdAreRejected() {
    apply(registry.connect("anna"), new ClockRange(7, 0, 4));
    Verdict v = apply(registry.connect("mallory"), new ClockRange(7, 5, 5));
    assertThat(v.reason()).isEqualTo(Verdict.Reason.OWNED_BY_OTHER_USER);
    assertThat(v.clientId()).isEqualTo(7);
  }

  @Test
  void rejectionBindsNothingEvenForOtherClientsInTheSameUpdate() {
    apply(registry.connect("anna"), new ClockRange(7, 0, 4));
    Verdict v = apply(registry.connect("mallory"), new ClockRange(8, 0, 0), new ClockRange(7, 5, 5));
    assertThat(v.accepted()).isFalse();
    assertThat(registry.owner(8)).isEmpty();
  }

  @Test
  void repeatingAlreadyKnownStructsOfOthersIsAHarmlessDuplicate() {
    apply(registry.connect("anna"), new ClockRange(7, 0, 4));
    var ben = registry.connect("ben");
    assertThat(apply(ben, new ClockRange(7, 0, 4), new ClockRange(9, 0, 2)).accepted()).isTrue();
    assertThat(registry.owner(7)).contains("anna");
    assertThat(registry.owner(9)).contains("ben");
  }

  @Test
  void overlapThatExtendsAnotherUsersClientIsRejected() {
    apply(registry.connect("anna"), new ClockRange(7, 0, 4));
    assertThat(apply(registry.connect("ben"), new ClockRange(7, 3, 6)).reason())
        .isEqualTo(Verdict.Reason.OWNED_BY_OTHER_USER);
  }

  @Test
  void aClockGapIsRejected() {
    var anna = registry.connect("anna");
    apply(anna, new ClockRange(7, 0, 4));
    assertThat(apply(anna, new ClockRange(7, 6, 8)).reason()).isEqualTo(Verdict.Reason.CLOCK_GAP);
    assertThat(apply(registry.connect("anna"), new ClockRange(11, 3, 3)).reason())
        .isEqualTo(Verdict.Reason.CLOCK_GAP);
    assertThat(registry.owner(11)).isEmpty();
  }

  @Test
  void aGapBetweenRunsOfOneClientInAMergedUpdateIsRejected() {
    var anna = registry.connect("anna");
    assertThat(apply(anna, new ClockRange(7, 0, 2), new ClockRange(7, 5, 6)).reason())
        .isEqualTo(Verdict.Reason.CLOCK_GAP);
    assertThat(apply(anna, new ClockRange(7, 3, 6), new ClockRange(7, 0, 2)).accepted()).isTrue();
  }

  @Test
  void unattributedClientWithStructsCannotBeExtended() {
    stateVector.put(42L, 10L); // seeded content, no owner
    var anna = registry.connect("anna");
    assertThat(apply(anna, new ClockRange(42, 10, 11)).reason())
        .isEqualTo(Verdict.Reason.UNATTRIBUTED_CLIENT);
    assertThat(apply(anna, new ClockRange(42, 0, 9)).accepted()).isTrue(); // pure duplicate
    assertThat(registry.admitAwareness(anna, 42, clocks)).isFalse();
  }

  @Test
  void ownershipRestoredFromTheLogIsEnforced() {
    assertThat(registry.restoreOwner(7, "anna")).isTrue();
    assertThat(registry.restoreOwner(7, "ben")).isFalse();
    stateVector.put(7L, 5L);
    assertThat(apply(registry.connect("ben"), new ClockRange(7, 5, 5)).reason())
        .isEqualTo(Verdict.Reason.OWNED_BY_OTHER_USER);
    assertThat(apply(registry.connect("anna"), new ClockRange(7, 5, 5)).accepted()).isTrue();
  }

  @Test
  void awarenessClaimsAClientIdBeforeTheFirstEdit() {
    var anna = registry.connect("anna");
    assertThat(registry.admitAwareness(anna, 7, clocks)).isTrue();
    var mallory = registry.connect("mallory");
    assertThat(registry.admitAwareness(mallory, 7, clocks)).isFalse();
    assertThat(apply(mallory, new ClockRange(7, 0, 0)).reason()).isEqualTo(Verdict.Reason.OWNED_BY_OTHER_USER);
    assertThat(apply(anna, new ClockRange(7, 0, 0)).accepted()).isTrue();
    assertThat(registry.owner(7)).contains("anna");
  }

  @Test
  void aConnectionMayCreateOnlyAFewClientIds() {
    var anna = registry.connect("anna");
    assertThat(apply(anna, new ClockRange(1, 0, 0), new ClockRange(2, 0, 0)).accepted()).isTrue();
    assertThat(registry.admitAwareness(anna, 3, clocks)).isTrue();
    assertThat(apply(anna, new ClockRange(3, 0, 0)).accepted()).isTrue(); // claim already counted
    assertThat(apply(anna, new ClockRange(4, 0, 0)).reason()).isEqualTo(Verdict.Reason.TOO_MANY_CLIENT_IDS);
    assertThat(registry.admitAwareness(anna, 5, clocks)).isFalse();
    assertThat(apply(registry.connect("anna"), new ClockRange(4, 0, 0)).accepted()).isTrue();
  }

  @Test
  void registryRefusesNewClientIdsWhenFull() {
    ClientIdRegistry small = new ClientIdRegistry(2, 10, 10);
    var anna = small.connect("anna");
    assertThat(small.admitUpdate(anna, List.of(new ClockRange(1, 0, 0), new ClockRange(2, 0, 0)), clocks).accepted()).isTrue();
    assertThat(small.admitUpdate(anna, List.of(new ClockRange(3, 0, 0)), clocks).reason())
        .isEqualTo(Verdict.Reason.REGISTRY_FULL);
  }

  @Test
  void ownersRestoredBeyondTheCapStillEditWhatTheyOwn() {
    ClientIdRegistry small = new ClientIdRegistry(2, 10, 10);
    for (long client = 1; client <= 3; client++) { // a log written under a higher cap
      small.restoreOwner(client, "anna");
      stateVector.put(client, 1L);
    }
    var anna = small.connect("anna");
    assertThat(small.admitUpdate(anna, List.of(new ClockRange(3, 1, 1)), clocks)).isEqualTo(Verdict.ACCEPT);
    assertThat(small.admitUpdate(anna, List.of(new ClockRange(1, 1, 1), new ClockRange(2, 1, 1)), clocks))
        .isEqualTo(Verdict.ACCEPT);
    assertThat(small.admitUpdate(anna, List.of(new ClockRange(4, 0, 0)), clocks).reason())
        .isEqualTo(Verdict.Reason.REGISTRY_FULL);
  }

  @Test
  void anUpdateWithoutStructsIsNotAClientIdQuestion() {
    assertThat(registry.admitUpdate(registry.connect("anna"), List.of(), clocks).reason())
        .isEqualTo(Verdict.Reason.EMPTY);
  }

  @Test
  void rangesOutsideJavaScriptSafeIntegersAreInvalid() {
    assertThatThrownBy(() -> new ClockRange(1L << 53, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ClockRange(1, 5, 4)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ClockRange(1, -1, 4)).isInstanceOf(IllegalArgumentException.class);
    assertThat(new ClockRange(ClockRange.MAX_SAFE, 0, ClockRange.MAX_SAFE).lastClock()).isEqualTo(ClockRange.MAX_SAFE);
  }

  @Test
  void runsOfOneClientAreJudgedInClockOrderWhateverTheirOrderInTheUpdate() {
    var anna = registry.connect("anna");
    assertThat(apply(anna, new ClockRange(7, 5, 6), new ClockRange(7, 0, 2), new ClockRange(7, 3, 4)))
        .isEqualTo(Verdict.ACCEPT);
    assertThat(registry.owner(7)).contains("anna");
    assertThat(registry.isOwned(7)).isTrue();
    assertThat(apply(anna, new ClockRange(7, 9, 9), new ClockRange(7, 7, 7)).reason())
        .isEqualTo(Verdict.Reason.CLOCK_GAP);
    assertThat(registry.isOwned(8)).isFalse();
  }

  @Test
  void theFirstClientOfTheUpdateToFailIsNamed() {
    apply(registry.connect("anna"), new ClockRange(7, 0, 4));
    apply(registry.connect("ben"), new ClockRange(8, 0, 4));
    Verdict v = apply(registry.connect("mallory"), new ClockRange(9, 0, 0), new ClockRange(8, 5, 5),
        new ClockRange(7, 5, 5), new ClockRange(9, 1, 1));
    assertThat(v.reason()).isEqualTo(Verdict.Reason.OWNED_BY_OTHER_USER);
    assertThat(v.clientId()).isEqualTo(8);
    assertThat(registry.isOwned(9)).isFalse();
  }

  @Test
  void aPresenceClaimBecomesOwnershipWithoutSpendingTheAllowanceTwice() {
    var anna = registry.connect("anna");
    assertThat(registry.admitAwareness(anna, 20, clocks)).isTrue();
    assertThat(registry.admitAwareness(anna, 21, clocks)).isTrue();
    assertThat(registry.admitAwareness(anna, 22, clocks)).isTrue();
    assertThat(apply(anna, new ClockRange(20, 0, 0))).isEqualTo(Verdict.ACCEPT);
    assertThat(registry.owner(20)).contains("anna");
    assertThat(apply(anna, new ClockRange(23, 0, 0)).reason()).isEqualTo(Verdict.Reason.TOO_MANY_CLIENT_IDS);
  }
}
