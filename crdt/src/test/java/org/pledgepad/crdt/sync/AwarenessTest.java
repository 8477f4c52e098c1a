package org.pledgepad.crdt.sync;

// Behaviour of Awareness that y-protocols/awareness.js (1.0.7) drives by a timer and wall clock,
// and the validation this port adds.

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pledgepad.crdt.lib0.DecodingException;
import org.pledgepad.crdt.lib0.Encoder;
import org.junit.jupiter.api.Test;

class AwarenessTest {
  private static byte[] update(long client, long clock, String json) {
    return AwarenessUpdate.encode(List.of(new AwarenessUpdate.Entry(client, clock, null, json)));
  }

  @Test
  void remoteStateIsAddedThenUpdatedThenRemoved() {
    Awareness a = new Awareness(1, 0);
    AwarenessChanges c = a.applyAwarenessUpdate(update(2, 1, "{\"name\":\"Ada\"}"), 10);
    assertThat(c.added()).containsExactly(2L);
    c = a.applyAwarenessUpdate(update(2, 2, "{\"name\":\"Ada\"}"), 20);
    assertThat(c.updated()).containsExactly(2L);
    assertThat(c.changed()).isEmpty();
    assertThat(c.hasChange()).isFalse();
    c = a.applyAwarenessUpdate(update(2, 3, "null"), 30);
    assertThat(c.removed()).containsExactly(2L);
    assertThat(a.getStates()).doesNotContainKey(2L);
  }

  @Test
  void olderClocksAreIgnored() {
    Awareness a = new Awareness(1, 0);
    a.applyAwarenessUpdate(update(2, 5, "{\"v\":1}"), 10);
    AwarenessChanges c = a.applyAwarenessUpdate(update(2, 4, "{\"v\":2}"), 20);
    assertThat(c.hasUpdate()).isFalse();
    assertThat(a.getStates().get(2L)).isEqualTo(Map.of("v", 1L));
  }

  @Test
  void remoteStatesExpireAfterTheTimeoutAndTheLocalOneIsRenewed() {
    Awareness a = new Awareness(1, 0);
    a.applyAwarenessUpdate(update(2, 1, "{}"), 1000);
    Awareness.OutdatedCheck early = a.checkOutdated(1000 + Awareness.OUTDATED_TIMEOUT - 1);
    assertThat(early.removed().removed()).isEmpty();
    assertThat(early.renewedLocal()).isTrue();
    assertThat(a.meta.get(1L).clock()).isEqualTo(1);
    Awareness.OutdatedCheck late = a.checkOutdated(1000 + Awareness.OUTDATED_TIMEOUT);
    assertThat(late.removed().removed()).containsExactly(2L);
    assertThat(late.renewedLocal()).isFalse();
    assertThat(a.getStates()).containsOnlyKeys(1L);
  }

  @Test
  void localStateFieldAndRemoval() {
    Awareness a = new Awareness(1, 0);
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("user", "u");
    assertThat(a.setLocalState(s, 1).changed()).containsExactly(1L);
    a.setLocalStateField("cursor", 5L, 2);
    assertThat(a.getLocalState()).isEqualTo(Map.of("user", "u", "cursor", 5L));
    AwarenessChanges c = a.removeAwarenessStates(List.of(1L, 9L), 3);
    assertThat(c.removed()).containsExactly(1L);
    assertThat(a.meta.get(1L).clock()).isEqualTo(3);
    assertThat(a.encodeAwarenessUpdate(List.of(1L))).isEqualTo(update(1, 3, "null"));
  }

  @Test
  void aMalformedEntryRejectsTheWholeUpdateAndChangesNothing() {
    Awareness a = new Awareness(1, 0);
    Encoder e = new Encoder();
    e.writeVarUint(2);
    e.writeVarUint(2);
    e.writeVarUint(1);
    e.writeVarString("{\"ok\":true}");
    e.writeVarUint(3);
    e.writeVarUint(1);
    e.writeVarString("{broken");
    assertThatThrownBy(() -> a.applyAwarenessUpdate(e.toUint8Array(), 5)).isInstanceOf(DecodingException.class);
    assertThat(a.getStates()).containsOnlyKeys(1L);
  }

  @Test
  void statesLargerThanTheCapAreRejected() {
    Awareness a = new Awareness(1, 0).withMaxStateBytes(16);
    assertThatThrownBy(() -> a.applyAwarenessUpdate(update(2, 1, "{\"n\":\"" + "x".repeat(20) + "\"}"), 5))
        .isInstanceOf(DecodingException.class);
    assertThat(a.applyAwarenessUpdate(update(2, 1, "{\"n\":1}"), 5).added()).containsExactly(2L);
  }

  @Test
  void hugeEntryCountsFailFast() {
    Encoder e = new Encoder();
    e.writeVarUint(Encoder.MAX_SAFE_INTEGER);
    e.writeVarUint(1);
    assertThatThrownBy(() -> AwarenessUpdate.decode(e.toUint8Array())).isInstanceOf(DecodingException.class);
  }

  @Test
  @SuppressWarnings("unchecked")
  void modifyRewritesStatesAndKeepsRemovals() {
    byte[] in = AwarenessUpdate.encode(List.of(new AwarenessUpdate.Entry(2, 1, null, "{\"name\":\"Ada\",\"token\":\"s\"}"),
        new AwarenessUpdate.Entry(3, 4, null, "null")));
    byte[] out = AwarenessUpdate.modify(in, st -> {
      if (st == null) {
        return null;
      }
      Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) st);
      copy.remove("token");
      return copy;
    });
    List<AwarenessUpdate.Entry> entries = AwarenessUpdate.decode(out);
    assertThat(entries.get(0).json()).isEqualTo("{\"name\":\"Ada\"}");
    assertThat(entries.get(1).json()).isEqualTo("null");
    assertThat(entries.get(1).clock()).isEqualTo(4);
  }
}
