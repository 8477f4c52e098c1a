package org.pledgepad.server.session;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Updates that all documents of this process accepted and have not yet committed. Each document
 * bounds its own backlog ({@link SessionSettings#MAX_UPDATES_WAITING_FOR_COMMIT}, its size limit),
 * but behind a stalled store every busy document fills its own, and each waiting update is held
 * decoded as well: many documents together could still exhaust the heap. This is the process's
 * budget over all of them; a sender over it is answered like one over its document's (4429).
 * Shared by the documents' contexts, hence atomic; two contexts taking the last room at once may
 * pass the limit by an update each, which the margin below the heap absorbs.
 */
final class StoreBacklog {
  /** Ten busy documents' worth of stalled updates. */
  static final int DEFAULT_MAX_UPDATES = 100_000;

  private final int maxUpdates;
  private final long maxBytes;
  private final AtomicLong updates = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();

  StoreBacklog(int maxUpdates, long maxBytes) {
    this.maxUpdates = maxUpdates;
    this.maxBytes = maxBytes;
  }

  /**
   * The default budget: {@link #DEFAULT_MAX_UPDATES} updates and an eighth of the maximum heap in
   * update bytes (their decoded structs take a few times more; the documents need the rest).
   */
  static StoreBacklog forThisProcess() {
    return new StoreBacklog(DEFAULT_MAX_UPDATES, Runtime.getRuntime().maxMemory() / 8);
  }

  /** Takes room for one update of {@code length} bytes; false (nothing taken) when there is none. */
  boolean tryTake(int length) {
    if (updates.incrementAndGet() > maxUpdates) {
      updates.decrementAndGet();
      return false;
    }
    if (bytes.addAndGet(length) > maxBytes) {
      bytes.addAndGet(-length);
      updates.decrementAndGet();
      return false;
    }
    return true;
  }

  /** Gives back the room of an update that was committed or dropped. */
  void give(int length) {
    updates.decrementAndGet();
    bytes.addAndGet(-length);
  }

  long waitingUpdates() {
    return updates.get();
  }
}
