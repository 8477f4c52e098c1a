package org.pledgepad.server.access;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Nodes on one PostgreSQL tell each other that accounts or document access changed (a motion
 * started, editors or commenters set, a body named, an account added, updated, disabled or
 * erased),
 * so that every node reads its access snapshot again at once instead of at its next periodic
 * re-check (2 s). Without it, the editor a councillor opens right after starting a motion could
 * reach another node that still thinks the document has no owner, and be refused. The NOTIFY is
 * part of the writing transaction: PostgreSQL delivers it only if, and after, that transaction
 * commits, so a node that hears it reads the new rows. No payload: a refresh reads everything.
 */
final class AccessChanges {
  /** The channel every node with PostgreSQL listens on ({@code cluster.ClusterFanout}). */
  static final String CHANNEL = "pledgepad_access";

  private AccessChanges() {}

  /** Announces the change within the caller's transaction; nothing on the embedded store (one node). */
  static void announce(AccessDb db, Connection c) throws SQLException {
    if (db.embedded()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, '')")) {
      ps.setString(1, CHANNEL);
      ps.execute();
    }
  }
}
