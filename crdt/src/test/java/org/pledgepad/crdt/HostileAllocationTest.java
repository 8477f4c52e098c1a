package org.pledgepad.crdt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pledgepad.crdt.HostileUpdates.v1AnyLength;
import static org.pledgepad.crdt.HostileUpdates.v1ClientGroups;
import static org.pledgepad.crdt.HostileUpdates.v1DeleteRanges;
import static org.pledgepad.crdt.HostileUpdates.v1NestedAny;
import static org.pledgepad.crdt.HostileUpdates.v1StringLength;
import static org.pledgepad.crdt.HostileUpdates.v2GcGroups;
import static org.pledgepad.crdt.HostileUpdates.v2TypeRun;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pledgepad.crdt.lib0.DecodingException;

/**
 * Hostile updates that declare far more than their bytes carry (run-length struct counts, delete
 * ranges, clients, string and array lengths, Any nesting): each is rejected with
 * DecodingException, leaves the document unchanged, and makes this thread allocate no more than
 * {@link #SLACK} plus {@link #BYTES_PER_INPUT_BYTE} per input byte, measured with
 * com.sun.management.ThreadMXBean. The struct budget is the one allocation that may exceed that
 * by design: up to {@code baseStructs} structs of {@link #BYTES_PER_STRUCT} each.
 */
class HostileAllocationTest {
  /** Fixed cost of one apply: a transaction, its maps, the exception and its stack trace. */
  static final long SLACK = 64 * 1024;
  /**
   * Allocation an input byte may cause. The heaviest honest case is a byte that buys a whole
   * struct (an item with a one-character string: item, ID, content, substring, list slot), about
   * 250 bytes in these tests; 1,000 leaves room for the JIT's allocation sizes to vary.
   */
  static final long BYTES_PER_INPUT_BYTE = 1000;
  /**
   * Allocation of one free struct, garbage included: measured ~72 bytes for a GC (object, ID,
   * list slots) and ~755 for a nested YMap (item, type, its maps and listener lists).
   */
  static final long BYTES_PER_STRUCT = 1000;

  private static final com.sun.management.ThreadMXBean MX =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  /** Allocated bytes of f on this thread; f must throw DecodingException. */
  static long allocationOfRejected(Runnable f) {
    long t = Thread.currentThread().getId();
    long before = MX.getThreadAllocatedBytes(t);
    assertThrows(DecodingException.class, f::run);
    return MX.getThreadAllocatedBytes(t) - before;
  }

  static long allocationOf(Runnable f) {
    long t = Thread.currentThread().getId();
    long before = MX.getThreadAllocatedBytes(t);
    f.run();
    return MX.getThreadAllocatedBytes(t) - before;
  }

  @BeforeAll
  static void warmUp() {
    assertTrue(MX.isThreadAllocatedMemorySupported(), "this JVM cannot measure allocation per thread");
    MX.setThreadAllocatedMemoryEnabled(true);
    // load and initialise the classes on the paths measured below, so class data is not counted
    Doc d = HostileInput.populatedDoc();
    Y.applyUpdateV2(new Doc(), Y.encodeStateAsUpdateV2(d));
    Y.applyUpdate(new Doc(), Y.encodeStateAsUpdate(d));
    for (byte[] u : List.of(v2GcGroups(1, 1L << 40), v1DeleteRanges(1L << 40), v1AnyLength(1L << 40))) {
      try {
        Y.applyUpdateV2(new Doc(), u);
      } catch (DecodingException ignored) {
        // warming up the failure path as well
      }
      try {
        Y.applyUpdate(new Doc(), u);
      } catch (DecodingException ignored) {
        // warming up the failure path as well
      }
    }
  }

  /** Applies update with limits to a populated document and checks rejection, state and allocation. */
  private static long assertRejectedWithin(byte[] update, boolean v2, UpdateLimits limits, long extraStructs) {
    Doc doc = HostileInput.populatedDoc();
    HostileInput.State before = HostileInput.State.of(doc);
    BiConsumer<Doc, byte[]> apply = v2 ? (d, u) -> Y.applyUpdateV2(d, u, null, limits) : (d, u) -> Y.applyUpdate(d, u, null, limits);
    long allocated = allocationOfRejected(() -> apply.accept(doc, update));
    before.assertSame(HostileInput.State.of(doc));
    long bound = SLACK + BYTES_PER_INPUT_BYTE * update.length + BYTES_PER_STRUCT * extraStructs;
    assertTrue(allocated <= bound, "allocated " + allocated + " bytes for a " + update.length
        + "-byte update, bound " + bound);
    // the validating pass (what a server runs first) rejects it too, and holds nothing
    long validated = allocationOfRejected(() -> {
      if (v2) {
        Y.validateUpdateV2(update, limits);
      } else {
        Y.validateUpdate(update, limits);
      }
    });
    assertTrue(validated <= bound, "validation allocated " + validated + " bytes, bound " + bound);
    System.out.printf("%6d-byte %s update: apply allocated %,d bytes, validation %,d, bound %,d%n", update.length,
        v2 ? "v2" : "v1", allocated, validated, bound);
    return allocated;
  }

