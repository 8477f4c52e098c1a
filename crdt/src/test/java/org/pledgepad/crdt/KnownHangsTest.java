package org.pledgepad.crdt;

// Regressions for Yjs issues about hangs on malformed updates: yjs/yjs#479, #498, #687.

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.pledgepad.crdt.HostileInput.HANG_GUARD;
import static org.pledgepad.crdt.HostileInput.assertRejectedUnchanged;
import static org.pledgepad.crdt.HostileInput.bytes;
import static org.pledgepad.crdt.HostileInput.hex;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.pledgepad.crdt.lib0.DecodingException;

/**
 * Inputs that made Yjs loop forever or exhaust memory. #479 and #498 were lib0's readVarUint
 * looping past the end of the buffer (fixed in lib0; yjs 13.6.33 throws "Unexpected end of
 * array"); #687 is run-length-encoded v2 columns declaring billions of structs (yjs 13.6.33 still
 * runs past 20 s on them). Our port must end with the correct result or DecodingException, and a
 * rejected update must leave the document unchanged.
 */
class KnownHangsTest {

  /**
   * yjs/yjs#479: Y.applyUpdate(new Y.Doc(), Buffer.from("garbagedoc", "base64")) hung. The bytes
   * are what Node's Buffer.from gives for that string: [129,170,219,106,7,157,161] (checked with
   * node 20); Java's Base64 decoder gives the same.
   */
  @Test
  void testIssue479GarbageBase64UpdateIsRejected() {
    byte[] bad = Base64.getDecoder().decode("garbagedoc");
    assertEquals(List.of(129, 170, 219, 106, 7, 157, 161), unsigned(bad));
    for (BiConsumer<Doc, byte[]> apply : HostileInput.applyFunctions().values()) {
      assertRejectedUnchanged(bad, apply);
    }
  }

  /**
   * yjs/yjs#479, the issue's good update: doc.getArray("myarray").insert(0, ["Hello doc2, you got
   * this?"]) encoded by yjs 13.6.33 with clientID 1, round-tripped through base64 as in the issue.
   */
  @Test
  void testIssue479GoodUpdateFromTheIssueApplies() {
    byte[] good = bytes(1, 1, 1, 0, 8, 1, 7, 109, 121, 97, 114, 114, 97, 121, 1, 119, 25, 72, 101, 108,
        108, 111, 32, 100, 111, 99, 50, 44, 32, 121, 111, 117, 32, 103, 111, 116, 32, 116, 104, 105, 115,
        63, 0);
    byte[] viaBase64 = Base64.getDecoder().decode(Base64.getEncoder().encodeToString(good));
    Doc doc = new Doc();
    assertTimeoutPreemptively(HANG_GUARD, () -> Y.applyUpdate(doc, viaBase64));
    assertEquals(List.of("Hello doc2, you got this?"), doc.getArray("myarray").toJSON());
    Doc mine = new Doc(new DocOptions().clientID(1));
    mine.getArray("myarray").insert(0, List.of("Hello doc2, you got this?"));
    assertEquals(unsigned(good), unsigned(Y.encodeStateAsUpdate(mine)));
  }

