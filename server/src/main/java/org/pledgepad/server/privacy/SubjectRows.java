package org.pledgepad.server.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of one query about one person, as export entries: the export reads many tables the
 * same way (one id parameter, one JSON object per row, keys in a fixed order).
 */
public final class SubjectRows {
  /** One row as an entry; reads the current row only. */
  public interface Mapper {
    Map<String, Object> entry(ResultSet rs) throws SQLException;
  }

  private SubjectRows() {}

  /** Runs {@code sql} with {@code subject} as its only parameter. */
  public static List<Map<String, Object>> of(Connection c, String sql, String subject, Mapper mapper)
      throws SQLException {
    List<Map<String, Object>> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, subject);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(mapper.entry(rs));
        }
      }
    }
    return out;
  }

  /** An entry from alternating keys and values, in that order. */
  public static Map<String, Object> entry(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }
}