  @Test
  void v2StructCountBombIsRejectedBeforeAnyStructIsDecoded() {
    byte[] bomb = v2GcGroups(1L << 50);
    assertEquals(34, bomb.length);
    for (UpdateLimits limits : List.of(UpdateLimits.DEFAULT, UpdateLimits.UNTRUSTED)) {
      assertRejectedWithin(bomb, true, limits, 0);
    }
    // one struct above the budget: still nothing decoded
    long budget = UpdateLimits.DEFAULT.baseStructs;
    while (UpdateLimits.DEFAULT.structBudget(v2GcGroups(budget + 1).length) != budget) {
      budget = UpdateLimits.DEFAULT.structBudget(v2GcGroups(budget + 1).length);
    }
    assertRejectedWithin(v2GcGroups(budget + 1), true, UpdateLimits.DEFAULT, 0);
  }

  /**
   * The budget is spent group by group: a first group within it is decoded before a second one
   * exceeds it. What that costs is bounded by the budget, and a budget without a free
   * allowance is bounded by the input alone.
   */
  @Test
  void v2StructsSpreadOverGroupsCostAtMostTheBudget() {
    UpdateLimits proportional = UpdateLimits.DEFAULT.withStructs(0, 2, Long.MAX_VALUE);
    byte[] probe = v2GcGroups(100, 1L << 50);
    long first = proportional.structBudget(probe.length);
    byte[] bomb = v2GcGroups(first, 1L << 50);
    assertEquals(probe.length, bomb.length);
    assertRejectedWithin(bomb, true, proportional, 0);
    for (UpdateLimits limits : List.of(UpdateLimits.DEFAULT, UpdateLimits.UNTRUSTED)) {
      long firstGroup = limits.structBudget(40);
      byte[] u = v2GcGroups(firstGroup, 1L << 50);
      assertRejectedWithin(u, true, limits, limits.baseStructs);
    }
  }

  /** Nested types are the heaviest free structs; the budget bounds them like GCs. */
  @Test
  void v2RunOfNestedTypesIsBoundedByTheBudget() {
    UpdateLimits small = UpdateLimits.UNTRUSTED.withStructs(1000, 2, 1_000_000);
    byte[] over = v2TypeRun(1L << 40);
    assertRejectedWithin(over, true, small, 0);
    // at the budget it applies, at a cost proportional to the structs it was allowed
    byte[] probe = v2TypeRun(1000 + 2 * 40);
    long n = small.structBudget(probe.length);
    byte[] at = v2TypeRun(n);
    assertEquals(probe.length, at.length);
    Doc doc = new Doc();
    long allocated = allocationOf(() -> Y.applyUpdateV2(doc, at, null, small));
    assertEquals(n, doc.getArray("").length());
    assertTrue(allocated <= SLACK + BYTES_PER_STRUCT * n, "allocated " + allocated + " for " + n + " nested types");
  }

  /**
   * The case README "Limits" used to leave open: a 200 KB v2 update of nested types (before,
   * 12.9 million structs were within budget and ended in OutOfMemoryError at -Xmx1g). Now that
   * count is refused before decoding, and at the default budget (100,000 + 2 per byte = 500,000
   * for 200 KB) the update applies within BYTES_PER_STRUCT per struct.
   */
  @Test
  void twoHundredKilobyteNestedTypeBomb() {
    int size = 200 * 1024;
    byte[] old = padded(v2TypeRun(12_900_000), size);
    assertRejectedWithin(old, true, UpdateLimits.DEFAULT, 0);
    long n = UpdateLimits.DEFAULT.structBudget(size);
    byte[] atBudget = padded(v2TypeRun(n), size);
    Doc doc = new Doc();
    long allocated = allocationOf(() -> Y.applyUpdateV2(doc, atBudget));
    assertEquals(n, doc.getArray("").length());
    System.out.printf("%,d nested types from a %,d-byte update: %,d bytes allocated (%d per struct)%n", n, size,
        allocated, allocated / n);
    assertTrue(allocated <= BYTES_PER_STRUCT * n, "allocated " + allocated);
  }

  /** Trailing bytes are ignored by every decoder (as by Yjs), so they raise the size-based budget. */
  private static byte[] padded(byte[] update, int size) {
    return java.util.Arrays.copyOf(update, size);
  }

