package org.pledgepad.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pledgepad.auth.clientid.ClockRange;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.DocOptions;
import org.pledgepad.crdt.Y;
import org.pledgepad.server.doc.ReceivedUpdate;
import org.pledgepad.server.doc.YjsDocument;

/** The clientID check reads an update's runs from its decoding on arrival as it read them from its bytes. */
class StructRunsTest {
  @Test
  void runsOfTheParsedStructsAreTheRunsOfTheBytes() {
    Doc a = new Doc(new DocOptions().clientID(11));
    Doc b = new Doc(new DocOptions().clientID(22));
    a.getText("t").insert(0, "abc");
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    b.getText("t").insert(1, "xy");
    a.getText("t").insert(3, "d");
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    byte[] both = Y.encodeStateAsUpdate(b);

    ReceivedUpdate received = new YjsDocument().parse(both);
    assertThat(StructRuns.of(received.structs()))
        .isEqualTo(StructRuns.of(both))
        .containsExactlyInAnyOrder(new ClockRange(11, 0, 3), new ClockRange(22, 0, 1));
  }

  @Test
  void aSkipInAMergedUpdateSplitsTheRun() {
    Doc a = new Doc(new DocOptions().clientID(5));
    List<byte[]> updates = new ArrayList<>();
    a.onUpdate((u, origin, d, tr) -> updates.add(u));
    a.getText("t").insert(0, "ab"); // clocks 0-1
    a.getText("t").insert(2, "c"); // clock 2, left out of the merge
    a.getText("t").insert(3, "de"); // clocks 3-4
    byte[] withGap = Y.mergeUpdates(List.of(updates.get(0), updates.get(2)));

    ReceivedUpdate received = new YjsDocument().parse(withGap);
    assertThat(StructRuns.of(received.structs()))
        .isEqualTo(StructRuns.of(withGap))
        .containsExactly(new ClockRange(5, 0, 1), new ClockRange(5, 3, 4));
  }
}
