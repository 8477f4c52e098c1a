package org.pledgepad.server.store;

/**
 * An update to be logged.
 *
 * @param update Yjs update, format v1
 * @param actor who made it (user id, or "guest" until accounts exist)
 * @param connectionId the connection it came from (for moderation and history)
 */
public record NewUpdate(byte[] update, String actor, String connectionId) {}
