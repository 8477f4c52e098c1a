package org.pledgepad.server.store;

import java.time.Instant;

/** A logged update as read back from the store. */
public record StoredUpdate(long seq, Instant time, String actor, String connectionId, byte[] update) {}
