package org.pledgepad.server.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.Y;
import org.pledgepad.server.store.DocumentStore;
import org.pledgepad.server.store.NewUpdate;

/**
 * Tampering with the log of a real store (rows written by its append path, then changed with
 * plain SQL the way someone with database access could) is caught by {@code verify --database},
 * which names the first bad seq. Subclasses bind it to SQLite and PostgreSQL.
 */
abstract class HistoryTamperContract {
  private static final Pattern FIRST_BAD = Pattern.compile("first bad seq: (\\d+)");

  protected Vertx vertx;
  protected DocumentStore store;
  protected String doc;

  protected abstract DocumentStore open(Vertx vertx);

  /** Environment that points the launcher at the same store. */
  protected abstract Map<String, String> env();

  protected abstract Connection sql() throws Exception;

  /** What someone cutting the log would also do to hide it: make the database's published head agree. */
  protected void rewritePublishedHead(long seq, byte[] hash) throws Exception {
    exec("UPDATE documents SET head_seq = ?, head_hash = ? WHERE name = ?", seq, hash, doc);
  }

  @BeforeEach
  void setUp() throws Exception {
    vertx = Vertx.vertx();
    store = open(vertx);
    await(store.start());
    doc = "tamper-" + Long.toHexString(System.nanoTime());
    // Six real Yjs updates, one per row, as clients would send them.
    Doc d = new Doc();
    byte[] sv = Y.encodeStateVector(d);
    String[] words = {"Wir ", "fordern ", "mehr ", "Radwege ", "in ", "Kassel."};
    int at = 0;
    for (String w : words) {
      d.getText("default").insert(at, w);
      at += w.length();
      byte[] update = Y.encodeStateAsUpdate(d, sv);
      sv = Y.encodeStateVector(d);
      await(store.append(doc, List.of(new NewUpdate(update, "user-" + (at % 3), "conn-1"))));
    }
  }

  @AfterEach
  void tearDown() {
    await(store.close());
    await(vertx.close());
  }

  @Test
  void intactLogVerifies() {
    Result r = verify();
    assertThat(r.status).as(r.out).isEqualTo(0);
    assertThat(r.out).contains(doc + ": OK: 6 rows");
  }

  @Test
  void editedByteOfAnUpdateIsNamed() throws Exception {
    byte[] update = updateAt(3);
    update[update.length - 3] ^= 0x01;
    exec("UPDATE document_updates SET update_v1 = ? WHERE document = ? AND seq = 3", update, doc);
    assertFirstBad(3);
  }

  @Test
  void changedActorIsNamed() throws Exception {
    exec("UPDATE document_updates SET actor = ? WHERE document = ? AND seq = 4", "someone-else", doc);
    assertFirstBad(4);
  }

  @Test
  void deletedRowIsNamed() throws Exception {
    exec("DELETE FROM document_updates WHERE document = ? AND seq = 3", doc);
    assertFirstBad(3);
  }

  @Test
  void swappedRowsAreNamed() throws Exception {
    exec("UPDATE document_updates SET seq = 1000 WHERE document = ? AND seq = 3", doc);
    exec("UPDATE document_updates SET seq = 3 WHERE document = ? AND seq = 4", doc);
    exec("UPDATE document_updates SET seq = 4 WHERE document = ? AND seq = 1000", doc);
    assertFirstBad(3);
  }

  @Test
  void insertedRowIsNamed() throws Exception {
    // Make room at seq 3 (highest first: the primary key is checked per row) and put a copy of
    // row 2 there, as someone inventing an edit would.
    for (long s = 6; s >= 3; s--) {
      exec("UPDATE document_updates SET seq = ? WHERE document = ? AND seq = ?", s + 1, doc, s);
    }
    exec("INSERT INTO document_updates (document, seq, created_at, actor, connection_id, update_v1, hash, salt,"
        + " commitment) SELECT document, 3, created_at, actor, connection_id, update_v1, hash, salt, commitment"
        + " FROM document_updates WHERE document = ? AND seq = 2", doc);
    assertFirstBad(3);
  }

