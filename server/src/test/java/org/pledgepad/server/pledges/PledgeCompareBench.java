package org.pledgepad.server.pledges;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Load of repeated GET /api/pledges/compare (Kassel seed, programme against agreement) on two
 * servers side by side in one JVM: one whose pledge service reads and compares afresh on every
 * request (as before the cache), one with the cache. Rounds alternate between the two so that
 * machine noise hits both alike. Not a test; run by hand (command in pledges/README.md).
 *
 * <p>Arguments: rounds (default 5), requests per round (default 200), client threads (default 4).
 */
public final class PledgeCompareBench {
  private PledgeCompareBench() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int requests = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    String path = "/api/pledges/compare?a=" + KasselPledgeSeed.PROGRAMME_NAME + "&b=" + KasselPledgeSeed.COALITION_NAME;
    Path dir = Files.createTempDirectory("pledge-bench");
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (PledgeTestServer fresh = PledgeTestServer.seeded(dir.resolve("fresh"), false);
         PledgeTestServer cached = PledgeTestServer.seeded(dir.resolve("cached"), true)) {
      String expected = check(fresh.get(path));
      if (!expected.equals(check(cached.get(path)))) {
        throw new IllegalStateException("the cached server answers differently");
      }
      run(fresh, path, pool, requests / 4);   // warm-up: JIT, connections, Lucene classes
      run(cached, path, pool, requests / 4);
      List<double[]> freshRounds = new ArrayList<>();
      List<double[]> cachedRounds = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        boolean freshFirst = r % 2 == 0;
        (freshFirst ? freshRounds : cachedRounds).add(run(freshFirst ? fresh : cached, path, pool, requests));
        (freshFirst ? cachedRounds : freshRounds).add(run(freshFirst ? cached : fresh, path, pool, requests));
      }
      System.out.printf(Locale.ROOT, "GET %s, %d rounds x %d requests, %d client threads, %d cores%n", path, rounds,
          requests, threads, Runtime.getRuntime().availableProcessors());
      report("without cache", freshRounds);
      report("with cache   ", cachedRounds);
    } finally {
      pool.shutdownNow();
    }
  }

  private static String check(HttpResponse<String> r) {
    if (r.statusCode() != 200) {
      throw new IllegalStateException("compare answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }

  /** One round: {throughput req/s, median ms, p95 ms}. */
  private static double[] run(PledgeTestServer s, String path, ExecutorService pool, int n) throws Exception {
    List<Future<Long>> calls = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      calls.add(pool.submit(() -> {
        long t = System.nanoTime();
        check(s.get(path));
        return System.nanoTime() - t;
      }));
    }
    List<Long> nanos = new ArrayList<>();
    for (Future<Long> f : calls) {
      nanos.add(f.get());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Collections.sort(nanos);
    return new double[] {n / seconds, nanos.get(n / 2) / 1e6, nanos.get((int) Math.ceil(n * 0.95) - 1) / 1e6};
  }

  private static void report(String label, List<double[]> rounds) {
    List<double[]> byThroughput = new ArrayList<>(rounds);
    byThroughput.sort((x, y) -> Double.compare(x[0], y[0]));
    double[] median = byThroughput.get(byThroughput.size() / 2);
    double[] best = byThroughput.get(byThroughput.size() - 1);
    System.out.printf(Locale.ROOT, "%s: median round %.1f req/s (latency median %.2f ms, p95 %.2f ms); best round %.1f req/s%n",
        label, median[0], median[1], median[2], best[0]);
  }
}
