package org.pledgepad.server.pledges;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Supplier;
import org.pledgepad.auth.Principal;
import org.pledgepad.server.http.ClientSlots;

/**
 * The pledge reads that cost real work for whoever asks, guests included: a comparison (Lucene for
 * a pair of document versions not compared before) and the open-data files (every public document
 * refreshed, links, statuses and successions read, a render when they changed). One client may
 * have at most {@link #MAX_PER_CLIENT} of them in flight together, 429 with Retry-After beyond, so
 * that one client cannot keep the workers and the pledge database busy for everyone else. The
 * comparison page asks for one comparison at a time; a harvester may fetch four files at once.
 */
final class PledgeReadLimit {
  static final int MAX_PER_CLIENT = 4;

  private final ClientSlots slots = new ClientSlots(MAX_PER_CLIENT);
  private final PledgeGuard guard;

  PledgeReadLimit(PledgeGuard guard) {
    this.guard = guard;
  }

  /** Runs {@code work} in one of the client's slots, or answers 429 and fails ({@link ClientSlots#run}). */
  <T> Future<T> run(RoutingContext ctx, Principal who, Supplier<Future<T>> work) {
    return slots.run(ctx, ClientSlots.client(who, guard.clientAddress(ctx)), PledgeProblems.TOO_MANY_REQUESTS,
        "Too many comparison or open-data requests from this client, try again shortly", work);
  }

  /** Slots {@code client} ("subject ID" or "address IP") holds now (tests). */
  int held(String client) {
    return slots.held(client);
  }
}
