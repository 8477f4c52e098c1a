package org.pledgepad.loadgen;

/**
 * How a simulated client handles remote updates. FULL integrates them into its document, as a
 * stock provider does; LEAN only frame-parses them and reads the latency markers
 * ({@link MarkerScanner}), so its document holds only its own edits. The servers receive the
 * same kind of updates either way (one character after one of the sender's own items in LEAN,
 * still a valid update for any server) and latency is taken at the same point, the arrival of
 * the frame; LEAN costs the generator a fraction of the CPU per delivered update, so that it is
 * not the bottleneck of a saturation search. Chosen with the environment variable CLIENT_MODE.
 */
enum ClientMode {
  FULL,
  LEAN;

  static ClientMode parse(String s) {
    return switch (s == null ? "full" : s) {
      case "full" -> FULL;
      case "lean" -> LEAN;
      default -> throw new IllegalArgumentException("CLIENT_MODE must be full or lean");
    };
  }

  String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
