package org.pledgepad.loadgen;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The positional arguments of load.mjs (same order and defaults) plus WARMUP_SECONDS, WARMUP_RATE
 * (edits/s per client during the warm-up; default the first measured rate), CLIENT_MODE, TYPING and
 * TYPING_RUN ({@link Typing}).
 */
record Settings(String label, String protocol, List<String> bases, List<Long> pids, int docs, int perDoc,
    double[] rates, double windowSeconds, int eventLoops, String token, double warmupSeconds, double warmupRate, ClientMode clientMode,
    Typing typing) {

  static Settings parse(String[] a, Map<String, String> env) {
    String at4 = a.length > 4 ? a[4] : "50";
    String at5 = a.length > 5 ? a[5] : "4";
    String at6 = a.length > 6 ? a[6] : "2,5,10,20";
    String at7 = a.length > 7 ? a[7] : "8";
    String at8 = a.length > 8 && !a[8].isEmpty() ? a[8] : Integer.toString(Runtime.getRuntime().availableProcessors());
    String at9 = a.length > 9 ? a[9] : "";
    double[] rates = Main.parseRates(at6);
    String warmupRate = env.get("WARMUP_RATE");
    return new Settings(a[0], a[1], List.of(a[2].split(",")),
        Arrays.stream(a[3].split(",")).map(Long::parseLong).toList(),
        Integer.parseInt(at4), Integer.parseInt(at5), rates, Double.parseDouble(at7),
        Math.max(1, Integer.parseInt(at8)), at9, Double.parseDouble(env.getOrDefault("WARMUP_SECONDS", "0")),
        warmupRate == null || warmupRate.isBlank() ? rates[0] : Double.parseDouble(warmupRate),
        ClientMode.parse(env.get("CLIENT_MODE")), Typing.parse(env.get("TYPING"), env.get("TYPING_RUN")));
  }
}
