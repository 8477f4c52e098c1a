package org.pledgepad.crdt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.pledgepad.crdt.lib0.DecodingException;

/**
 * Shared checks for the hostile-bytes regressions (LimitsYjsTest, KnownHangsTest): a hang guard,
 * and the proof that a rejected update leaves a populated document exactly as it was.
 */
final class HostileInput {
  private HostileInput() {}

  /** Generous bound: every input here is rejected in milliseconds; Yjs 13.6.33 runs past 20 s on some. */
  static final Duration HANG_GUARD = Duration.ofSeconds(10);

  static byte[] bytes(int... v) {
    byte[] r = new byte[v.length];
    for (int i = 0; i < v.length; i++) {
      r[i] = (byte) v[i];
    }
    return r;
  }

  static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }

  /** A document with text, a map, an array and one deletion, from a fixed client. */
  static Doc populatedDoc() {
    Doc doc = new Doc(new DocOptions().clientID(42));
    doc.getText("t").insert(0, "hostile bytes must not change me");
    doc.getText("t").delete(0, 8);
    YMap<Object> m = doc.getMap("m");
    m.set("k", "v");
    doc.getArray("a").insert(0, List.of(1L, "two"));
    return doc;
  }

  /** Everything of a document an update could touch: its full state, pending parts and JSON. */
  record State(byte[] update, byte[] stateVector, Object pendingStructs, byte[] pendingDs, String json) {
    static State of(Doc doc) {
      return new State(Y.encodeStateAsUpdateV2(doc), Y.encodeStateVector(doc),
          doc.store.pendingStructs, doc.store.pendingDs,
          doc.getText("t").toString() + "|" + doc.getMap("m").toJSON() + "|" + doc.getArray("a").toJSON());
    }

    void assertSame(State after) {
      assertArrayEquals(update, after.update, "document state changed");
      assertArrayEquals(stateVector, after.stateVector, "state vector changed");
      assertEquals(pendingStructs, after.pendingStructs, "pending structs changed");
      assertArrayEquals(pendingDs, after.pendingDs, "pending delete set changed");
      assertEquals(json, after.json);
    }
  }

  /**
   * Applies update with apply to a populated document: it must raise DecodingException within
   * the hang guard, fire no update event and leave the document unchanged.
   */
  static DecodingException assertRejectedUnchanged(byte[] update, BiConsumer<Doc, byte[]> apply) {
    Doc doc = populatedDoc();
    State before = State.of(doc);
    List<byte[]> events = new ArrayList<>();
    doc.onUpdate((u, origin, d, tr) -> events.add(u));
    DecodingException e = assertTimeoutPreemptively(HANG_GUARD,
        () -> assertThrows(DecodingException.class, () -> apply.accept(doc, update)));
    before.assertSame(State.of(doc));
    assertEquals(0, events.size(), "a rejected update fired an update event");
    assertNull(doc.store.pendingStructs);
    return e;
  }

  /** Runs f under the hang guard; it must finish or raise DecodingException (nothing else). */
  static void assertTerminatesCleanly(Runnable f) {
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      try {
        f.run();
      } catch (DecodingException expected) {
        // rejecting is fine; any other throwable fails the test
      }
    });
  }

  static Map<String, BiConsumer<Doc, byte[]>> applyFunctions() {
    return Map.of("applyUpdate", Y::applyUpdate, "applyUpdateV2", Y::applyUpdateV2);
  }
}
