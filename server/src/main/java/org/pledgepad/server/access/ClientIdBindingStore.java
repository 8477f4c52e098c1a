package org.pledgepad.server.access;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;

/** Persisted owners of Yjs clientIDs (table client_ids). Blocking, like {@link AccessDb}. */
final class ClientIdBindingStore {
  private final AccessDb db;

  ClientIdBindingStore(AccessDb db) {
    this.db = db;
  }

  Map<Long, String> load(String document) {
    return db.call(c -> {
      Map<Long, String> out = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT client_id, actor FROM client_ids WHERE document = ?")) {
        ps.setString(1, document);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.put(rs.getLong(1), rs.getString(2));
          }
        }
      }
      return out;
    });
  }

  void bind(String document, long clientId, String actor) {
    db.call(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO client_ids (document, client_id, actor) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
        ps.setString(1, document);
        ps.setLong(2, clientId);
        ps.setString(3, actor);
        return ps.executeUpdate();
      }
    });
  }
}