  /** yjs/yjs#498: applyUpdate(doc, new Uint8Array()) looped in readVarUint. */
  @Test
  void testIssue498EmptyUpdateIsRejected() {
    for (BiConsumer<Doc, byte[]> apply : HostileInput.applyFunctions().values()) {
      assertRejectedUnchanged(new byte[0], apply);
    }
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      // like Yjs, merging a single update returns it as it is; with a partner it is decoded
      assertEquals(0, Y.mergeUpdates(List.of(new byte[0])).length);
      assertThrows(DecodingException.class,
          () -> Y.mergeUpdates(List.of(Y.encodeStateAsUpdate(new Doc()), new byte[0])));
      assertThrows(DecodingException.class,
          () -> Y.mergeUpdatesV2(List.of(Y.encodeStateAsUpdateV2(new Doc()), new byte[0])));
      assertThrows(DecodingException.class, () -> Y.encodeStateVectorFromUpdate(new byte[0]));
      assertThrows(DecodingException.class, () -> Y.decodeStateVector(new byte[0]));
    });
    // the smallest valid updates are not empty: v1 {0,0}, v2 {0,0,0,0,0,0,0,0,0,0,0,0,0}
    Doc doc = new Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(new Doc()));
    Y.applyUpdateV2(doc, Y.encodeStateAsUpdateV2(new Doc()));
    assertEquals(Map.of(), Y.decodeStateVector(Y.encodeStateVector(doc)));
  }

  /**
   * yjs/yjs#687, first reproduction of the issue, as hex:
   * Y.mergeUpdatesV2([Y.encodeStateAsUpdateV2(new Y.Doc()), buf]) "run[s] forever" (v2 content
   * length column declaring 2^42 structs). Same bytes as LimitsYjsTest's TOO_MANY_STRUCTS.
   */
  @Test
  void testIssue687RunLengthEncodedStructCountMergeIsRejected() {
    byte[] buf = hex("00010000000001000100010200001602000001fdffffffff7f0000");
    assertEquals(unsigned(LimitsYjsTest.TOO_MANY_STRUCTS), unsigned(buf));
    byte[] empty = Y.encodeStateAsUpdateV2(new Doc());
    assertTimeoutPreemptively(HANG_GUARD,
        () -> assertThrows(DecodingException.class, () -> Y.mergeUpdatesV2(List.of(empty, buf))));
    assertRejectedUnchanged(buf, Y::applyUpdateV2);
  }

  /**
   * yjs/yjs#687, its other reproductions (the fix's PR turned them into Yjs's limits.tests.js,
   * d88422fc): a v1 and a v2 update declaring 265,828 / 7,658,324,286 client groups, a GC of
   * length 553,253, and an update declaring 267,854,847 structs for applyUpdateV2.
   */
  @Test
  void testIssue687OtherReproductionsAreRejectedLeavingDocUnchanged() {
    assertRejectedUnchanged(LimitsYjsTest.TOO_MANY_UPDATES_V1, Y::applyUpdate);
    assertRejectedUnchanged(LimitsYjsTest.TOO_MANY_UPDATES_V2, Y::applyUpdateV2);
    assertRejectedUnchanged(LimitsYjsTest.TOO_LARGE_GC, Y::applyUpdateV2);
    assertRejectedUnchanged(LimitsYjsTest.OVER_LIMIT, Y::applyUpdateV2);
  }

  /**
   * yjs/yjs#687's mechanism, built by hand rather than found by a fuzzer: a v2 update of one
   * client group whose struct count is 2^53 - 1 while its columns are (nearly) endless runs: the
   * info column repeats "GC" forever, the length column repeats 1 for 2^53 - 1 reads. Nothing
   * bounds the loop but the struct count, so the decoder must refuse the count up front.
   */
  @Test
  void testIssue687EndlessRunColumnsAreRejectedUpFront() {
    // the same bytes with 3 structs are a well-formed update: yjs 13.6.33's Y.decodeUpdateV2
    // reads them as GC 7:0, 7:1, 7:2, each of length 1 (checked with node)
    List<AbstractStruct> three = Y.decodeUpdateV2(handMadeGcRun(bytes(3))).structs;
    assertEquals(3, three.size());
    for (int i = 0; i < 3; i++) {
      assertEquals(true, three.get(i) instanceof GC);
      assertEquals(new ID(7, i), three.get(i).id());
      assertEquals(1L, three.get(i).length);
    }
    // and applied, yjs 13.6.33 encodes the document as this v1 update (one merged GC 7:0 of
    // length 3, deleted range 7:0..3)
    Doc applied = new Doc();
    Y.applyUpdateV2(applied, handMadeGcRun(bytes(3)));
    assertEquals(List.of(1, 1, 7, 0, 0, 3, 1, 7, 1, 0, 3), unsigned(Y.encodeStateAsUpdate(applied)));
    byte[] v2 = handMadeGcRun(bytes(255, 255, 255, 255, 255, 255, 255, 15)); // 2^53 - 1
    DecodingException e = assertRejectedUnchanged(v2, Y::applyUpdateV2);
    assertTrue(e.getMessage().startsWith("update declares more structs than its size allows"), e.getMessage());
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      assertThrows(DecodingException.class,
          () -> Y.mergeUpdatesV2(List.of(Y.encodeStateAsUpdateV2(new Doc()), v2)));
      assertThrows(DecodingException.class, () -> Y.encodeStateVectorFromUpdateV2(v2));
      assertThrows(DecodingException.class, () -> Y.decodeUpdateV2(v2));
    });
  }

  /**
   * v2 wire format (yjs/src/utils/UpdateDecoder.js UpdateDecoderV2, lib0 RleDecoder /
   * UintOptRleDecoder): a leading 0, nine column buffers each prefixed by its varUint length
   * (keyClock, client, leftClock, rightClock, info, string, parentInfo, typeRef, len), then the
   * rest: [1 client group][structCount][clock 0][empty delete set].
   */
  static byte[] handMadeGcRun(byte[] structCount) {
    byte[] head = bytes(
        0, // feature flag
        0, // keyClock column: empty
        1, 7, // client column (UintOptRle): 7, once
        0, // leftClock column
        0, // rightClock column
        1, 0, // info column (Rle): 0 = GC, and no count follows: the run never ends
        2, 0, 0, // string column: "" then an empty lengths column
        0, // parentInfo column
        0, // typeRef column
        9, 0x41, 253, 255, 255, 255, 255, 255, 255, 15, // len column (UintOptRle): 1, 2^53 - 1 times
        1); // one client group
    byte[] tail = bytes(0, 0); // clock 0, delete set without clients
    byte[] r = new byte[head.length + structCount.length + tail.length];
    System.arraycopy(head, 0, r, 0, head.length);
    System.arraycopy(structCount, 0, r, head.length, structCount.length);
    System.arraycopy(tail, 0, r, head.length + structCount.length, tail.length);
    return r;
  }

  /**
   * The budget's edge with the same hand-made run: exactly UpdateLimits.DEFAULT.structBudget(bytes) GC structs
   * apply (one merged GC), one more is rejected with the document unchanged.
   */
  @Test
  void testIssue687StructBudgetEdge() {
    byte[] probe = handMadeGcRun(varUint(100_000)); // 3-byte count, as the budget's count below
    long budget = UpdateLimits.DEFAULT.structBudget(probe.length);
    byte[] atBudget = handMadeGcRun(varUint(budget));
    byte[] overBudget = handMadeGcRun(varUint(budget + 1));
    assertEquals(probe.length, atBudget.length);
    assertEquals(probe.length, overBudget.length);
    Doc doc = new Doc();
    assertTimeoutPreemptively(HANG_GUARD, () -> Y.applyUpdateV2(doc, atBudget));
    assertEquals(Map.of(7L, budget), Y.decodeStateVector(Y.encodeStateVector(doc)));
    assertRejectedUnchanged(overBudget, Y::applyUpdateV2);
  }

  private static byte[] varUint(long v) {
    org.pledgepad.crdt.lib0.Encoder e = new org.pledgepad.crdt.lib0.Encoder();
    e.writeVarUint(v);
    return e.toUint8Array();
  }

  private static List<Integer> unsigned(byte[] b) {
    Integer[] r = new Integer[b.length];
    for (int i = 0; i < b.length; i++) {
      r[i] = b[i] & 0xff;
    }
    return List.of(r);
  }
}
