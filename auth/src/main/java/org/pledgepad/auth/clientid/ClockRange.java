package org.pledgepad.auth.clientid;

/**
 * A run of structs of one Yjs client inside an update, as decoded by the server: clocks
 * {@code firstClock .. lastClock} inclusive. An update in v1 format lists each client once, but
 * merged updates may contain Skip structs, so the server passes one range per run of real
 * structs (skips excluded) and a client may appear several times.
 */
public record ClockRange(long clientId, long firstClock, long lastClock) {
  /** Yjs clientIDs and clocks are JavaScript safe integers. */
  public static final long MAX_SAFE = (1L << 53) - 1;

  public ClockRange {
    if (clientId < 0 || clientId > MAX_SAFE) {
      throw new IllegalArgumentException("clientId out of range");
    }
    if (firstClock < 0 || lastClock < firstClock || lastClock > MAX_SAFE) {
      throw new IllegalArgumentException("invalid clock range");
    }
  }
}
