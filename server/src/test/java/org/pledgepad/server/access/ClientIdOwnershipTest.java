package org.pledgepad.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.util.List;
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
  private static final long BOB_CLIENT = 515151L;
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

  /**
   * After a failed commit the clocks of the dropped update still counted as admitted: the
   * owner's next update, which skips the lost range, was admitted (and waited in the CRDT as
   * pending structs) instead of answered with step 1 so that the range is resent first.
   */
  @Test
  void afterAFailedCommitTheOwnersUpdateThatSkipsTheLostRangeIsAnsweredWithStep1() {
    YjsDocument doc = new YjsDocument();
    ClientIdOwnership ownership = new ClientIdOwnership(vertx, "motion", new ClientIdBindingStore(null));
    Doc alice = new Doc(new DocOptions().clientID(ALICE_CLIENT));
    Doc bob = new Doc(new DocOptions().clientID(BOB_CLIENT));
    for (Doc d : List.of(alice, bob)) { // committed: in the log and the document
      byte[] first = edit(d, "Antrag", new byte[] {0});
      doc.apply(doc.parse(first));
      ownership.restoreLogged(d == alice ? "alice" : "bob", first);
    }

    byte[] known = Y.encodeStateVector(alice);
    byte[] lost = edit(alice, " der Fraktion", known); // its commit fails
    byte[] afterLost = Y.encodeStateVector(alice);
    assertThat(ownership.admitUpdate(peer("alice"), doc.parse(lost), doc::clock))
        .isEqualTo(UpdateAdmission.Result.ACCEPT);
    byte[] waiting = edit(bob, " zur Begründung", Y.encodeStateVector(bob)); // queued behind it
    byte[] afterWaiting = Y.encodeStateVector(bob);
    assertThat(ownership.admitUpdate(peer("bob"), doc.parse(waiting), doc::clock))
        .isEqualTo(UpdateAdmission.Result.ACCEPT);

    ownership.commitFailed(List.of(doc.parse(waiting)));

    byte[] skipping = edit(alice, "!", afterLost);
    assertThat(ownership.admitUpdate(peer("alice"), doc.parse(skipping), doc::clock))
        .as("alice's update after the lost range")
        .isEqualTo(UpdateAdmission.Result.RESYNC);
    // As had it never been admitted: the lost range resent, with what follows, is taken.
    assertThat(ownership.admitUpdate(peer("alice"), doc.parse(Y.encodeStateAsUpdate(alice, known)), doc::clock))
        .isEqualTo(UpdateAdmission.Result.ACCEPT);
    // An update still waiting keeps its clocks: its sender's next one follows it without a gap.
    assertThat(ownership.admitUpdate(peer("bob"), doc.parse(edit(bob, "!", afterWaiting)), doc::clock))
        .isEqualTo(UpdateAdmission.Result.ACCEPT);
  }

  /** Appends {@code text} to the document's text and returns the update since {@code since}. */
  private static byte[] edit(Doc d, String text, byte[] since) {
    d.getText("t").insert(d.getText("t").length(), text);
    return Y.encodeStateAsUpdate(d, since);
  }
}