  @Test
  void truncatedTailIsCaughtAgainstThePublishedHead() throws Exception {
    exec("DELETE FROM document_updates WHERE document = ? AND seq >= 5", doc);
    Result r = verify();
    assertThat(r.status).as(r.out).isEqualTo(1);
    assertThat(r.out).contains("TRUNCATED");
    assertThat(r.firstBad).as(r.out).isBetween(5L, 6L);
  }

  @Test
  void tailCutTogetherWithTheHeadRowIsCaughtAgainstAHeadPublishedElsewhere() throws Exception {
    String published;
    try (Connection c = sql(); var ps = c.prepareStatement(
        "SELECT hash FROM document_updates WHERE document = ? AND seq = 6")) {
      ps.setString(1, doc);
      var rs = ps.executeQuery();
      rs.next();
      published = "6:" + org.pledgepad.history.Hashes.hex(rs.getBytes(1));
    }
    byte[] hash4;
    try (Connection c = sql(); var ps = c.prepareStatement(
        "SELECT hash FROM document_updates WHERE document = ? AND seq = 4")) {
      ps.setString(1, doc);
      var rs = ps.executeQuery();
      rs.next();
      hash4 = rs.getBytes(1);
    }
    exec("DELETE FROM document_updates WHERE document = ? AND seq >= 5", doc);
    rewritePublishedHead(4, hash4);
    assertThat(verify().status).as("the database alone is consistent again").isZero();
    Result r = verify("--head", published);
    assertThat(r.status).as(r.out).isEqualTo(1);
    assertThat(r.out).contains("TRUNCATED");
    assertThat(r.firstBad).as(r.out).isBetween(5L, 6L);
  }

  @Test
  void tailCutTogetherWithTheHeadRowIsCaughtBySignedCheckpoints() throws Exception {
    Map<String, String> env = env();
    var config = org.pledgepad.server.config.ConfigLoader.load(env);
    CheckpointKey key = CheckpointKey.loadOrCreate(config.dataDir());
    DocumentHistories histories = new DocumentHistories(HistoryDb.of(config), key);
    assertThat(histories.checkpoint(List.of(doc))).isEqualTo(1);
    assertThat(histories.checkpoint(List.of(doc))).as("nothing moved since").isZero();
    byte[] hash4;
    try (Connection c = sql(); var ps = c.prepareStatement(
        "SELECT hash FROM document_updates WHERE document = ? AND seq = 4")) {
      ps.setString(1, doc);
      var rs = ps.executeQuery();
      rs.next();
      hash4 = rs.getBytes(1);
    }
    exec("DELETE FROM document_updates WHERE document = ? AND seq >= 5", doc);
    rewritePublishedHead(4, hash4);
    Result r = verify();
    assertThat(r.status).as(r.out).isEqualTo(1);
    assertThat(r.out).contains("TRUNCATED");
    assertThat(r.firstBad).as(r.out).isBetween(5L, 6L);
  }

  @Test
  void theCheckpointerRefusesToSignARewrittenLog() throws Exception {
    var config = org.pledgepad.server.config.ConfigLoader.load(env());
    DocumentHistories histories = new DocumentHistories(HistoryDb.of(config), CheckpointKey.loadOrCreate(config.dataDir()));
    assertThat(histories.checkpoint(List.of(doc))).isEqualTo(1);
    // Someone with database access rewrites an attested row, deletes the checkpoint that
    // attests it, and the document moves on, so the checkpointer has a head to sign.
    exec("UPDATE document_updates SET actor = ? WHERE document = ? AND seq = 3", "someone-else", doc);
    exec("DELETE FROM document_checkpoints WHERE document = ?", doc);
    Doc d = new Doc();
    d.getText("default").insert(0, "Nachtrag");
    await(store.append(doc, List.of(new NewUpdate(Y.encodeStateAsUpdate(d), "user-1", "conn-1"))));

    assertThat(histories.checkpoint(List.of(doc))).isZero();
    assertThat(histories.refusedHeads()).isEqualTo(1);
    assertThat(checkpointsStored()).as("no checkpoint over the rewritten row").isZero();
  }

