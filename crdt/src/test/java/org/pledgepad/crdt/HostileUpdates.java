package org.pledgepad.crdt;

import java.io.ByteArrayOutputStream;
import org.pledgepad.crdt.lib0.Encoder;

/**
 * Hand-made hostile updates for the allocation tests: each declares far more than its bytes
 * carry. The v2 layout (yjs/src/utils/UpdateDecoder.js UpdateDecoderV2) is a feature flag, nine
 * length-prefixed columns (keyClock, client, leftClock, rightClock, info, string, parentInfo,
 * typeRef, len) and the rest; lib0's run-length columns let one run stand for any number of
 * values, and the info column's last run never ends.
 */
final class HostileUpdates {
  private HostileUpdates() {}

  /** A varUint. */
  static byte[] vu(long v) {
    Encoder e = new Encoder();
    e.writeVarUint(v);
    return e.toUint8Array();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /** A UintOptRle column holding value n times (n >= 2) or once. */
  static byte[] uintRun(long value, long n) {
    Encoder e = new Encoder();
    if (n == 1) {
      e.writeVarInt(value);
    } else {
      // the sign bit of the varInt says "a count follows"; lib0 writes it even for 0 as -0
      Encoder v = new Encoder();
      v.writeVarInt(value);
      byte[] b = v.toUint8Array();
      b[0] |= 0x40;
      e.writeUint8Array(b);
      e.writeVarUint(n - 2);
    }
    return e.toUint8Array();
  }

  static byte[] column(byte[] data) {
    return concat(vu(data.length), data);
  }

  /**
   * A v2 update of GC structs from client 7: one group per entry of counts (clock 0 and then
   * after the previous group), every GC of length 1, and an empty delete set.
   */
  static byte[] v2GcGroups(long... counts) {
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    byte[] rest = vu(counts.length);
    long clock = 0;
    for (long c : counts) {
      rest = concat(rest, vu(c), vu(clock));
      clock += c;
    }
    return concat(vu(0),
        column(new byte[0]), // keyClock
        column(uintRun(7, counts.length)), // client, once per group
        column(new byte[0]), column(new byte[0]), // left and right clocks
        column(new byte[] {0}), // info: GC, a run that never ends
        column(new byte[] {0, 0}), // string column: "" and no lengths
        column(new byte[0]), column(new byte[0]), // parentInfo, typeRef
        column(uintRun(1, Math.max(total, 1))), // len: 1 for every GC
        rest, vu(0));
  }

  /**
   * A v2 update whose single group of n items each hold a nested YMap under the root type ""
   * (all of it from run-length columns: the heaviest struct a byte can buy).
   */
  static byte[] v2TypeRun(long n) {
    return concat(vu(0),
        column(new byte[0]),
        column(uintRun(7, 1)),
        column(new byte[0]), column(new byte[0]),
        column(new byte[] {7}), // info: ContentType without origins, forever
        column(concat(vu(0), uintRun(0, n))), // string column: "" then n empty names
        column(new byte[] {1}), // parentInfo: parent named by a root key, forever
        column(uintRun(1, n)), // typeRef: YMap
        column(new byte[0]),
        vu(1), vu(n), vu(0), vu(0));
  }

  /** A v1 update without structs whose delete set declares n ranges for one client, none present. */
  static byte[] v1DeleteRanges(long n) {
    return concat(vu(0), vu(1), vu(7), vu(n), vu(0), vu(1));
  }

  /** A v1 update declaring n client groups of zero structs; only the first `present` are there. */
  static byte[] v1ClientGroups(long n, int present) {
    byte[] r = vu(n);
    for (int i = 0; i < present; i++) {
      r = concat(r, vu(0), vu(i + 1), vu(0));
    }
    return r;
  }

  /** A v1 update with one item under root "t" whose ContentAny declares n values, one present. */
  static byte[] v1AnyLength(long n) {
    return concat(vu(1), vu(1), vu(7), vu(0), new byte[] {8}, vu(1), vu(1), new byte[] {'t'}, vu(n),
        new byte[] {126});
  }

  /** A v1 update with one ContentString item under root "t" declaring a string of n bytes. */
  static byte[] v1StringLength(long n) {
    return concat(vu(1), vu(1), vu(7), vu(0), new byte[] {4}, vu(1), vu(1), new byte[] {'t'}, vu(n),
        new byte[] {'x'});
  }

  /**
   * A v1 update with one ContentAny value nested depth times in arrays that each declare as
   * many entries as bytes remain after them (so no remaining-input check can refuse the
   * length), but hold only the next level: presized, the levels would reserve ~depth^2 slots.
   */
  static byte[] v1NestedAnyLongest(int depth) {
    byte[] nested = new byte[3 * depth + 1];
    for (int i = 0; i < depth; i++) {
      int remainingAfter = 3 * (depth - i - 1) + 1;
      nested[3 * i] = 117;
      nested[3 * i + 1] = (byte) (0x80 | (remainingAfter & 0x7f)); // a two-byte varUint
      nested[3 * i + 2] = (byte) (remainingAfter >> 7);
    }
    nested[nested.length - 1] = 126; // null
    return concat(vu(1), vu(1), vu(7), vu(0), new byte[] {8}, vu(1), vu(1), new byte[] {'t'}, vu(1), nested);
  }

  /**
   * A v1 update with one ContentAny value nested depth times in arrays that each declare len
   * entries (only the first is present), so every level would reserve len slots if presized.
   */
  static byte[] v1NestedAny(int depth, long len) {
    byte[] level = concat(new byte[] {117}, vu(len));
    byte[] nested = new byte[depth * level.length + 1];
    for (int i = 0; i < depth; i++) {
      System.arraycopy(level, 0, nested, i * level.length, level.length);
    }
    nested[nested.length - 1] = 126; // null
    return concat(vu(1), vu(1), vu(7), vu(0), new byte[] {8}, vu(1), vu(1), new byte[] {'t'}, vu(1), nested);
  }
}
