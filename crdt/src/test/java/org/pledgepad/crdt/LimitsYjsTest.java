package org.pledgepad.crdt;

// Follows yjs/tests/limits.tests.js at commit d88422fc ("security: add update size limits to
// prevent DOS attacks", not in any 13.6 tag) and the limits of yjs/src/utils/limits.js there.

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.pledgepad.crdt.HostileInput.HANG_GUARD;
import static org.pledgepad.crdt.HostileInput.assertRejectedUnchanged;
import static org.pledgepad.crdt.HostileInput.assertTerminatesCleanly;
import static org.pledgepad.crdt.HostileInput.bytes;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.pledgepad.crdt.lib0.DecodingException;

/**
 * Yjs's limits test-suite. Yjs (from that commit) rejects more than 100,000 client groups, more
 * than 100,000 structs per client group and GC / Skip structs longer than 100,000. We do not
 * copy those constants: our decoders allow at most 100,000 + 2 x bytes structs per update
 * (UpdateLimits.DEFAULT; stricter UpdateLimits.UNTRUSTED for peers), check
 * every length against the remaining input and keep GC / Skip lengths as plain numbers (a GC of
 * length 2^53 - 1 costs what a GC of length 1 costs). Real documents exceed Yjs's numbers (see
 * testGcLongerThanYjsLimitIsAccepted). The byte arrays are Yjs's own test inputs, copied as
 * data; yjs 13.6.33 (without these limits) runs past 20 s on each of them (checked with
 * {@code node} and a 20 s timeout), our port rejects each with DecodingException.
 */
class LimitsYjsTest {
  /** "Binary with 4398046511101 structs." */
  static final byte[] TOO_MANY_STRUCTS = bytes(
      0, 1, 0, 0, 0, 0, 1, 0, 1, 0, 1, 2, 0, 0, 22, 2, 0, 0, 1, 253, 255, 255,
      255, 255, 127, 0, 0);
  /** "Binary with 265828 updates." */
  static final byte[] TOO_MANY_UPDATES_V1 = bytes(
      228, 156, 16, 0, 5, 255, 255, 5, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 237,
      0, 0, 0, 1, 1, 0, 254, 184, 194, 233, 173, 135, 217, 18, 0, 0, 1, 1,
      255, 237, 246);
  /** "Binary with 7658324286 updates." */
  static final byte[] TOO_MANY_UPDATES_V2 = bytes(
      228, 149, 0, 0, 1, 24, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 237, 1, 190,
      130, 227, 195, 28, 1, 2, 228, 149, 0, 0, 1, 24, 0, 0, 1, 24, 0, 0,
      1, 0, 1, 237, 0);
  /** "Update with a GC item of length 553253." */
  static final byte[] TOO_LARGE_GC = bytes(
      143, 1, 128, 0, 0, 0, 1, 170, 1, 0, 1, 2, 0, 0, 22, 2, 0, 229, 196,
      67, 20, 231, 166, 139, 147, 174, 181, 253, 93, 232, 38, 154, 138,
      89, 0, 49, 213, 15, 18, 1, 48, 0, 0, 0);
  /** "Binary with 267854847 structs in one update." */
  static final byte[] OVER_LIMIT = bytes(
      0, 1, 35, 0, 0, 0, 1, 2, 129, 0, 0, 16, 0, 199, 220, 0, 196, 122, 128,
      0, 65, 171, 234, 214, 0, 1, 0, 0, 1, 0, 0, 132, 0, 0, 16, 255, 199, 220,
      255, 0, 0, 0);

