package org.pledgepad.crdt.sync;

// Checks Awareness and AwarenessUpdate against y-protocols/awareness.js (1.0.7): the steps that
// gen-vectors.mjs applied to a real Awareness instance, with the 'update' events it emitted and
// the states it held afterwards.

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pledgepad.crdt.lib0.Json;
import org.pledgepad.crdt.lib0.Vectors;
import org.junit.jupiter.api.Test;

class AwarenessGoldenTest {
  @Test
  @SuppressWarnings("unchecked")
  void replayingTheRecordedUpdatesGivesTheSameEventsStatesAndBytes() {
    Map<String, Object> aw = Vectors.map("awareness");
    long local = ((Number) aw.get("localClient")).longValue();
    Awareness a = new Awareness(local, 0);
    long now = 1000;
    for (Map<String, Object> step : (List<Map<String, Object>>) aw.get("steps")) {
      String label = (String) step.get("label");
      byte[] bytes = Vectors.bytes(step.get("hex"));
      // The codec reproduces every message byte for byte.
      assertThat(AwarenessUpdate.encode(AwarenessUpdate.decode(bytes))).as(label).isEqualTo(bytes);
      if (label.equals("final-a2")) {
        byte[] ours = a.encodeAwarenessUpdate(new ArrayList<>(a.getStates().keySet()));
        assertThat(Vectors.hex(ours)).as(label).isEqualTo(step.get("hex"));
        continue;
      }
      AwarenessChanges ch = a.applyAwarenessUpdate(bytes, now += 1000);
      Map<String, Object> expected = (Map<String, Object>) step.get("changes");
      if (expected == null) {
        assertThat(ch.hasUpdate()).as(label).isFalse();
      } else {
        assertThat(ch.hasUpdate()).as(label).isTrue();
        assertThat(ch.added()).as(label + " added").isEqualTo(longs(expected.get("added")));
        assertThat(ch.updated()).as(label + " updated").isEqualTo(longs(expected.get("updated")));
        assertThat(ch.removed()).as(label + " removed").isEqualTo(longs(expected.get("removed")));
      }
      List<Object> states = new ArrayList<>();
      a.getStates().forEach((k, v) -> states.add(List.of(k, Json.stringify(v))));
      assertThat(states).as(label + " states").isEqualTo(step.get("states"));
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Long> longs(Object list) {
    List<Long> out = new ArrayList<>();
    for (Object o : (List<Object>) list) {
      out.add(((Number) o).longValue());
    }
    return out;
  }
}
