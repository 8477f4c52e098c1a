package org.pledgepad.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pledgepad.crdt.sync.AwarenessUpdate;
import org.pledgepad.crdt.sync.AwarenessUpdate.Entry;

class AwarenessStatesTest {
  private static byte[] update(long client, long clock, String json) {
    return AwarenessUpdate.encode(List.of(new Entry(client, clock, null, json)));
  }

  @Test
  void localStateIsAnEmptyObjectAtClockZeroRenewedEveryFifteenSeconds() {
    AwarenessStates a = new AwarenessStates(42, 1000);
    assertThat(AwarenessUpdate.decode(a.local())).containsExactly(new Entry(42, 0, java.util.Map.of(), "{}"));
    assertThat(a.renewIfDue(15_999)).isNull();
    byte[] renewed = a.renewIfDue(16_000);
    assertThat(AwarenessUpdate.decode(renewed).get(0).clock()).isEqualTo(1);
    assertThat(a.renewIfDue(16_001)).isNull();
  }

  @Test
  void onlyNewerClocksOrRemovalsOfKnownStatesAreChanges() {
    AwarenessStates a = new AwarenessStates(1, 0);
    assertThat(a.apply(update(2, 0, "{}"))).isNotNull(); // added
    assertThat(a.apply(update(2, 0, "{}"))).isNull(); // same clock: not new (no echo loop)
    assertThat(a.apply(update(2, 3, "{}"))).isNotNull(); // renewed
    assertThat(a.apply(update(2, 2, "{}"))).isNull(); // older
    assertThat(a.apply(update(2, 3, "null"))).isNotNull(); // removal at the same clock
    assertThat(a.apply(update(9, 5, "null"))).isNull(); // removal of an unknown client
    assertThat(a.apply(update(1, 7, "{}"))).isNull(); // its own state coming back
    assertThat(AwarenessUpdate.decode(a.all())).extracting(Entry::clientID).containsExactly(1L);
  }
}
