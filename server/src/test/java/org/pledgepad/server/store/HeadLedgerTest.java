package org.pledgepad.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeadLedgerTest {
  private static byte[] hash(int seed) {
    byte[] h = new byte[32];
    Arrays.fill(h, (byte) seed);
    return h;
  }

  @Test
  void aRowDecodesToTheHeadsItWasMadeFromAndLaterRowsReplaceEarlierOnes() throws Exception {
    Map<String, HeadLedger.Entry> first = new HashMap<>();
    first.put("a", new HeadLedger.Entry(3, hash(1), 0));
    first.put("Überweisung-ü", new HeadLedger.Entry(7, hash(2), 0));
    first.put("c", new HeadLedger.Entry(1, hash(3), 0));
    Map<String, HeadLedger.Entry> read = new LinkedHashMap<>();
    HeadLedger.decode(HeadLedger.encode(1_000, first), read);
    HeadLedger.decode(HeadLedger.encode(2_000, Map.of("a", new HeadLedger.Entry(4, hash(9), 0))), read);
    assertThat(read).hasSize(3);
    assertThat(read.get("a").seq()).isEqualTo(4);
    assertThat(read.get("a").hash()).isEqualTo(hash(9));
    assertThat(read.get("a").timeMillis()).isEqualTo(2_000);
    assertThat(read.get("Überweisung-ü").seq()).isEqualTo(7);
    assertThat(read.get("Überweisung-ü").hash()).isEqualTo(hash(2));
    assertThat(read.get("Überweisung-ü").timeMillis()).isEqualTo(1_000);
    assertThat(read.get("c").hash()).isEqualTo(hash(3));
  }

  @Test
  void aCutRowIsReportedAsDamaged() {
    byte[] row = HeadLedger.encode(1_000, Map.of("doc", new HeadLedger.Entry(5, hash(1), 0)));
    assertThatThrownBy(() -> HeadLedger.decode(Arrays.copyOf(row, row.length - 1), new HashMap<>()))
        .isInstanceOf(SQLException.class).hasMessageContaining("damaged");
  }
}