  /** Yjs's shouldThrow, narrowed: the only acceptable error is DecodingException, and in time. */
  private static void shouldThrow(Runnable f) {
    assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(DecodingException.class, f::run));
  }

  @Test
  void testShouldntMergeUpdatesWithTooManyStructs() {
    shouldThrow(() -> {
      byte[] update = Y.encodeStateAsUpdateV2(new Doc());
      Y.mergeUpdatesV2(List.of(update, TOO_MANY_STRUCTS));
    });
  }

  @Test
  void testShouldntMergeUpdatesWithTooManyUpdatesV1() {
    byte[] update = Y.encodeStateAsUpdate(new Doc());
    shouldThrow(() -> Y.mergeUpdates(List.of(update, TOO_MANY_UPDATES_V1)));
  }

  @Test
  void testShouldntMergeUpdatesWithTooManyUpdatesV2() {
    byte[] update = Y.encodeStateAsUpdateV2(new Doc());
    shouldThrow(() -> Y.mergeUpdatesV2(List.of(update, TOO_MANY_UPDATES_V2)));
  }

  @Test
  void testShouldntAcceptTooLargeGCItems() {
    byte[] update = Y.encodeStateAsUpdateV2(new Doc());
    shouldThrow(() -> Y.mergeUpdatesV2(List.of(update, TOO_LARGE_GC)));
  }

  @Test
  void testShouldntApplyUpdatesOverLimit() {
    shouldThrow(() -> Y.applyUpdateV2(new Doc(), OVER_LIMIT));
  }

  // --- beyond Yjs's file: the same inputs through every entry point, and the limits we chose not to copy

  /**
   * Each input through each update function in the format Yjs's test uses (v2, or v1 for
   * TOO_MANY_UPDATES_V1): DecodingException, and applying leaves a populated document unchanged.
   * (mergeUpdates of a single update returns it undecoded, as in Yjs, so merges get a partner.)
   */
  @Test
  void testLimitInputsRejectedByEveryUpdateFunctionLeavingDocUnchanged() {
    Map<String, byte[]> v2 = Map.of("TOO_MANY_STRUCTS", TOO_MANY_STRUCTS, "TOO_MANY_UPDATES_V2",
        TOO_MANY_UPDATES_V2, "TOO_LARGE_GC", TOO_LARGE_GC, "OVER_LIMIT", OVER_LIMIT);
    for (byte[] u : v2.values()) {
      assertRejectedUnchanged(u, Y::applyUpdateV2);
      for (Consumer<byte[]> f : List.<Consumer<byte[]>>of(
          x -> Y.mergeUpdatesV2(List.of(x, Y.encodeStateAsUpdateV2(HostileInput.populatedDoc()))),
          Y::encodeStateVectorFromUpdateV2, Y::parseUpdateMetaV2, Y::convertUpdateFormatV2ToV1,
          x -> Y.diffUpdateV2(x, new byte[] {0}), Y::decodeUpdateV2)) {
        shouldThrow(() -> f.accept(u));
      }
    }
    assertRejectedUnchanged(TOO_MANY_UPDATES_V1, Y::applyUpdate);
    for (Consumer<byte[]> f : List.<Consumer<byte[]>>of(
        x -> Y.mergeUpdates(List.of(Y.encodeStateAsUpdate(HostileInput.populatedDoc()), x)),
        Y::encodeStateVectorFromUpdate, Y::parseUpdateMeta,
        Y::convertUpdateFormatV1ToV2, x -> Y.diffUpdate(x, new byte[] {0}), Y::decodeUpdate)) {
      shouldThrow(() -> f.accept(TOO_MANY_UPDATES_V1));
    }
  }

  /** Read in the other format, the inputs still end in a result or DecodingException, promptly. */
  @Test
  void testLimitInputsInTheOtherFormatTerminate() {
    for (byte[] u : List.of(TOO_MANY_STRUCTS, TOO_MANY_UPDATES_V2, TOO_LARGE_GC, OVER_LIMIT)) {
      assertTerminatesCleanly(() -> Y.applyUpdate(HostileInput.populatedDoc(), u));
      assertTerminatesCleanly(() -> Y.mergeUpdates(List.of(u, Y.encodeStateAsUpdate(new Doc()))));
    }
    assertTerminatesCleanly(() -> Y.applyUpdateV2(HostileInput.populatedDoc(), TOO_MANY_UPDATES_V1));
    assertTerminatesCleanly(() -> Y.mergeUpdatesV2(List.of(TOO_MANY_UPDATES_V1, Y.encodeStateAsUpdateV2(new Doc()))));
  }

  /**
   * An honest update far denser than 64 structs per byte: yjs 13.6.33, Doc({gc: true}) with
   * clientID 1, text 't': 100,000 times t.insert(0, 'x') (each character typed before the previous
   * one, so no two items merge), then t.delete(0, 100000); Y.encodeStateAsUpdateV2(doc) is these
   * 42 bytes holding 100,000 ContentDeleted items (run-length columns make each nearly free).
   * Our struct budget was 64 x 42 + 1024 = 3,712, so we rejected a document Yjs writes and reads.
   * The budget now also allows Yjs's own per-group limit (MAX_STRUCTS = 100,000) in every update.
   */
  @Test
  void testHonestCompactUpdateWithManyStructsIsAccepted() {
    byte[] u = bytes(0, 0, 4, 65, 158, 141, 6, 0, 5, 0, 3, 156, 141, 6, 3, 1, 0, 65, 3, 1, 116, 1, 1, 1, 0,
        4, 65, 158, 141, 6, 1, 160, 141, 6, 0, 1, 1, 1, 0, 159, 141, 6);
    assertEquals(100000, Y.decodeUpdateV2(u).structs.size());
    Doc doc = new Doc();
    assertTimeoutPreemptively(HANG_GUARD, () -> Y.applyUpdateV2(doc, u));
    assertEquals("", doc.getText("t").toString());
    assertEquals(Map.of(1L, 100000L), Y.decodeStateVector(Y.encodeStateVector(doc)));
    // yjs re-encodes the applied document to the same bytes (checked with node)
    assertEquals(HexFormatHolder.hex(u), HexFormatHolder.hex(Y.encodeStateAsUpdateV2(doc)));
    assertEquals(Map.of(1L, 100000L), Y.decodeStateVector(Y.encodeStateVectorFromUpdateV2(u)));
    byte[] merged = Y.mergeUpdatesV2(List.of(u, Y.encodeStateAsUpdateV2(new Doc())));
    assertEquals(100000, Y.decodeUpdateV2(merged).structs.size());
  }

  private static final class HexFormatHolder {
    static String hex(byte[] b) {
      return java.util.HexFormat.of().formatHex(b);
    }
  }

  /**
   * Why we do not copy MAX_GC_LENGTH: a real document produces a longer GC struct. Generated with
   * yjs 13.6.33: clientID 7, map 'm', m.set('a', new Y.Text()), text.insert(0, 'x'.repeat(150000)),
   * m.delete('a'), then Y.encodeStateAsUpdate / encodeStateAsUpdateV2 (structs: Item 7:0 length
   * 1, GC 7:1 length 150000). Yjs at d88422fc rejects both when merging or applying them.
   */
  @Test
  void testGcLongerThanYjsLimitIsAccepted() {
    byte[] v1 = bytes(1, 2, 7, 0, 33, 1, 1, 109, 1, 97, 1, 0, 240, 147, 9, 1, 7, 1, 0, 241, 147, 9);
    byte[] v2 = bytes(0, 0, 1, 7, 0, 0, 3, 33, 0, 0, 5, 2, 109, 97, 65, 0, 1, 1, 0, 4, 1, 176, 167, 18,
        1, 2, 0, 1, 7, 1, 0, 240, 147, 9);
    for (byte[] u : List.of(v1, v2)) {
      Doc doc = new Doc();
      if (u == v1) {
        Y.applyUpdate(doc, u);
      } else {
        Y.applyUpdateV2(doc, u);
      }
      assertEquals(Map.of(7L, 150001L), Y.decodeStateVector(Y.encodeStateVector(doc)));
      assertEquals(Map.of(), doc.getMap("m").toJSON());
      assertEquals(150001L, Y.parseUpdateMeta(Y.encodeStateAsUpdate(doc)).to.get(7L));
    }
    assertEquals(Map.of(7L, 150001L),
        Y.decodeStateVector(Y.encodeStateVectorFromUpdate(Y.mergeUpdates(List.of(v1, Y.convertUpdateFormatV2ToV1(v2))))));
  }

  /**
   * Why we do not copy MAX_GC_LENGTH / MAX_SKIP_LENGTH: a length is a number, not work. Hand-made
   * v1 updates (wire format of yjs/src/utils/encoding.js): one GC struct of length 2^53 - 1 from
   * client 7, and one ContentDeleted item from client 7 at clock 2^52 whose merge with an update
   * at clock 0 needs a Skip of length 2^52 - 1 (Yjs's own mergeUpdates writes such Skips).
   */
  @Test
  void testHugeGcAndSkipLengthsAreNumbersNotWork() {
    long max = 9007199254740991L;
    // [1 client][1 struct][client 7][clock 0][info 0 = GC][len 2^53-1][empty delete set]
    byte[] hugeGc = bytes(1, 1, 7, 0, 0, 255, 255, 255, 255, 255, 255, 255, 15, 0);
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      Doc doc = new Doc();
      Y.applyUpdate(doc, hugeGc);
      assertEquals(Map.of(7L, max), Y.decodeStateVector(Y.encodeStateVector(doc)));
      assertEquals(Map.of(7L, max), Y.decodeStateVector(Y.encodeStateVectorFromUpdate(Y.encodeStateAsUpdate(doc))));
      // one more clock would pass 2^53 - 1: rejected, doc unchanged
      byte[] past = bytes(1, 1, 7, 0, 0, 255, 255, 255, 255, 255, 255, 255, 15, 0);
      past[3] = 1; // clock 1
      HostileInput.State before = HostileInput.State.of(doc);
      assertThrows(DecodingException.class, () -> Y.applyUpdate(doc, past));
      before.assertSame(HostileInput.State.of(doc));
    });
    // [1 client][1 struct][client 7][clock 2^52][info 1 = ContentDeleted][parent by name "t"][len 1][empty ds]
    byte[] far = bytes(1, 1, 7, 128, 128, 128, 128, 128, 128, 128, 8, 1, 1, 1, 116, 1, 0);
    // [1 client][1 struct][client 7][clock 0][info 1][parent by name "t"][len 1][empty ds]
    byte[] near = bytes(1, 1, 7, 0, 1, 1, 1, 116, 1, 0);
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      byte[] merged = Y.mergeUpdates(List.of(near, far));
      boolean sawSkip = false;
      for (AbstractStruct s : Y.decodeUpdate(merged).structs) {
        if (s instanceof Skip) {
          sawSkip = true;
          assertEquals((1L << 52) - 1, s.length);
        }
      }
      assertEquals(true, sawSkip);
      Doc doc = new Doc();
      Y.applyUpdate(doc, merged);
      // the far item waits for the missing clocks; only the near one is integrated
      assertEquals(Map.of(7L, 1L), Y.decodeStateVector(Y.encodeStateVector(doc)));
      assertEquals(Map.of(7L, (1L << 52) - 1), doc.store.pendingStructs.missing);
    });
  }
}
