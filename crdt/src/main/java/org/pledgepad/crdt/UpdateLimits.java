package org.pledgepad.crdt;

// Not in Yjs 13.6.33 (it has no update limits); see README "Limits" for the measurements.

import org.pledgepad.crdt.lib0.Decoder;
import org.pledgepad.crdt.lib0.DecodingException;

/**
 * How much one update may make the decoder allocate. Every struct becomes a Java object of
 * ~150-250 bytes, but v2 run-length columns let a GC, a deleted item or a nested type cost no
 * byte of its own, so a few bytes can declare millions of them. The struct budget of an update
 * of n bytes is {@code min(maxStructs, baseStructs + structsPerByte * n)}; a group of structs
 * is checked against what is left of it before any of the group is decoded.
 *
 * <p>Everything else the decoders allocate is paid for by input bytes (delete ranges: two
 * bytes each at least, client groups two, Any values one, strings their bytes) and collections
 * are never presized beyond what the remaining input can fill; the count limits below are an
 * additional, absolute cap for input from untrusted peers.
 *
 * <p>Measured with {@code org.pledgepad.bench.StructDensity} (benchmarks module): the 41,377
 * updates of the conformance corpus carry at most 0.137 structs per byte, the B4 document as
 * one v2 update 0.069 (v1: 0.035); the densest honest update we know (100,000 characters typed
 * one before the other and deleted, gc off, v2) is 100,000 structs in 42 bytes.
 */
public final class UpdateLimits {
  /**
   * For {@link Y#applyUpdate} and every other update function by default: the 100,000 honest
   * structs of the 42-byte update above plus 2 per byte (15x the densest corpus update, 29x B4).
   * No absolute caps, so documents of any size still load; allocation stays proportional.
   */
  public static final UpdateLimits DEFAULT =
      new UpdateLimits(100_000, 2, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Decoder.DEFAULT_MAX_ANY_DEPTH);

  /**
   * For updates from untrusted peers (a server admitting client edits): a smaller free
   * allowance, since a browser's gc-on document never writes long runs of free structs, and
   * absolute caps far above honest edits (the whole B4 paper is 10,971 structs in one update)
   * that bound one update's decoding to ~190 MB even for the heaviest struct (a nested type,
   * ~755 bytes allocated each) and to ~20 MB for GCs.
   */
  public static final UpdateLimits UNTRUSTED = new UpdateLimits(20_000, 2, 250_000, 1_000_000, 100_000, 100);

  /**
   * No struct budget, as in Yjs: for updates this library wrote itself from structs it had
   * already decoded (pending structs, snapshots of a held document) and for a server's own
   * stored state, which was admitted update by update and may be denser than any one of them.
   */
  public static final UpdateLimits TRUSTED =
      new UpdateLimits(Long.MAX_VALUE, 0, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Decoder.DEFAULT_MAX_ANY_DEPTH);

  public final long baseStructs;
  public final long structsPerByte;
  public final long maxStructs;
  public final long maxDeleteRanges;
  /** Client groups of the struct part and of the delete set, each. */
  public final long maxClients;
  /** Nesting of Any arrays/objects (and of JSON in v1 format content). */
  public final int maxAnyDepth;

  public UpdateLimits(long baseStructs, long structsPerByte, long maxStructs, long maxDeleteRanges, long maxClients,
      int maxAnyDepth) {
    if (baseStructs < 0 || structsPerByte < 0 || maxStructs < 0 || maxDeleteRanges < 0 || maxClients < 0
        || maxAnyDepth < 1) {
      throw new IllegalArgumentException("limits must not be negative");
    }
    this.baseStructs = baseStructs;
    this.structsPerByte = structsPerByte;
    this.maxStructs = maxStructs;
    this.maxDeleteRanges = maxDeleteRanges;
    this.maxClients = maxClients;
    this.maxAnyDepth = maxAnyDepth;
  }

  public UpdateLimits withStructs(long base, long perByte, long max) {
    return new UpdateLimits(base, perByte, max, maxDeleteRanges, maxClients, maxAnyDepth);
  }

  public UpdateLimits withMaxDeleteRanges(long max) {
    return new UpdateLimits(baseStructs, structsPerByte, maxStructs, max, maxClients, maxAnyDepth);
  }

  public UpdateLimits withMaxClients(long max) {
    return new UpdateLimits(baseStructs, structsPerByte, maxStructs, maxDeleteRanges, max, maxAnyDepth);
  }

  public UpdateLimits withMaxAnyDepth(int max) {
    return new UpdateLimits(baseStructs, structsPerByte, maxStructs, maxDeleteRanges, maxClients, max);
  }

  /** Structs an update of {@code updateBytes} bytes may hold. */
  public long structBudget(long updateBytes) {
    long perByte = structsPerByte == 0 ? 0
        : updateBytes > (Long.MAX_VALUE - baseStructs) / structsPerByte ? Long.MAX_VALUE - baseStructs
        : structsPerByte * updateBytes;
    return Math.min(maxStructs, baseStructs + perByte);
  }

  /** Counts structs, delete ranges and clients of one update against these limits. */
  final class Budget {
    private final long structs;
    private final long updateBytes;
    private long structsUsed;
    private long deleteRangesUsed;

    Budget(long updateBytes) {
      this.structs = structBudget(updateBytes);
      this.updateBytes = updateBytes;
    }

    /**
     * How many list slots a group of n structs (already taken from the budget) may be given
     * up front: at most one per input byte (4-8 bytes of list each, far below what a byte may
     * cost), at least 1,024, so free v2 structs still grow their list as they are decoded.
     */
    int presize(long n) {
      return (int) Math.min(n, Math.max(1024, Math.min(updateBytes, Integer.MAX_VALUE - 8)));
    }

    /** Called with a group's declared count before any struct of it is decoded. */
    void takeStructs(long n) {
      if (n > structs - structsUsed) {
        throw new DecodingException("update declares more structs than its size allows (budget " + structs + ")");
      }
      structsUsed += n;
    }

    void checkClients(long n) {
      if (n > maxClients) {
        throw new DecodingException("update declares " + n + " clients, more than the limit " + maxClients);
      }
    }

    void takeDeleteRanges(long n) {
      if (n > maxDeleteRanges - deleteRangesUsed) {
        throw new DecodingException("update declares more delete ranges than the limit " + maxDeleteRanges);
      }
      deleteRangesUsed += n;
    }
  }

  Budget budget(long updateBytes) {
    return new Budget(updateBytes);
  }
}
