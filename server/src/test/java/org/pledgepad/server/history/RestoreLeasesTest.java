package org.pledgepad.server.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pledgepad.server.history.HistoryTamperContract.await;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pledgepad.server.config.ConfigLoader;
import org.pledgepad.server.config.ServerConfig;
import org.pledgepad.server.store.DocumentStore;
import org.pledgepad.server.store.PgDocumentStore;
import org.pledgepad.server.store.SqliteDocumentStore;
import org.pledgepad.server.testing.Eventually;
import org.pledgepad.server.testing.TestDatabase;

/**
 * The restore turn of a document held by one node against another sharing its database, on a
 * clock the test moves (no waiting): refused while held, free once released, taken over once a
 * holder that stopped renewing (crashed) has let it expire. On both stores (PostgreSQL: skipped
 * locally without it, fails under CI=true, see TestDatabase).
 */
class RestoreLeasesTest {
  enum Backend { EMBEDDED, POSTGRESQL }

  private static final long TTL = RestoreLeases.TTL_MS;
  @TempDir
  Path dataDir;
  private final Vertx vertx = Vertx.vertx();
  private DocumentStore store;
  private ServerConfig config;
  private final AtomicLong now = new AtomicLong(1_800_000_000_000L);
  private RestoreLeases nodeA;
  private RestoreLeases nodeB;
  private final String doc = "leases-" + Long.toHexString(System.nanoTime());

  /** Two nodes' leases on one database of {@code backend}, its tables made by the store's start. */
  private void start(Backend backend) {
    if (backend == Backend.EMBEDDED) {
      store = new SqliteDocumentStore(vertx, dataDir);
      config = ConfigLoader.load(Map.of("DATA_DIR", dataDir.toString()));
    } else {
      store = new PgDocumentStore(vertx, TestDatabase.require());
      config = ConfigLoader.load(Map.of("DATABASE_URL", TestDatabase.url()));
    }
    await(store.start());
    nodeA = new RestoreLeases(HistoryDb.of(config), c -> now.get());
    nodeB = new RestoreLeases(HistoryDb.of(config), c -> now.get());
  }

  @AfterEach
  void tearDown() {
    if (store != null) {
      await(store.close());
    }
    await(vertx.close());
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aTurnHeldOnOneNodeIsRefusedOnTheOtherUntilReleased(Backend backend) throws Exception {
    start(backend);
    RestoreLeases.Lease held = nodeA.tryTake(doc);
    assertThat(held).isNotNull();
    assertThat(nodeB.tryTake(doc)).isNull();
    assertThat(nodeA.tryTake(doc)).as("also a second restore on the same node").isNull();
    assertThat(nodeB.tryTake("other-" + doc)).as("other documents are not held").isNotNull();

    nodeA.release(held);
    assertThat(nodeB.tryTake(doc)).isNotNull();
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aCrashedHoldersTurnIsTakenOverOnceExpired(Backend backend) throws Exception {
    start(backend);
    RestoreLeases.Lease crashed = nodeA.tryTake(doc); // never renewed nor released
    now.addAndGet(TTL - 1);
    assertThat(nodeB.tryTake(doc)).isNull();
    now.addAndGet(1);
    RestoreLeases.Lease taken = nodeB.tryTake(doc);
    assertThat(taken).isNotNull();

    // The old holder coming back neither renews nor releases the new holder's turn.
    assertThat(nodeA.renew(crashed)).isFalse();
    nodeA.release(crashed);
    assertThat(nodeA.tryTake(doc)).isNull();
    assertThat(nodeB.renew(taken)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aRenewedTurnOutlivesItsFirstExpiry(Backend backend) throws Exception {
    start(backend);
    RestoreLeases.Lease held = nodeA.tryTake(doc);
    now.addAndGet(TTL - 1);
    assertThat(nodeA.renew(held)).isTrue();
    now.addAndGet(TTL - 1);
    assertThat(nodeB.tryTake(doc)).isNull();
    now.addAndGet(1);
    assertThat(nodeB.tryTake(doc)).isNotNull();
  }

  /**
   * The wiring the routes use: a turn renews its lease while held (here every few ms instead of
   * every {@link RestoreTurns#RENEW_EVERY_MS}) and gives it back at its end.
   */
  @ParameterizedTest
  @EnumSource(Backend.class)
  void aTurnRenewsItsLeaseWhileHeldAndGivesItBackAtItsEnd(Backend backend) throws Exception {
    start(backend);
    RestoreTurns turns = new RestoreTurns(vertx, nodeA, 5);
    RestoreTurns.Turn turn = turns.tryTake(doc);
    assertThat(turn).isNotNull();
    assertThat(turns.tryTake(doc)).as("the same node").isNull();
    now.addAndGet(TTL - 1);
    long renewedUntil = now.get() + TTL;
    Eventually.until("the turn renewed its lease", () -> expiresMs() == renewedUntil);
    now.addAndGet(TTL - 1);
    assertThat(nodeB.tryTake(doc)).as("past the first expiry, before the renewed one").isNull();

    await(turn.end());
    assertThat(expiresMs()).as("the row is deleted").isEqualTo(-1);
    RestoreTurns.Turn next = turns.tryTake(doc);
    assertThat(next).as("the same node again").isNotNull();
    await(next.end());
  }

  private long expiresMs() {
    return DocumentHistories.sql(() -> {
      try (Connection c = HistoryDb.of(config).open();
          PreparedStatement ps = c.prepareStatement("SELECT expires_ms FROM restore_leases WHERE document = ?")) {
        ps.setString(1, doc);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? rs.getLong(1) : -1L;
        }
      }
    });
  }
}
