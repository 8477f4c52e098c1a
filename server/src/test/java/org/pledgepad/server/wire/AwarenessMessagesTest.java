package org.pledgepad.server.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AwarenessMessagesTest {
  private static List<byte[]> entries(int n, int stateChars) {
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(AwarenessMessages.entry(1000 + i, i, "{\"n\":\"" + "x".repeat(stateChars) + "\"}"));
    }
    return out;
  }

  /** The entries of each update, in order, as the y-protocols decoder reads them. */
  private static List<Long> clientIds(List<byte[]> updates) {
    List<Long> out = new ArrayList<>();
    for (byte[] u : updates) {
      WireReader r = new WireReader(u);
      for (long n = r.readVarUint(); n > 0; n--) {
        out.add(r.readVarUint());
        r.readVarUint();
        r.readVarString();
      }
      assertThat(r.hasContent()).isFalse();
    }
    return out;
  }

  @Test
  void everyEntryArrivesOnceInOrderWithinTheBudget() {
    List<byte[]> entries = entries(300, 90); // about 100 bytes each
    List<byte[]> updates = AwarenessMessages.pack(entries, 1_000);
    assertThat(updates).allSatisfy(u -> assertThat(u.length).isLessThanOrEqualTo(1_000));
    assertThat(updates.size()).isBetween(30, 35);
    List<Long> expected = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      expected.add(1000L + i);
    }
    assertThat(clientIds(updates)).isEqualTo(expected);
  }

  @Test
  void anUpdateExactlyAtTheBudgetIsKeptWhole() {
    List<byte[]> entries = entries(2, 90);
    int both = 1 + entries.get(0).length + entries.get(1).length;
    assertThat(AwarenessMessages.pack(entries, both)).hasSize(1);
    assertThat(AwarenessMessages.pack(entries, both - 1)).hasSize(2);
  }

  @Test
  void nothingMakesNoUpdateAndALargeEntryGoesAlone() {
    assertThat(AwarenessMessages.pack(List.of(), 100)).isEmpty();
    List<byte[]> entries = entries(3, 500);
    assertThat(AwarenessMessages.fitsAlone(entries.get(0), 100)).isFalse();
    assertThat(AwarenessMessages.fitsAlone(entries.get(0), 1 + entries.get(0).length)).isTrue();
    assertThat(AwarenessMessages.pack(entries, 100)).hasSize(3);
  }
}
