package org.pledgepad.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.server.config.ConfigLoader;
import org.pledgepad.server.config.DatabaseUrl;
import org.pledgepad.server.testing.FreshPgDatabase;
import org.pledgepad.server.testing.ServerHarness;
import org.pledgepad.server.testing.YjsDriver;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * A node on PostgreSQL announces its commits and its clients' presence on the cluster channels
 * only while another node listens: alone it would only notify itself. Observed from outside by a
 * plain LISTEN connection, on a database of its own so that no other test's node counts as a
 * peer.
 */
@Tag("slow")
class CommitAnnouncementIntegrationTest {
  @TempDir
  Path dir;
  private FreshPgDatabase database;
  private ServerHarness node;
  private YjsDriver yjs;
  private final List<Connection> connections = new ArrayList<>();
  private final String doc = "announce-" + UUID.randomUUID();

  @BeforeEach
  void start() throws Exception {
    database = FreshPgDatabase.create("pledgepad_announce_");
    node = ServerHarness.start(Map.of("DATABASE_URL", database.url, "DATA_DIR", dir.toString(), "SEED_DEMO", "false"));
    yjs = YjsDriver.start();
  }

  @AfterEach
  void stop() throws Exception {
    for (Connection c : connections) {
      c.close();
    }
    if (yjs != null) {
      yjs.close();
    }
    if (node != null) {
      node.close();
    }
    if (database != null) {
      database.close();
    }
  }

  private Connection connect(String applicationName) throws Exception {
    DatabaseUrl u = ConfigLoader.load(Map.of("DATABASE_URL", database.url)).databaseUrl().orElseThrow();
    Properties p = new Properties();
    p.setProperty("user", u.user());
    if (u.password() != null) {
      p.setProperty("password", u.password());
    }
    p.setProperty("ApplicationName", applicationName);
    Connection c = DriverManager.getConnection(u.jdbcUrl(), p);
    connections.add(c);
    return c;
  }

  private void type(String prefix, int n) {
    JsonObject typed = YjsDriver.await(yjs.send(new JsonObject().put("op", "type").put("id", "writer")
        .put("prefix", prefix).put("n", n).put("delayMs", 5)));
    assertThat(typed.getJsonArray("acked").size()).as("acknowledged edits").isEqualTo(n);
  }

  /** The node's own count of other nodes, as it reports it on /metrics. */
  private String otherNodesMetric() throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String body = http.send(HttpRequest.newBuilder(URI.create(node.httpBase() + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    return body.lines().filter(l -> l.startsWith("pledgepad_cluster_other_nodes ")).findFirst().orElse("missing");
  }

  private void present(String name) {
    yjs.call(new JsonObject().put("op", "present").put("id", "writer").put("name", name));
  }

  /** Every notification the observer receives until {@code ms} have passed. */
  private static List<PGNotification> heard(Connection observer, long ms) throws Exception {
    List<PGNotification> out = new ArrayList<>();
    long end = System.nanoTime() + ms * 1_000_000;
    while (System.nanoTime() < end) {
      PGNotification[] got = observer.unwrap(PGConnection.class)
          .getNotifications((int) Math.max(1, (end - System.nanoTime()) / 1_000_000));
      if (got != null) {
        out.addAll(List.of(got));
      }
    }
    return out;
  }

  /** The payloads about this document on the commit channel. */
  private List<String> commits(List<PGNotification> heard) {
    return heard.stream().filter(n -> n.getName().equals(ClusterFanout.CHANNEL))
        .map(PGNotification::getParameter).filter(p -> p.endsWith(":" + doc)).toList(); // <seq>:<document>
  }

  /** The payloads about this document on the presence channel. */
  private List<String> presence(List<PGNotification> heard) {
    return heard.stream().filter(n -> n.getName().equals(AwarenessRelay.CHANNEL))
        .map(PGNotification::getParameter).filter(p -> p.contains("\n" + doc + "\n")).toList(); // <node>\n<document>\n…
  }

  @Test
  void aLoneNodeAnnouncesNothingAndStartsOnceAnotherNodeListens() throws Exception {
    Connection observer = connect("pledgepad-test-observer"); // not a node's listener name
    try (Statement st = observer.createStatement()) {
      st.execute("LISTEN " + ClusterFanout.CHANNEL);
      st.execute("LISTEN " + AwarenessRelay.CHANNEL);
    }
    yjs.open("writer", node.wsBase(), doc, "hocuspocus", null);
    Thread.sleep(ClusterPeers.POLL_MS + 500); // the node has counted its peers: none
    type("alone", 10);
    present("Anna");
    List<PGNotification> alone = heard(observer, 1_500);
    assertThat(commits(alone)).as("commits announced by a lone node").isEmpty();
    assertThat(presence(alone)).as("presence relayed by a lone node").isEmpty();
    assertThat(otherNodesMetric()).isEqualTo("pledgepad_cluster_other_nodes 0.0");

    // A second node appears: its listening connection carries the listener name.
    Connection otherNode = connect(ClusterPeers.LISTENER_NAME);
    try (Statement st = otherNode.createStatement()) {
      st.execute("LISTEN " + ClusterFanout.CHANNEL);
    }
    Thread.sleep(ClusterPeers.QUIET_MS + 500); // whatever the last poll said has run out
    type("together", 10);
    present("Anna Beispiel");
    List<PGNotification> together = heard(observer, 3_000);
    List<String> commits = commits(together);
    assertThat(commits).as("commits announced with another node listening").isNotEmpty();
    long newestSeq = commits.stream().mapToLong(p -> Long.parseLong(p.substring(0, p.indexOf(':')))).max().orElseThrow();
    assertThat(newestSeq).as("the newest announced seq covers all 20 edits").isGreaterThanOrEqualTo(20);
    assertThat(presence(together)).as("presence relayed with another node listening").isNotEmpty();
    assertThat(otherNodesMetric()).isEqualTo("pledgepad_cluster_other_nodes 1.0");
  }
}
