package org.pledgepad.server.pledges;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Nodes on one PostgreSQL tell each other that pledge metadata changed, so that each drops its
 * cached readings ({@link PledgeService}) at once instead of after {@link PledgeService#MAX_AGE_MILLIS}.
 * The NOTIFY is part of the writing transaction: PostgreSQL delivers it only if, and after, that
 * transaction commits, so a node that hears it reads the new rows. Payload: the document name,
 * nothing of its contents. Metadata is written by imports, not by typing, so the commit lock a
 * notifying transaction holds (see store/CommitNotifier) costs nothing worth counting here.
 */
public final class PledgeChanges {
  /** The channel every node with PostgreSQL listens on ({@code cluster.ClusterFanout}). */
  public static final String CHANNEL = "pledgepad_pledges";

  private PledgeChanges() {}

  /** Announces, within the caller's transaction on PostgreSQL, that {@code document}'s metadata changed. */
  static void announce(Connection c, String document) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
      ps.setString(1, CHANNEL);
      ps.setString(2, document);
      ps.execute();
    }
  }
}