  /** A checkpointer as a (re)started server builds it: key and signed heads read from DATA_DIR. */
  private DocumentHistories restartedCheckpointer() throws Exception {
    var config = org.pledgepad.server.config.ConfigLoader.load(env());
    return new DocumentHistories(HistoryDb.of(config), CheckpointKey.loadOrCreate(config.dataDir()),
        SignedHeads.open(config.dataDir()));
  }

  private java.nio.file.Path signedHeadsFile() throws Exception {
    return org.pledgepad.server.config.ConfigLoader.load(env()).dataDir().resolve(SignedHeads.FILE);
  }

  /** Someone with database access rewrites row 3 and recomputes every hash after it, as the chain defines them. */
  private byte[] rewriteFromGenesis() throws Exception {
    var config = org.pledgepad.server.config.ConfigLoader.load(env());
    byte[] prev = org.pledgepad.history.Hashes.genesis(doc);
    for (org.pledgepad.history.LogRow r : HistoryDb.of(config).rows(doc, 0, Long.MAX_VALUE)) {
      String actor = r.seq() == 3 ? "someone-else" : r.actor();
      prev = org.pledgepad.history.Hashes.rowHash(prev, doc, r.seq(), r.timeMillis(), actor, r.commitment());
      exec("UPDATE document_updates SET actor = ?, hash = ? WHERE document = ? AND seq = ?", actor, prev, doc, r.seq());
    }
    return prev;
  }

