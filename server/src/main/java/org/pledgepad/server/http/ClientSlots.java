package org.pledgepad.server.http;

import io.vertx.core.Future;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.pledgepad.auth.Principal;

/**
 * A few slots per client for requests that cost a lot of work (history replays, comparisons,
 * open-data renders). A pool's own limit is shared by everyone, so without this one client holding
 * its requests open (or just sending them fast) took every slot and everyone else waited or got 503.
 *
 * <p>A signed-in client is its subject (people signed in behind one council gateway do not share
 * slots; one person on two devices does), anyone else its address as sign-in resolves it
 * (TRUSTED_PROXIES).
 */
public final class ClientSlots {
  /** Seconds a refused client is asked to wait: the work it has in flight takes about that long. */
  private static final String RETRY_AFTER_SECONDS = "2";

  private final int perClient;
  private final ConcurrentHashMap<String, Integer> held = new ConcurrentHashMap<>();

  public ClientSlots(int perClient) {
    this.perClient = perClient;
  }

  /** The key a request counts against: "subject ID" when signed in, else "address IP". */
  public static String client(Principal p, String address) {
    return p.isAnonymous() ? "address " + address : "subject " + p.subject();
  }

  /** The peer's own address, for routes without an access layer (no proxy is trusted there). */
  public static String peerAddress(RoutingContext ctx) {
    SocketAddress a = ctx.request().remoteAddress();
    return a == null ? "unknown" : a.hostAddress() != null ? a.hostAddress() : a.toString();
  }

  /**
   * Runs {@code work} holding one of {@code client}'s slots, given back when its future completes.
   * When the client holds them all, answers 429 ({@code problemType}, Retry-After) and fails with
   * {@link Refused} without running it: callers treat that like any answered failure.
   */
  public <T> Future<T> run(RoutingContext ctx, String client, String problemType, String title,
      Supplier<Future<T>> work) {
    if (!tryTake(client)) {
      ctx.response().putHeader("Retry-After", RETRY_AFTER_SECONDS);
      Problems.send(ctx, 429, problemType, title);
      return Future.failedFuture(new Refused());
    }
    Future<T> f;
    try {
      f = work.get();
    } catch (RuntimeException e) {
      f = Future.failedFuture(e);
    }
    return f.andThen(ar -> give(client));
  }

  /** False when {@code client} already holds all its slots. */
  boolean tryTake(String client) {
    boolean[] taken = {false};
    held.compute(client, (k, n) -> {
      int now = n == null ? 0 : n;
      if (now >= perClient) {
        return n;
      }
      taken[0] = true;
      return now + 1;
    });
    return taken[0];
  }

  void give(String client) {
    // Removed at zero, so the map holds only clients with requests in flight.
    held.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
  }

  /** How many slots {@code client} holds now (for tests). */
  public int held(String client) {
    return held.getOrDefault(client, 0);
  }

  /** The request was answered 429; nothing ran. */
  public static final class Refused extends RuntimeException {
    Refused() {
      super("too many requests in flight for this client", null, false, false);
    }
  }
}
