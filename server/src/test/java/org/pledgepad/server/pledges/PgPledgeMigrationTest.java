package org.pledgepad.server.pledges;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pledgepad.server.config.ConfigLoader;
import org.pledgepad.server.config.DatabaseUrl;
import org.pledgepad.server.testing.TestDatabase;

/**
 * V17 on a database that already holds both directions of a pair (stored by two nodes before the
 * unordered-pair index existed): the migration succeeds and keeps the older link.
 */
class PgPledgeMigrationTest {
  private DatabaseUrl admin;
  private String database;

  @AfterEach
  void drop() {
    if (database != null) {
      execute(admin, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }

  /** A new database of its own, dropped after the test. */
  private DatabaseUrl newDatabase() {
    admin = TestDatabase.require();
    database = "pledgepad_mig_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    execute(admin, "CREATE DATABASE " + database);
    return ConfigLoader.load(Map.of("DATABASE_URL", "postgresql://" + admin.user()
        + (admin.password() == null || admin.password().isEmpty() ? "" : ":" + admin.password())
        + "@" + admin.host() + ":" + admin.port() + "/" + database)).databaseUrl().orElseThrow();
  }

  /** V21 on a database with indexed pledges: each is owned by its document. */
  @Test
  void pledgesIndexedBeforeV21AreOwnedByTheirDocuments() throws Exception {
    DatabaseUrl url = newDatabase();
    flyway(url).target("20").load().migrate();
    try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
         Statement st = c.createStatement()) {
      st.execute("INSERT INTO pledge_documents (document, title, issuer, kind, period, source_url, licence, chapter)"
          + " VALUES ('prog-y', 'Y', 'Partei', 'ELECTION_PROGRAMME', '', '', '', '')");
      st.execute("INSERT INTO pledges (id, document, position, title, body, chapter)"
          + " VALUES ('glasfaser-abc123', 'prog-y', 0, 'Glasfaser', '', '')");
    }
    flyway(url).load().migrate();
    try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
         Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT string_agg(id || '=' || document, ',') FROM pledge_id_owners")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("glasfaser-abc123=prog-y");
    }
  }

  @Test
  void bothDirectionsOfAPairStoredBeforeV17KeepTheOlderLink() throws Exception {
    DatabaseUrl url = newDatabase();
    flyway(url).target("16").load().migrate();
    try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
         Statement st = c.createStatement()) {
      // The newer link sorts first as text ('.' < 'Z'): the migration must compare times, not strings.
      st.execute("INSERT INTO pledge_links (id, a, b, kind, created_by, created_at, origin) VALUES"
          + " ('b-older', 'y-punkt', 'x-punkt', 'PARTLY', 'rat-1', '2026-11-30T07:00:00Z', 'MANUAL'),"
          + " ('a-newer', 'x-punkt', 'y-punkt', 'SAME', 'rat-2', '2026-11-30T07:00:00.250Z', 'MANUAL'),"
          + " ('c-other', 'x-punkt', 'z-punkt', 'SAME', 'rat-1', '2026-11-30T08:00:00Z', 'MANUAL')");
    }
    flyway(url).load().migrate();
    try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
         Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT string_agg(id, ',' ORDER BY id) FROM pledge_links")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("b-older,c-other");
      }
      // And from now on the index refuses the other direction.
      st.execute("INSERT INTO pledge_links (id, a, b, kind, created_by, created_at, origin) VALUES"
          + " ('d-again', 'z-punkt', 'x-punkt', 'SAME', 'rat-1', '2026-11-30T09:00:00Z', 'MANUAL') ON CONFLICT DO NOTHING");
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM pledge_links")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(2);
      }
    }
  }

  private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DatabaseUrl url) {
    return Flyway.configure().dataSource(url.jdbcUrl(), url.user(), url.password())
        .locations("classpath:db/migration").outOfOrder(true);
  }

  private static void execute(DatabaseUrl admin, String sql) {
    try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
         Statement st = c.createStatement()) {
      st.execute(sql);   // database name is generated above, never input
    } catch (Exception e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
