package org.pledgepad.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.auth.Role;
import org.pledgepad.server.access.SyncClient.Protocol;
import org.pledgepad.server.store.DocumentStage;
import org.pledgepad.server.testing.Await;

/**
 * A draft moves on (published, or archived) while a councillor of its body is connected and
 * writing: at the next periodic re-check (nobody calls refresh here) the connection becomes
 * read-only on both protocols, and keeps reading.
 */
class StageDowngradeTest {
  @TempDir
  static Path dataDir;
  private static AccessTestServer server;
  private static final AtomicLong CLIENT_IDS = new AtomicLong(91_000);

  @BeforeAll
  static void start() throws Exception {
    server = AccessTestServer.start(dataDir, Map.of()); // re-check every 200 ms
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static void downgradeWhileConnected(Protocol protocol, DocumentStage next) throws Exception {
    String doc = AccessTestServer.DRAFT_DOC;
    server.setStage(doc, DocumentStage.DRAFT);
    Await.result(server.access.refresh());
    try (SyncClient c = SyncClient.connect(protocol, server.harness.wsBase(), doc, server.tokenFor(Role.COUNCILLOR), Map.of())) {
      if (protocol == Protocol.HOCUSPOCUS) {
        assertThat(c.until(m -> m.type() == 2).get(0).text()).isEqualTo("read-write");
      }
      c.until(m -> m.type() == 0 && m.sub() == 0);
      EditProbe editor = new EditProbe(CLIENT_IDS.incrementAndGet());
      assertThat(editor.refused(c, protocol)).as("a member writes the draft").isFalse();
      assertThat(editor.refused(c, protocol)).as("and goes on writing").isFalse();
      server.setStage(doc, next);
      // No refresh() here: the periodic re-check (200 ms) must find the change. The loop ends at
      // the first refusal; the deadline only guards against a hang.
      long deadline = System.currentTimeMillis() + 30_000;
      boolean nowReadOnly = false;
      java.util.List<String> scopes = new java.util.ArrayList<>();
      while (!nowReadOnly && System.currentTimeMillis() < deadline) {
        Thread.sleep(25); // paced below the per-connection message rate limit (100/s)
        nowReadOnly = editor.refused(c, protocol, m -> {
          if (m.type() == 2 && m.sub() == 2) {
            scopes.add(m.text());
          }
        });
      }
      assertThat(nowReadOnly).as(protocol + " after the draft became " + next).isTrue();
      if (protocol == Protocol.HOCUSPOCUS) {
        // Told, not only refused: a stock provider takes a later Authenticated as its new scope,
        // so the editor can say "read only" instead of waiting for acknowledgements.
        assertThat(scopes).as("scopes announced after the connect").containsExactly("readonly");
      }
      // Still a reader: the connection is open and answers a sync step 1.
      c.sendStep1(new byte[] {0});
      assertThat(c.until(m -> m.type() == 0 && m.sub() == 1)).noneMatch(SyncClient.Msg::closed);
    }
  }

  @Test
  void publishingADraftWithdrawsWriteAccessOverYWebsocket() throws Exception {
    downgradeWhileConnected(Protocol.Y_WEBSOCKET, DocumentStage.PUBLISHED);
  }

  @Test
  void publishingADraftWithdrawsWriteAccessOverHocuspocus() throws Exception {
    downgradeWhileConnected(Protocol.HOCUSPOCUS, DocumentStage.PUBLISHED);
  }

  @Test
  void archivingADraftWithdrawsWriteAccessOverYWebsocket() throws Exception {
    downgradeWhileConnected(Protocol.Y_WEBSOCKET, DocumentStage.ARCHIVED);
  }

  @Test
  void archivingADraftWithdrawsWriteAccessOverHocuspocus() throws Exception {
    downgradeWhileConnected(Protocol.HOCUSPOCUS, DocumentStage.ARCHIVED);
  }
}