  @Test
  void hugeDeleteRangeCountsAllocateOnlyWhatIsPresent() {
    byte[] u = v1DeleteRanges(1L << 50);
    assertRejectedWithin(u, false, UpdateLimits.DEFAULT, 0); // runs out of bytes after one range
    assertRejectedWithin(u, false, UpdateLimits.UNTRUSTED, 0); // over the cap before any range
    byte[] v2 = Y.convertUpdateFormatV1ToV2(HostileUpdates.concat(HostileUpdates.vu(0), HostileUpdates.vu(0)));
    byte[] v2Bomb = HostileUpdates.concat(java.util.Arrays.copyOf(v2, v2.length - 1), HostileUpdates.vu(1),
        HostileUpdates.vu(7), HostileUpdates.vu(1L << 50), HostileUpdates.vu(0), HostileUpdates.vu(0));
    assertRejectedWithin(v2Bomb, true, UpdateLimits.DEFAULT, 0);
    assertRejectedWithin(v2Bomb, true, UpdateLimits.UNTRUSTED, 0);
  }

  @Test
  void manyClientsAllocateOnlyWhatIsPresent() {
    byte[] u = v1ClientGroups(1L << 50, 1000);
    assertRejectedWithin(u, false, UpdateLimits.DEFAULT, 0);
    assertRejectedWithin(u, false, UpdateLimits.UNTRUSTED, 0);
    // a delete set claiming many clients
    byte[] ds = HostileUpdates.concat(HostileUpdates.vu(0), HostileUpdates.vu(1L << 50), HostileUpdates.vu(1),
        HostileUpdates.vu(0));
    assertRejectedWithin(ds, false, UpdateLimits.DEFAULT, 0);
    assertRejectedWithin(ds, false, UpdateLimits.UNTRUSTED, 0);
  }

  @Test
  void hugeDeclaredStringAndArrayLengthsAllocateNothingAhead() {
    for (long n : new long[] {1L << 20, 1L << 31, 1L << 50}) {
      assertRejectedWithin(v1StringLength(n), false, UpdateLimits.DEFAULT, 0);
      assertRejectedWithin(v1AnyLength(n), false, UpdateLimits.DEFAULT, 0);
      assertRejectedWithin(v1NestedAny(1, n), false, UpdateLimits.DEFAULT, 0);
    }
    // the same in v2, where the declared length comes from a run-length column for free
    Doc src = new Doc(new DocOptions().clientID(7));
    src.getArray("a").insert(0, List.of(1L, 2L, 3L));
    byte[] v2 = Y.encodeStateAsUpdateV2(src);
    assertRejectedWithin(v2WithLenColumn(v2, HostileUpdates.uintRun(1L << 50, 1)), true, UpdateLimits.DEFAULT, 0);
  }

  /** Replaces the len column (the ninth) of a v2 update. */
  private static byte[] v2WithLenColumn(byte[] v2, byte[] len) {
    org.pledgepad.crdt.lib0.Decoder d = new org.pledgepad.crdt.lib0.Decoder(v2);
    d.readVarUint();
    for (int i = 0; i < 8; i++) {
      d.readVarUint8Array();
    }
    int start = d.pos;
    d.readVarUint8Array();
    return HostileUpdates.concat(java.util.Arrays.copyOf(v2, start), HostileUpdates.column(len),
        java.util.Arrays.copyOfRange(v2, d.pos, v2.length));
  }

  /**
   * Arrays nested as deep as allowed, each declaring as many entries as bytes remain: presized,
   * the levels would reserve ~depth^2 slots before any entry is read; one level deeper than the
   * limit is refused.
   */
  @Test
  void deepAnyNestingWithLongDeclaredLengths() {
    byte[] deep = HostileUpdates.v1NestedAnyLongest(UpdateLimits.DEFAULT.maxAnyDepth);
    assertRejectedWithin(deep, false, UpdateLimits.DEFAULT, 0);
    assertRejectedWithin(v1NestedAny(UpdateLimits.DEFAULT.maxAnyDepth - 1, 1L << 20), false, UpdateLimits.DEFAULT, 0);
    byte[] tooDeep = v1NestedAny(UpdateLimits.UNTRUSTED.maxAnyDepth + 1, 1);
    assertRejectedWithin(tooDeep, false, UpdateLimits.UNTRUSTED, 0);
    // within the depth and with honest lengths it applies
    Doc doc = new Doc();
    byte[] ok = HostileUpdates.concat(v1NestedAny(UpdateLimits.UNTRUSTED.maxAnyDepth, 1), HostileUpdates.vu(0));
    Y.applyUpdate(doc, ok, null, UpdateLimits.UNTRUSTED);
    assertEquals(1, doc.getArray("t").length());
  }
}
