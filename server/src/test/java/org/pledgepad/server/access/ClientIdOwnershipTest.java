package org.pledgepad.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.DocOptions;
import org.pledgepad.crdt.Y;
import org.pledgepad.server.doc.YjsDocument;
import org.pledgepad.server.session.Peer;
import org.pledgepad.server.session.UpdateAdmission;

/**
 * Admission against the clocks of updates admitted but not yet committed: they let the owner's
 * next update follow without a gap, but they are no structs of the document yet.
 */
class ClientIdOwnershipTest {
  private static final long ALICE_CLIENT = 424242L;
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  private static Peer peer(String actor) {
    return new Peer() {
      @Override public String connectionId() { return actor + "-connection"; }
      @Override public String actor() { return actor; }
      @Override public boolean readOnly() { return false; }
      @Override public void sendSyncStep1(byte[] stateVector) {}
      @Override public void sendSyncStep2(byte[] update) {}
      @Override public void sendUpdate(byte[] update) {}
      @Override public void sendAwareness(byte[] awarenessUpdate) {}
      @Override public void sendSyncStatus(boolean applied) {}
      @Override public void close(short code, String reason) {}
    };
  }

  /**
   * While alice's update is committing, clocks below its end counted as known, and structs
   * there were taken as duplicates without asking whose clientID they use. Had alice's commit
   * then failed (her connection is closed, her update dropped), the forged structs, committed
   * in the next append, were the document's text under her clientID, attributed to her.
   */
  @Test
  void structsUnderAnotherUsersClientIdAreRefusedWhileTheOwnersUpdateCommits() {
    Doc alice = new Doc(new DocOptions().clientID(ALICE_CLIENT));
    alice.getText("t").insert(0, "Antrag");
    byte[] first = Y.encodeStateAsUpdate(alice);
    byte[] known = Y.encodeStateVector(alice);
    YjsDocument doc = new YjsDocument();
    doc.apply(doc.parse(first));
    // No binding to persist in this test: alice owns her clientID from the log already.
    ClientIdOwnership ownership = new ClientIdOwnership(vertx, "motion", new ClientIdBindingStore(null));
    ownership.restoreLogged("alice", first);

    alice.getText("t").insert(6, " der Fraktion"); // committing, not yet applied
    byte[] hers = Y.encodeStateAsUpdate(alice, known);
    byte[] afterHers = Y.encodeStateVector(alice);
    assertThat(ownership.admitUpdate(peer("alice"), doc.parse(hers), doc::clock))
        .isEqualTo(UpdateAdmission.Result.ACCEPT);

    // Her clientID is public (awareness); a document that has not seen hers keeps it as its own.
    Doc forger = new Doc(new DocOptions().clientID(ALICE_CLIENT));
    forger.getText("t").insert(0, "Antrag abgelehnt");
    byte[] forged = Y.encodeStateAsUpdate(forger, known); // clocks 6..15, inside hers (6..18)
    assertThat(ownership.admitUpdate(peer("mallory"), doc.parse(forged), doc::clock))
        .as("mallory's structs under alice's clientID")
        .isEqualTo(UpdateAdmission.Result.REFUSE);
    // The owner's own next update still follows hers without a gap.
    alice.getText("t").insert(0, "Neuer ");
    byte[] next = Y.encodeStateAsUpdate(alice, afterHers);
    assertThat(ownership.admitUpdate(peer("alice"), doc.parse(next), doc::clock))
        .isEqualTo(UpdateAdmission.Result.ACCEPT);
  }
}
