package org.pledgepad.auth.clientid;

/**
 * The document's state vector as the registry needs it: for a clientID, the next clock the
 * document expects (the number of that client's structs already integrated; 0 if none).
 *
 * <p>It must include updates that were admitted and are still waiting for their store commit,
 * i.e. it is the live session document's state vector, not the durable store's; otherwise a
 * client's second update would look like a gap while the first is being written.
 */
@FunctionalInterface
public interface StoreClocks {
  long nextClock(long clientId);
}
