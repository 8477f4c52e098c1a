package org.pledgepad.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.auth.Role;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.DocOptions;
import org.pledgepad.crdt.Y;
import org.pledgepad.server.access.SyncClient.Msg;
import org.pledgepad.server.access.SyncClient.Protocol;

/** A connection cannot write under a clientID that another user's connection created. */
class ClientIdForgeryTest {
  private static final String DOC = AccessTestServer.CONSULTATION_DOC;
  @TempDir
  Path dataDir;
  private AccessTestServer server;

  @BeforeEach
  void start() throws Exception {
    server = AccessTestServer.start(dataDir, Map.of());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private long headSeq() throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(server.harness.httpBase() + "/api/documents/" + DOC)).header("Authorization", "Bearer " + server.tokenFor(Role.ADMIN)).build(), HttpResponse.BodyHandlers.ofString());
    return new JsonObject(r.body()).getLong("headSeq");
  }

  private static SyncClient joined(AccessTestServer server, Role role) throws InterruptedException {
    SyncClient c = SyncClient.connect(Protocol.HOCUSPOCUS, server.harness.wsBase(), DOC, server.tokenFor(role), Map.of());
    assertThat(c.until(m -> m.type() == 2).get(0).sub()).isEqualTo(2); // authenticated
    c.until(m -> m.type() == 0 && m.sub() == 0);
    return c;
  }

  private static int status(SyncClient c) throws InterruptedException {
    List<Msg> msgs = c.until(m -> m.type() == 8);
    return msgs.get(msgs.size() - 1).sub();
  }

  @Test
  void anotherUsersClientIdIsRefusedAndNothingIsStored() throws Exception {
    Doc victim = new Doc(new DocOptions().clientID(424242L));
    victim.getText("t").insert(0, "original");
    byte[] first = Y.encodeStateAsUpdate(victim);
    byte[] svAfterFirst = Y.encodeStateVector(victim);
    try (SyncClient owner = joined(server, Role.COUNCILLOR); SyncClient forger = joined(server, Role.ADMIN)) {
      owner.sendUpdate(first);
      assertThat(status(owner)).isEqualTo(1);
      long before = headSeq();
      victim.getText("t").insert(0, "forged ");
      byte[] next = Y.encodeStateAsUpdate(victim, svAfterFirst);
      forger.sendUpdate(next);
      assertThat(status(forger)).isEqualTo(0);
      assertThat(headSeq()).isEqualTo(before);
      // The owner itself may continue under its clientID.
      owner.sendUpdate(next);
      assertThat(status(owner)).isEqualTo(1);
    }
  }

  @Test
  void theRealYjsClientCannotAdoptAnotherUsersClientId() {
    org.pledgepad.server.testing.NodeScripts.requireNode();
    JsonObject r = new JsonObject(org.pledgepad.server.testing.NodeScripts.run("forge-clientid.mjs",
        server.harness.wsBase(), DOC, server.tokenFor(Role.COUNCILLOR), server.tokenFor(Role.ADMIN)));
    assertThat(r.getBoolean("forgedAccepted")).isFalse();
    assertThat(r.getString("readerText")).contains("owner").doesNotContain("forged");
  }

  @Test
  void aClockGapIsRefusedAndAnsweredWithTheServersStepOne() throws Exception {
    Doc d = new Doc(new DocOptions().clientID(515151L));
    d.getText("t").insert(0, "a");
    byte[] sv = Y.encodeStateVector(d);
    d.getText("t").insert(1, "b");
    byte[] onlySecond = Y.encodeStateAsUpdate(d, sv);
    try (SyncClient c = joined(server, Role.COUNCILLOR)) {
      long before = headSeq();
      c.sendUpdate(onlySecond);
      List<Msg> msgs = c.until(m -> m.type() == 0 && m.sub() == 0);
      assertThat(msgs).anyMatch(m -> m.type() == 8 && m.sub() == 0);
      assertThat(headSeq()).isEqualTo(before);
      c.sendUpdate(Y.encodeStateAsUpdate(d));
      assertThat(status(c)).isEqualTo(1);
    }
  }

  @Test
  void awarenessForAnotherUsersClientIdIsDropped() throws Exception {
    try (SyncClient owner = joined(server, Role.COUNCILLOR); SyncClient other = joined(server, Role.MODERATOR)) {
      owner.sendAwareness(999L, 1, "{\"user\":{\"name\":\"Ratsfrau\"}}");
      owner.sendStep1(new byte[] {0});
      assertThat(SyncClient.hasAwarenessOf(owner.until(m -> m.type() == 0 && m.sub() == 1), 999L)).isTrue();
      other.sendAwareness(999L, 2, "{\"user\":{\"name\":\"Hochstapler\"}}");
      other.sendStep1(new byte[] {0});
      List<Msg> seen = other.until(m -> m.type() == 0 && m.sub() == 1);
      assertThat(seen.stream().filter(m -> m.type() == 1).map(m -> new String(m.payload(), java.nio.charset.StandardCharsets.UTF_8)))
          .noneMatch(s -> s.contains("Hochstapler"));
    }
  }
}