  private int checkpointsStored() throws Exception {
    try (Connection c = sql(); var ps = c.prepareStatement("SELECT COUNT(*) FROM document_checkpoints WHERE document = ?")) {
      ps.setString(1, doc);
      var rs = ps.executeQuery();
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void aLogRewrittenFromGenesisWithItsCheckpointsDeletedIsNotSignedAgain() throws Exception {
    assertThat(restartedCheckpointer().checkpoint(List.of(doc))).isEqualTo(1);
    byte[] head = rewriteFromGenesis();
    rewritePublishedHead(6, head);
    exec("DELETE FROM document_checkpoints WHERE document = ?", doc);
    var config = org.pledgepad.server.config.ConfigLoader.load(env());
    assertThat(new DocumentHistories(HistoryDb.of(config), CheckpointKey.loadOrCreate(config.dataDir()))
        .verify(doc).ok()).as("the rewritten log chains on its own").isTrue();

    assertRefusedAndReported("CHECKPOINT_MISMATCH at seq 6");
  }

  /** A restarted checkpointer signs nothing, and verify --database (same DATA_DIR) reports {@code finding}. */
  private void assertRefusedAndReported(String finding) throws Exception {
    DocumentHistories restarted = restartedCheckpointer();
    assertThat(restarted.checkpoint(List.of(doc))).isZero();
    assertThat(restarted.refusedHeads()).isEqualTo(1);
    assertThat(checkpointsStored()).as("nothing signed over the changed log").isZero();
    Result r = verify();
    assertThat(r.status).as(r.out).isEqualTo(1);
    assertThat(r.out).contains(finding);
  }

  @Test
  void aLogCutBehindTheSignedHeadIsNotSigned() throws Exception {
    assertThat(restartedCheckpointer().checkpoint(List.of(doc))).isEqualTo(1);
    exec("DELETE FROM document_checkpoints WHERE document = ?", doc);
    exec("DELETE FROM document_updates WHERE document = ? AND seq >= 5", doc);
    rewritePublishedHead(4, HistoryDb.of(org.pledgepad.server.config.ConfigLoader.load(env())).rows(doc, 3, 4).get(0).hash());
    assertRefusedAndReported("TRUNCATED");
  }

  @Test
  void anOlderSignedHeadsFileStillAcceptsALogThatGrewSince() throws Exception {
    // DATA_DIR restored from a backup taken at seq 6, while the database went on to seq 9; the
    // checkpoints after 6 are gone too, so the rows must chain from the remembered head itself.
    assertThat(restartedCheckpointer().checkpoint(List.of(doc))).isEqualTo(1);
    byte[] backup = java.nio.file.Files.readAllBytes(signedHeadsFile());
    appendRemark("Nachtrag 1");
    appendRemark("Nachtrag 2");
    assertThat(restartedCheckpointer().checkpoint(List.of(doc))).isEqualTo(1);
    java.nio.file.Files.write(signedHeadsFile(), backup);
    exec("DELETE FROM document_checkpoints WHERE document = ?", doc);
    appendRemark("Nachtrag 3");

    DocumentHistories restarted = restartedCheckpointer();
    assertThat(restarted.checkpoint(List.of(doc))).isEqualTo(1);
    assertThat(restarted.refusedHeads()).isZero();
    Result r = verify();
    assertThat(r.status).as(r.out).isZero();
    assertThat(java.nio.file.Files.readString(signedHeadsFile())).as("advanced to the new head").contains("\"seq\":9");
  }

  /** The server's checkpointer: key and signed heads from DATA_DIR, and the store's own chains. */
  private DocumentHistories serverCheckpointer() throws Exception {
    var config = org.pledgepad.server.config.ConfigLoader.load(env());
    return new DocumentHistories(HistoryDb.of(config), CheckpointKey.loadOrCreate(config.dataDir()),
        SignedHeads.open(config.dataDir()), store.ownChains());
  }

  @Test
  void rowsThisProcessHashedAreSignedWithoutBeingReadBackOnceTheirStartWasChecked() throws Exception {
    DocumentHistories histories = serverCheckpointer();
    assertThat(histories.checkpoint(List.of(doc))).isEqualTo(1);
    assertThat(histories.signedCheckedHeads()).as("the first round checks the rows").isEqualTo(1);
    appendRemark("Nachtrag 1");
    appendRemark("Nachtrag 2");
    assertThat(histories.checkpoint(List.of(doc))).isEqualTo(1);
    assertThat(histories.signedOwnHeads()).as("the second signs what the store hashed").isEqualTo(1);
    assertThat(histories.signedCheckedHeads()).isEqualTo(1);
    Result r = verify();
    assertThat(r.status).as(r.out).isZero();
    assertThat(java.nio.file.Files.readString(signedHeadsFile())).contains("\"seq\":8");
  }

  @Test
  void aRowRewrittenBeforeAnUncheckedSignatureIsStillNamedByVerify() throws Exception {
    DocumentHistories histories = serverCheckpointer();
    assertThat(histories.checkpoint(List.of(doc))).isEqualTo(1);
    appendRemark("Nachtrag 1");
    appendRemark("Nachtrag 2");
    // Rewritten by SQL between the append and the next round: the round does not read it back
    // (a full check would refuse to sign), but what it signs is the hash the store computed, so
    // the rewritten row no longer chains to a signed head.
    exec("UPDATE document_updates SET actor = ? WHERE document = ? AND seq = 7", "someone-else", doc);
    assertThat(histories.checkpoint(List.of(doc))).isEqualTo(1);
    assertThat(histories.signedOwnHeads()).isEqualTo(1);
    Result r = verify();
    assertThat(r.status).as(r.out).isEqualTo(1);
    assertThat(r.firstBad).as(r.out).isEqualTo(7L);
  }

  @Test
  void aCheckpointAnotherSignerMadeInsideTheRunStillLetsTheRunBeVerified() throws Exception {
    // Another node (here: a checkpointer without this store's chains) signed seq 6 first; this
    // node's run began at genesis, before that checkpoint: its rows are checked back to it once.
    var config = org.pledgepad.server.config.ConfigLoader.load(env());
    assertThat(new DocumentHistories(HistoryDb.of(config), CheckpointKey.loadOrCreate(config.dataDir()))
        .checkpoint(List.of(doc))).isEqualTo(1);
    appendRemark("Nachtrag 1");
    DocumentHistories histories = serverCheckpointer();
    assertThat(histories.checkpoint(List.of(doc))).isEqualTo(1);
    assertThat(histories.signedCheckedHeads()).isEqualTo(1);
    appendRemark("Nachtrag 2");
    assertThat(histories.checkpoint(List.of(doc))).isEqualTo(1);
    assertThat(histories.signedOwnHeads()).isEqualTo(1);
    assertThat(verify().status).isZero();
  }

  @Test
  void aRestartedProcessChecksRowByRowAgain() throws Exception {
    assertThat(serverCheckpointer().checkpoint(List.of(doc))).isEqualTo(1);
    appendRemark("Nachtrag 1");
    await(store.close());
    store = open(vertx);
    await(store.start());
    appendRemark("Nachtrag 2");
    // The new process's run of appends began at the head it read (seq 7), which nothing of it checked yet.
    exec("UPDATE document_updates SET actor = ? WHERE document = ? AND seq = 7", "someone-else", doc);
    DocumentHistories histories = serverCheckpointer();
    assertThat(histories.checkpoint(List.of(doc))).isZero();
    assertThat(histories.refusedHeads()).isEqualTo(1);
    assertThat(histories.signedOwnHeads()).isZero();
  }

  private void appendRemark(String text) {
    Doc d = new Doc();
    d.getText("default").insert(0, text);
    await(store.append(doc, List.of(new NewUpdate(Y.encodeStateAsUpdate(d), "user-1", "conn-1"))));
  }

  @Test
  void aSnapshotForgedBetweenTwoCheckedOnesIsNamed() throws Exception {
    // As the server writes them: a snapshot every 200 rows. Verification used to check only those
    // 1,000 rows apart (200 and 1200 here), while reads start from the nearest one.
    doc = doc + "-snapshots";
    Doc d = new Doc();
    byte[] forged = null;
    for (int s = 200; s <= 1200; s += 200) {
      List<NewUpdate> batch = new ArrayList<>();
      for (int i = s - 199; i <= s; i++) {
        byte[] sv = Y.encodeStateVector(d);
        d.getText("default").insert(d.getText("default").length(), "w" + i + " ");
        batch.add(new NewUpdate(Y.encodeStateAsUpdate(d, sv), "user-1", "conn-1"));
      }
      assertThat(await(store.append(doc, batch))).last().isEqualTo((long) s);
      await(store.writeSnapshot(doc, s, Y.encodeStateAsUpdate(d)));
      if (s == 600) {
        forged = forgedState(d, "Gefälscht: ");
      }
    }
    Result intact = verify();
    assertThat(intact.status).as(intact.out).isZero();
    assertThat(intact.out).contains("6 snapshots checked");

    exec("UPDATE document_snapshots SET state_v1 = ? WHERE document = ? AND seq = 600", forged, doc);
    Result r = verify();
    assertThat(r.status).as(r.out).isEqualTo(1);
    assertThat(r.firstBad).as(r.out).isEqualTo(600L);
    assertThat(r.out).contains("SNAPSHOT_MISMATCH at seq 600");
  }

  @Test
  void checkpointsOfManyDocumentsAreWrittenInChunksAndAllCount() throws Exception {
    // More moved documents than one transaction chunk, so the chunk boundary is crossed twice.
    int n = HistoryDb.CHECKPOINT_CHUNK * 2 + 3;
    List<String> names = new ArrayList<>();
    List<Future<?>> appends = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String name = doc + "-many-" + i;
      names.add(name);
      Doc d = new Doc();
      d.getText("default").insert(0, "Antrag " + i);
      appends.add(store.append(name, List.of(new NewUpdate(Y.encodeStateAsUpdate(d), "user-1", "conn-1"))));
    }
    for (Future<?> f : appends) {
      await(f);
    }
    var config = org.pledgepad.server.config.ConfigLoader.load(env());
    DocumentHistories histories = new DocumentHistories(HistoryDb.of(config), CheckpointKey.loadOrCreate(config.dataDir()));
    assertThat(histories.checkpoint(names)).isEqualTo(n);
    assertThat(histories.checkpoint(names)).as("nothing moved since").isZero();
    try (Connection c = sql(); var ps = c.prepareStatement(
        "SELECT COUNT(*) FROM document_checkpoints WHERE document LIKE ?")) {
      ps.setString(1, doc + "-many-%");
      var rs = ps.executeQuery();
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(n);
    }
  }

  /**
   * user-x types a remark (seq 7) and deletes it (seq 8), and is erased by the server: both rows
   * redacted under a signed erasure record. Returns the original update of seq 7.
   */
  private byte[] eraseARemark() throws Exception {
    return eraseARemark("user-x");
  }

  /** As {@link #eraseARemark()} for {@code user}: their remark and its deletion are the next two rows. */
  private byte[] eraseARemark(String user) throws Exception {
    Doc d = new Doc();
    try (Connection c = sql(); var ps = c.prepareStatement(
        "SELECT update_v1 FROM document_updates WHERE document = ? ORDER BY seq")) {
      ps.setString(1, doc);
      var rs = ps.executeQuery();
      while (rs.next()) {
        Y.applyUpdate(d, rs.getBytes(1));
      }
    }
    byte[] sv = Y.encodeStateVector(d);
    d.getText("default").insert(d.getText("default").length(), " Tel. 0561-123456");
    byte[] typed = Y.encodeStateAsUpdate(d, sv);
    await(store.append(doc, List.of(new NewUpdate(typed, user, "conn-x"))));
    sv = Y.encodeStateVector(d);
    d.getText("default").delete(d.getText("default").length() - 17, 17);
    await(store.append(doc, List.of(new NewUpdate(Y.encodeStateAsUpdate(d, sv), user, "conn-x"))));
    var config = org.pledgepad.server.config.ConfigLoader.load(env());
    DocumentHistories histories = new DocumentHistories(HistoryDb.of(config), CheckpointKey.loadOrCreate(config.dataDir()));
    assertThat(histories.erase(doc, user).redacted()).isEqualTo(2);
    return typed;
  }

  @Test
  void aJunkErasureRecordIsNamedButDoesNotBlockLaterErasures() throws Exception {
    eraseARemark();
    // Junk stored by SQL in the next free place (index 2), chained from record 1 as the next
    // genuine record would be, with a signature of zeros: the server used to chain from it.
    var config = org.pledgepad.server.config.ConfigLoader.load(env());
    var records = HistoryDb.of(config).erasureRecords(doc);
    assertThat(records).extracting(org.pledgepad.history.ErasureRecord::index).containsExactly(1L);
    byte[] record1Hash = records.get(0).hash();
    byte[] entries = java.nio.ByteBuffer.allocate(40).putLong(5).put(new byte[32]).array();
    exec("INSERT INTO erasure_records (document, idx, prev, time_ms, key_id, backfilled, entries, signature)"
        + " VALUES (?, 2, ?, 1, ?, ?, ?, ?)", doc, record1Hash, "k-junk", false, entries, new byte[64]);

    eraseARemark("user-y");

    Result r = verify();
    assertThat(r.status).as("the junk record is still reported: " + r.out).isEqualTo(1);
    assertThat(r.out).contains("ERASURE_RECORD_INVALID at seq 5").doesNotContain("ERASURE_UNRECORDED");
    assertThat(r.firstBad).as(r.out).isEqualTo(5L);
    assertThat(HistoryDb.of(config).erasureRecords(doc)).extracting(org.pledgepad.history.ErasureRecord::index)
        .containsExactly(1L, 2L, 3L);
  }

  @Test
  void aRealErasureVerifies() throws Exception {
    eraseARemark();
    Result r = verify();
    assertThat(r.status).as(r.out).isEqualTo(0);
    assertThat(r.out).contains("OK: 8 rows").contains("2 erased rows");
  }

  @Test
  void aRowForgedAsErasedBySqlIsNamed() throws Exception {
    eraseARemark();
    byte[] other = updateAt(2);
    // Salt dropped and another text put in: before the erasure log this passed as "erased".
    exec("UPDATE document_updates SET salt = NULL, update_v1 = ? WHERE document = ? AND seq = 4", other, doc);
    assertFirstBad(4, "ERASURE_UNRECORDED");
  }

  @Test
  void anErasedRowWhoseStandInIsReplacedBySqlIsNamed() throws Exception {
    byte[] typed = eraseARemark();
    exec("UPDATE document_updates SET update_v1 = ? WHERE document = ? AND seq = 7", typed, doc);
    assertFirstBad(7, "ERASURE_STANDIN_CONTENT");
  }

  @Test
  void deletedErasureRecordsAreNamed() throws Exception {
    eraseARemark();
    exec("DELETE FROM erasure_records WHERE document = ?", doc);
    assertFirstBad(7, "ERASURE_UNRECORDED");
  }

  @Test
  void anAlteredErasureRecordIsNamed() throws Exception {
    eraseARemark();
    // Its listed seqs rewritten to cover row 4 as well (entries: seq, then the stand-in digest).
    byte[] entries;
    try (Connection c = sql(); var ps = c.prepareStatement("SELECT entries FROM erasure_records WHERE document = ?")) {
      ps.setString(1, doc);
      var rs = ps.executeQuery();
      rs.next();
      entries = rs.getBytes(1);
    }
    entries[7] = 4;
    exec("UPDATE erasure_records SET entries = ? WHERE document = ?", entries, doc);
    exec("UPDATE document_updates SET salt = NULL WHERE document = ? AND seq = 4", doc);
    assertThat(assertFirstBad(4, "ERASURE_UNRECORDED").out).contains("ERASURE_RECORD_INVALID");
  }

  private void assertFirstBad(long seq) {
    Result r = verify();
    assertThat(r.status).as(r.out).isEqualTo(1);
    assertThat(r.firstBad).as(r.out).isEqualTo(seq);
  }

  private Result assertFirstBad(long seq, String kind) {
    Result r = verify();
    assertThat(r.status).as(r.out).isEqualTo(1);
    assertThat(r.firstBad).as(r.out).isEqualTo(seq);
    assertThat(r.out).contains(kind + " at seq " + seq);
    return r;
  }

  record Result(int status, String out, Long firstBad) {}

  private Result verify(String... extra) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> args = new ArrayList<>(List.of("verify", "--database", doc));
    args.addAll(List.of(extra));
    int status = VerifyLauncher.run(args.toArray(String[]::new), env(),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    String text = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    Matcher m = FIRST_BAD.matcher(text);
    return new Result(status, text, m.find() ? Long.parseLong(m.group(1)) : null);
  }

  private byte[] updateAt(long seq) throws Exception {
    try (Connection c = sql(); var ps = c.prepareStatement(
        "SELECT update_v1 FROM document_updates WHERE document = ? AND seq = ?")) {
      ps.setString(1, doc);
      ps.setLong(2, seq);
      var rs = ps.executeQuery();
      rs.next();
      return rs.getBytes(1);
    }
  }

  protected void exec(String statement, Object... params) throws Exception {
    try (Connection c = sql(); var ps = c.prepareStatement(statement)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      ps.executeUpdate();
    }
  }

  /** The state of d with {@code prefix} typed in front of its text, as a forger would store it. */
  static byte[] forgedState(Doc d, String prefix) {
    Doc f = new Doc();
    Y.applyUpdate(f, Y.encodeStateAsUpdate(d));
    f.getText("default").insert(0, prefix);
    return Y.encodeStateAsUpdate(f);
  }

  static <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
