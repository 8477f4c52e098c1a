package org.pledgepad.server.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pledgepad.server.history.HistoryTamperContract.await;

import io.vertx.core.Vertx;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.Y;
import org.pledgepad.history.AuthorSpan;
import org.pledgepad.history.HistoryExport;
import org.pledgepad.history.NamedVersion;
import org.pledgepad.history.RestorePoint;
import org.pledgepad.history.TextDiff;
import org.pledgepad.history.VersionDiff;
import org.pledgepad.server.config.ServerConfig;
import org.pledgepad.server.store.DocumentStore;
import org.pledgepad.server.store.NewUpdate;

/**
 * The server's history reads over rows the real store appended: versions, diff, authorship,
 * named versions and restore points (times exact to the millisecond), export. Bound to both
 * stores by the subclasses.
 */
abstract class DocumentHistoriesContract {
  protected Vertx vertx;
  protected DocumentStore store;
  protected DocumentHistories histories;
  protected String doc;
  @org.junit.jupiter.api.io.TempDir
  java.nio.file.Path keyDir;

  protected abstract DocumentStore open(Vertx vertx);

  protected abstract ServerConfig config();

  /** The server's key (erasures are signed with it); one per test, in its own directory. */
  protected CheckpointKey key() {
    try {
      return CheckpointKey.loadOrCreate(keyDir);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    store = open(vertx);
    await(store.start());
    histories = new DocumentHistories(HistoryDb.of(config()), key());
    doc = "histories-" + Long.toHexString(System.nanoTime());
    Doc d = new Doc();
    byte[] sv = Y.encodeStateVector(d);
    String[][] edits = {{"anna", "Wir fordern "}, {"ben", "mehr Radwege"}, {"anna", " in Kassel."}};
    for (String[] e : edits) {
      d.getText("default").insert(d.getText("default").length(), e[1]);
      byte[] update = Y.encodeStateAsUpdate(d, sv);
      sv = Y.encodeStateVector(d);
      await(store.append(doc, List.of(new NewUpdate(update, e[0], "c-" + e[0]))));
    }
  }

  @AfterEach
  void tearDown() {
    await(store.close());
    await(vertx.close());
  }

  @Test
  void versionsDiffAndAuthorshipFollowTheLog() {
    assertThat(histories.headSeq(doc)).isEqualTo(3);
    assertThat(histories.version(doc, 0).text()).isEmpty();
    assertThat(histories.version(doc, 2).text()).isEqualTo("Wir fordern mehr Radwege");
    assertThat(histories.version(doc, 3).text()).isEqualTo("Wir fordern mehr Radwege in Kassel.");

    List<VersionDiff.Change> diff = histories.diff(doc, 1, 3);
    assertThat(diff).filteredOn(c -> c.kind() == TextDiff.Kind.INSERT)
        .extracting(VersionDiff.Change::actor).containsOnly("ben", "anna");
    assertThat(diff).filteredOn(c -> c.kind() == TextDiff.Kind.INSERT)
        .extracting(VersionDiff.Change::text).anyMatch(t -> t.contains("Radwege"));

    List<AuthorSpan> spans = histories.authorship(doc, 3);
    assertThat(spans).extracting(AuthorSpan::actor).contains("anna", "ben");
    assertThat(spans).filteredOn(s -> s.text().contains("Radwege")).extracting(AuthorSpan::actor).containsOnly("ben");
  }

  @Test
  void namedVersionsAndRestorePointsRoundTripExactly() throws Exception {
    long t = 1_764_300_000_123L;
    assertThat(histories.db().addNamed(doc, new NamedVersion(2, "Entwurf 1", "anna", t))).isTrue();
    assertThat(histories.db().addNamed(doc, new NamedVersion(2, "Entwurf 1", "ben", t + 1))).isFalse();
    histories.db().addRestore(doc, new RestorePoint(3, 1, "mod", t + 5));
    assertThat(histories.db().named(doc)).containsExactly(new NamedVersion(2, "Entwurf 1", "anna", t));
    assertThat(histories.db().restores(doc)).containsExactly(new RestorePoint(3, 1, "mod", t + 5));
    assertThat(histories.revisions(doc, 3)).isNotEmpty();
  }

  @Test
  void restoreUpdateBringsAnEarlierVersionBack() {
    byte[] update = histories.restoreUpdate(doc, 3, 1);
    Doc now = new Doc();
    for (var row : DocumentHistories.sql(() -> histories.db().rows(doc, 0, 3))) {
      Y.applyUpdate(now, row.update());
    }
    Y.applyUpdate(now, update);
    assertThat(now.getText("default").toString()).isEqualTo("Wir fordern ");
  }

  @Test
  void exportVerifiesOffline() throws Exception {
    byte[] file = histories.export(doc);
    var exported = HistoryExport.read(new ByteArrayInputStream(file));
    assertThat(exported.verifier(exported.publicKeys()).verify(exported.rows()).ok()).isTrue();
    assertThat(histories.verify(doc).ok()).isTrue();
  }

  @Test
  void theExportSentOverHttpHoldsTheInMemoryExportsEntriesAndVerifiesOffline() throws Exception {
    Doc d = new Doc();
    for (var row : DocumentHistories.sql(() -> histories.db().rows(doc, 0, Long.MAX_VALUE))) {
      Y.applyUpdate(d, row.update());
    }
    await(store.writeSnapshot(doc, 3, Y.encodeStateAsUpdate(d)));
    int port = await(ExportServer.serve(vertx, histories)).actualPort();
    var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create("http://127.0.0.1:" + port + "/api/documents/" + doc + "/export")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofByteArray());

    assertThat(r.statusCode()).isEqualTo(200);
    // Written whole before it is sent: its length is known, so a browser shows progress.
    assertThat(r.headers().firstValue("Content-Length")).hasValue(Integer.toString(r.body().length));
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
    assertThat(r.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"" + doc + ".pledgepad-history\"");
    Map<String, String> entries = entries(r.body());
    assertThat(entries).containsOnlyKeys("updates.bin", "snapshots.bin", "erasures.json", "manifest.json");
    assertThat(entries).isEqualTo(entries(histories.export(doc)));
    java.nio.file.Path file = keyDir.resolve("streamed.pledgepad-history");
    java.nio.file.Files.write(file, r.body());
    var out = new java.io.ByteArrayOutputStream();
    int status = org.pledgepad.history.VerifyCommand.run(new String[] {"verify", file.toString()},
        new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8), System.err);
    assertThat(status).as(out.toString(java.nio.charset.StandardCharsets.UTF_8)).isZero();
    assertThat(HistoryExport.read(new ByteArrayInputStream(r.body())).snapshots()).hasSize(1);
  }

  @Test
  void anExportWhoseReceiverFailsStopsWithItsErrorAndTheNextOneIsWhole() throws Exception {
    java.io.IOException gone = new java.io.IOException("client went away");
    java.io.OutputStream leaving = new java.io.OutputStream() {
      @Override
      public void write(int b) throws java.io.IOException {
        throw gone;
      }
    };
    assertThatThrownBy(() -> histories.export(doc, leaving)).isSameAs(gone);
    var exported = HistoryExport.read(new ByteArrayInputStream(histories.export(doc)));
    assertThat(exported.rows()).hasSize(3);
  }

  /** Name → content (Base64) of every zip entry, so two exports compare entry by entry. */
  private static Map<String, String> entries(byte[] export) throws java.io.IOException {
    Map<String, String> out = new java.util.TreeMap<>();
    try (var zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(export))) {
      for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        out.put(e.getName(), java.util.Base64.getEncoder().encodeToString(zip.readAllBytes()));
      }
    }
    return out;
  }

  @Test
  void theExportCarriesEverySnapshotAndItsOfflineCheckNamesAForgedOne() throws Exception {
    Doc d = new Doc();
    for (var row : DocumentHistories.sql(() -> histories.db().rows(doc, 0, Long.MAX_VALUE))) {
      Y.applyUpdate(d, row.update());
    }
    byte[] forged = null;
    for (String w : new String[] {" Sofort.", " Mit Beleuchtung.", " Und Bänken."}) {
      byte[] sv = Y.encodeStateVector(d);
      d.getText("default").insert(d.getText("default").length(), w);
      long seq = await(store.append(doc, List.of(new NewUpdate(Y.encodeStateAsUpdate(d, sv), "anna", "c-anna")))).get(0);
      await(store.writeSnapshot(doc, seq, Y.encodeStateAsUpdate(d)));
      if (seq == 5) {
        forged = HistoryTamperContract.forgedState(d, "Keine ");
      }
    }
    var intact = HistoryExport.read(new ByteArrayInputStream(histories.export(doc)));
    assertThat(intact.snapshots()).extracting(org.pledgepad.history.StoredSnapshot::seq).containsExactly(4L, 5L, 6L);
    assertThat(intact.verifier(intact.publicKeys()).verify(intact.rows()).snapshotsChecked()).isEqualTo(3);

    histories.db().replaceSnapshot(doc, 5, forged);
    var online = histories.verify(doc);
    assertThat(online.first()).map(p -> p.kind() + " " + p.seq()).contains("SNAPSHOT_MISMATCH 5");
    var exported = HistoryExport.read(new ByteArrayInputStream(histories.export(doc)));
    var offline = exported.verifier(exported.publicKeys()).verify(exported.rows());
    assertThat(offline.first()).map(p -> p.kind() + " " + p.seq()).contains("SNAPSHOT_MISMATCH 5");
  }

  @Test
  void verifyReadsTheSnapshotsFromItsReadTransactionOneByOne() throws Exception {
    Doc d = new Doc();
    for (var row : DocumentHistories.sql(() -> histories.db().rows(doc, 0, Long.MAX_VALUE))) {
      Y.applyUpdate(d, row.update());
    }
    for (String w : new String[] {" Sofort.", " Mit Beleuchtung."}) {
      byte[] sv = Y.encodeStateVector(d);
      d.getText("default").insert(d.getText("default").length(), w);
      long seq = await(store.append(doc, List.of(new NewUpdate(Y.encodeStateAsUpdate(d, sv), "anna", "c-anna")))).get(0);
      await(store.writeSnapshot(doc, seq, Y.encodeStateAsUpdate(d)));
    }
    // Inside the transaction they come one by one in seq order; handed out of it, nothing can
    // read them any more: they were never all in memory (review 2026-11-30, History item 2).
    List<Long> seqs = histories.db().readLog(doc, log -> {
      List<Long> out = new java.util.ArrayList<>();
      log.snapshots().forEach(s -> out.add(s.seq()));
      return out;
    });
    assertThat(seqs).containsExactly(4L, 5L);
    Iterable<org.pledgepad.history.StoredSnapshot> escaped = histories.db().readLog(doc, LogState::snapshots);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> escaped.iterator().hasNext())
        .isInstanceOf(java.io.UncheckedIOException.class);
    assertThat(histories.verify(doc).snapshotsChecked()).isEqualTo(2);
  }

  /**
   * Verify and export read the log a page at a time from their read transaction, so their memory
   * does not grow with the log: more rows than the first page holds come in seq order, the same
   * on a second pass (the export makes two), and cannot be read once the transaction is over.
   */
  @Test
  void theLogIsReadInPagesFromTheReadTransaction() throws Exception {
    Doc d = new Doc();
    for (var row : DocumentHistories.sql(() -> histories.db().rows(doc, 0, Long.MAX_VALUE))) {
      Y.applyUpdate(d, row.update());
    }
    int more = HistoryDb.FIRST_PAGE_ROWS + 44;
    List<NewUpdate> typed = new java.util.ArrayList<>();
    for (int i = 0; i < more; i++) {
      byte[] sv = Y.encodeStateVector(d);
      d.getText("default").insert(d.getText("default").length(), i % 10 == 9 ? " " : "x");
      typed.add(new NewUpdate(Y.encodeStateAsUpdate(d, sv), "anna", "c-anna"));
    }
    await(store.append(doc, typed));
    int rows = 3 + more;

    List<List<Long>> passes = histories.db().readLog(doc, log -> {
      List<List<Long>> out = new java.util.ArrayList<>();
      for (int pass = 0; pass < 2; pass++) {
        List<Long> seqs = new java.util.ArrayList<>();
        log.rows().forEach(r -> seqs.add(r.seq()));
        out.add(seqs);
      }
      return out;
    });
    List<Long> expected = java.util.stream.LongStream.rangeClosed(1, rows).boxed().toList();
    assertThat(passes).containsExactly(expected, expected);
    Iterable<org.pledgepad.history.LogRow> escaped = histories.db().readLog(doc, LogState::rows);
    assertThatThrownBy(() -> escaped.iterator().hasNext()).isInstanceOf(java.io.UncheckedIOException.class);

    var report = histories.verify(doc);
    assertThat(report.ok()).isTrue();
    assertThat(report.rowsChecked()).isEqualTo(rows);
    var exported = HistoryExport.read(new ByteArrayInputStream(histories.export(doc)));
    assertThat(exported.rows()).hasSize(rows);
    assertThat(exported.verifier(exported.publicKeys()).verify(exported.rows()).ok()).isTrue();
    assertThat(exported.rows().get(rows - 1).update()).isEqualTo(typed.get(more - 1).update());
  }

  @Test
  void aPageHoldsAboutFourMebibytesHoweverLargeTheRows() {
    java.util.function.IntFunction<List<org.pledgepad.history.LogRow>> page = size -> List.of(
        new org.pledgepad.history.LogRow(doc, 1, 0, "anna", "c", new byte[16], new byte[size], new byte[32], new byte[32]));
    assertThat(HistoryDb.nextPageRows(page.apply(0))).isEqualTo(HistoryDb.MAX_PAGE_ROWS);
    assertThat(HistoryDb.nextPageRows(page.apply(30))).isEqualTo(7913); // a typed character's row
    assertThat(HistoryDb.nextPageRows(page.apply(64 << 10))).isEqualTo(63);
    assertThat(HistoryDb.nextPageRows(page.apply(8 << 20))).isEqualTo(1);
  }

  @Test
  void verifyAndExportStayCleanWhileTheDocumentIsEdited() throws Exception {
    DocumentHistories signing = new DocumentHistories(HistoryDb.of(config()), CheckpointKey.loadOrCreate(keyDir));
    Doc d = new Doc();
    for (var row : DocumentHistories.sql(() -> histories.db().rows(doc, 0, Long.MAX_VALUE))) {
      Y.applyUpdate(d, row.update());
    }
    // Appends, a snapshot and checkpoints commit while verification and export read.
    java.util.concurrent.CompletableFuture<Void> editing = java.util.concurrent.CompletableFuture.runAsync(() -> {
      for (int i = 0; i < 120; i++) {
        byte[] sv = Y.encodeStateVector(d);
        d.getText("default").insert(d.getText("default").length(), " w" + i);
        long seq = await(store.append(doc, List.of(new NewUpdate(Y.encodeStateAsUpdate(d, sv), "anna", "c-anna")))).get(0);
        if (i == 60) {
          await(store.writeSnapshot(doc, seq, Y.encodeStateAsUpdate(d)));
        }
        if (i % 3 == 0) {
          signing.checkpoint(List.of(doc));
        }
      }
    });
    int rounds = 0;
    while (!editing.isDone() || rounds == 0) {
      var online = signing.verify(doc);
      assertThat(online.ok()).as("round %d: %s", rounds, online.first()).isTrue();
      var exported = HistoryExport.read(new ByteArrayInputStream(signing.export(doc)));
      var offline = exported.verifier(exported.publicKeys()).verify(exported.rows());
      assertThat(offline.ok()).as("export, round %d: %s", rounds, offline.first()).isTrue();
      rounds++;
    }
    editing.get();
    assertThat(signing.verify(doc).ok()).isTrue();
    assertThat(signing.refusedHeads()).as("every honest head chains from the checkpoint before it").isZero();
  }

  private long appendText(String actor, String connection, String text) {
    Doc d = new Doc();
    for (var row : DocumentHistories.sql(() -> histories.db().rows(doc, 0, Long.MAX_VALUE))) {
      Y.applyUpdate(d, row.update());
    }
    byte[] sv = Y.encodeStateVector(d);
    d.getText("default").insert(d.getText("default").length(), text);
    return await(store.append(doc, List.of(new NewUpdate(Y.encodeStateAsUpdate(d, sv), actor, connection)))).get(0);
  }

  @Test
  void overviewIsCachedUntilHeadNamesOrRestoresChange() throws Exception {
    HistoryOverview first = histories.overview(doc, 3);
    assertThat(histories.overview(doc, 3)).isSameAs(first);
    assertThat(first.revisions()).extracting(r -> r.toSeq()).contains(3L);

    histories.db().addNamed(doc, new NamedVersion(2, "Fassung 1", "anna", 1_764_300_000_000L));
    HistoryOverview named = histories.overview(doc, 3);
    assertThat(named).isNotSameAs(first);
    assertThat(named.named()).extracting(NamedVersion::name).containsExactly("Fassung 1");

    long seq = appendText("carla", "c-carla", " Sofort.");
    HistoryOverview moved = histories.overview(doc, seq);
    assertThat(moved.head()).isEqualTo(seq);
    assertThat(moved.revisions().get(moved.revisions().size() - 1).toSeq()).isEqualTo(seq);
    assertThat(histories.overview(doc, seq)).isSameAs(moved);
  }

  /**
   * The overview after an edit replays only the rows logged since (the grouping is kept with its
   * replay); it must be what a server that never saw the document before computes.
   */
  @Test
  void anOverviewAfterMoreEditsIsWhatAFreshServerComputes() throws Exception {
    histories.overview(doc, 3);
    long seq = 3;
    String[][] turns = {{"ben", " Sofort"}, {"anna", " und"}, {"ben", " überall."}, {"carla", " Mit Licht."}};
    for (String[] t : turns) {
      seq = appendText(t[0], "c-" + t[0], t[1]);
      assertThat(histories.overview(doc, seq).revisions())
          .isEqualTo(new DocumentHistories(HistoryDb.of(config()), key()).overview(doc, seq).revisions());
    }
    histories.db().addNamed(doc, new NamedVersion(4, "Fassung 1", "anna", 1_764_300_000_000L));
    assertThat(histories.overview(doc, seq).revisions())
        .isEqualTo(new DocumentHistories(HistoryDb.of(config()), key()).overview(doc, seq).revisions());
    // Anna and Ben took turns within a minute: one revision with both; Carla came later.
    assertThat(histories.overview(doc, seq).revisions()).extracting(r -> r.actors())
        .contains(List.of("anna", "ben"));
  }

  /**
   * Readers opening the history page at once share one verification of the document instead of
   * running one each; a request after it ended verifies anew.
   */
  @Test
  void aVerificationAskedForWhileOneRunsTakesThatOnesReport() throws Exception {
    var started = new java.util.concurrent.CountDownLatch(1);
    var release = new java.util.concurrent.CountDownLatch(1);
    var runs = new java.util.concurrent.atomic.AtomicInteger();
    histories.beforeSharedVerification = () -> {
      runs.incrementAndGet();
      started.countDown();
      try {
        release.await(30, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
    var reports = new java.util.concurrent.ConcurrentHashMap<String, org.pledgepad.history.VerificationReport>();
    Thread first = new Thread(() -> reports.put("first", histories.verifyShared(doc)));
    first.start();
    assertThat(started.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    Thread second = new Thread(() -> reports.put("second", histories.verifyShared(doc)));
    second.start();
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    while (second.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(second.getState()).isEqualTo(Thread.State.WAITING); // joined the running one
    release.countDown();
    first.join(30_000);
    second.join(30_000);
    assertThat(runs.get()).isEqualTo(1);
    assertThat(reports.get("first").ok()).isTrue();
    assertThat(reports.get("second")).isSameAs(reports.get("first"));
    assertThat(histories.verifyShared(doc).ok()).isTrue();
    assertThat(runs.get()).isEqualTo(2);
  }

  @Test
  void aRestorePointNotWrittenAfterTheCommitIsRecoveredFromTheLogNote() throws Exception {
    histories.overview(doc, 3); // cached before the restore, as on a running server
    // The restore's row commits with its note; the server stops before writing restore_points.
    long seq = appendText("mod", LogNote.restore(1, "mod"), " (wiederhergestellt)");
    assertThat(histories.db().restores(doc)).isEmpty();
    long rowTime = DocumentHistories.sql(() -> histories.db().rows(doc, seq - 1, seq)).get(0).timeMillis();

    HistoryOverview o = histories.overview(doc, seq);
    assertThat(o.restores()).containsExactly(new RestorePoint(seq, 1, "mod", rowTime));
    assertThat(histories.db().restores(doc)).containsExactly(new RestorePoint(seq, 1, "mod", rowTime));
    assertThat(o.revisions().get(o.revisions().size() - 1).restore()).isEqualTo(new RestorePoint(seq, 1, "mod", rowTime));
    // An index row written by the server itself is kept as it is.
    histories.db().addRestoreIfMissing(doc, new RestorePoint(seq, 1, "mod", rowTime + 7));
    assertThat(histories.db().restores(doc)).containsExactly(new RestorePoint(seq, 1, "mod", rowTime));
  }

  @Test
  void acceptedSuggestionNotesNameTheSuggesterBySubject() {
    long seq = appendText("editor-1", "accepted suggestion t-42 by u-clara", " Neu.");
    appendText("anna", "c-anna", "!");
    HistoryOverview o = histories.overview(doc, seq + 1);
    assertThat(o.acceptedSuggestions()).extracting(LogNote::seq).containsExactly(seq);
    assertThat(o.acceptedSuggestions().get(0).suggestion().orElseThrow().suggesterId()).isEqualTo("u-clara");
    assertThat(o.acceptedSuggestions().get(0).actor()).isEqualTo("editor-1");
  }

  @Test
  void erasingAPersonRedactsTheirVanishedTextKeepsWhatStandsAndStillVerifies() throws Exception {
    // ben types a private remark and deletes it again; a snapshot caught it while visible.
    long typed = appendText("ben", "c-ben", " Tel. 0561-123456");
    Doc d = new Doc();
    for (var row : DocumentHistories.sql(() -> histories.db().rows(doc, 0, Long.MAX_VALUE))) {
      Y.applyUpdate(d, row.update());
    }
    await(store.writeSnapshot(doc, typed, Y.encodeStateAsUpdate(d)));
    byte[] sv = Y.encodeStateVector(d);
    d.getText("default").delete(d.getText("default").length() - " Tel. 0561-123456".length(), " Tel. 0561-123456".length());
    long deleted = await(store.append(doc, List.of(new NewUpdate(Y.encodeStateAsUpdate(d, sv), "ben", "c-ben")))).get(0);
    await(store.writeSnapshot(doc, deleted, Y.encodeStateAsUpdate(d)));
    var annaBefore = DocumentHistories.sql(() -> histories.db().rows(doc, 0, Long.MAX_VALUE)).stream()
        .filter(r -> r.actor().equals("anna")).toList();
    String headText = histories.version(doc, deleted).text();
    assertThat(histories.verify(doc).ok()).isTrue();

    DocumentHistories.ErasureResult r = histories.erase(doc, "ben");
    assertThat(r.redacted()).isEqualTo(2);          // the remark and its deletion
    assertThat(r.kept()).isEqualTo(1);              // "mehr Radwege" stands in the text
    // Only the snapshot that caught the remark differs from the redacted replay; the one after
    // the deletion already holds none of it and is left as it is.
    assertThat(r.snapshotsRebuilt()).isEqualTo(1);

    var report = histories.verify(doc);
    assertThat(report.ok()).as(String.valueOf(report.first())).isTrue();
    assertThat(report.erasedRows()).isEqualTo(2);
    var exported = HistoryExport.read(new ByteArrayInputStream(histories.export(doc)));
    assertThat(exported.verifier(exported.publicKeys()).verify(exported.rows()).ok()).isTrue();
    assertThat(histories.version(doc, deleted).text()).isEqualTo(headText).contains("mehr Radwege");
    assertThat(histories.version(doc, typed).text()).doesNotContain("0561");
    for (var row : DocumentHistories.sql(() -> histories.db().rows(doc, 0, Long.MAX_VALUE))) {
      assertThat(new String(row.update(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("0561");
    }
    for (long s : List.of(typed, deleted)) {
      byte[] state = DocumentHistories.sql(() -> histories.db().snapshot(doc, s)).state();
      assertThat(new String(state, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("0561");
    }
    // Other people's rows are untouched, byte for byte.
    var annaAfter = DocumentHistories.sql(() -> histories.db().rows(doc, 0, Long.MAX_VALUE)).stream()
        .filter(x -> x.actor().equals("anna")).toList();
    assertThat(annaAfter).hasSameSizeAs(annaBefore);
    for (int i = 0; i < annaAfter.size(); i++) {
      assertThat(annaAfter.get(i).salt()).isEqualTo(annaBefore.get(i).salt());
      assertThat(annaAfter.get(i).update()).isEqualTo(annaBefore.get(i).update());
    }
    // Idempotent.
    DocumentHistories.ErasureResult again = histories.erase(doc, "ben");
    assertThat(again.redacted()).isZero();
    assertThat(again.kept()).isEqualTo(1);
    assertThat(histories.verify(doc).ok()).isTrue();
    assertThat(histories.db().editsOf("ben")).filteredOn(e -> e.document().equals(doc))
        .extracting(HistoryDb.Edit::erased).containsExactly(false, true, true);
  }

  @Test
  void anErasureStoppedBeforeItsSnapshotsWereRebuiltIsFinishedByRunningItAgain() throws Exception {
    long typed = appendText("ben", "c-ben", " Tel. 0561-123456");
    Doc d = new Doc();
    for (var row : DocumentHistories.sql(() -> histories.db().rows(doc, 0, Long.MAX_VALUE))) {
      Y.applyUpdate(d, row.update());
    }
    byte[] caught = Y.encodeStateAsUpdate(d);
    await(store.writeSnapshot(doc, typed, caught));
    byte[] sv = Y.encodeStateVector(d);
    d.getText("default").delete(d.getText("default").length() - " Tel. 0561-123456".length(), " Tel. 0561-123456".length());
    await(store.append(doc, List.of(new NewUpdate(Y.encodeStateAsUpdate(d, sv), "ben", "c-ben"))));

    assertThat(histories.erase(doc, "ben").redacted()).isEqualTo(2);
    // The run stopped after the rows were redacted, before the snapshot was rewritten.
    DocumentHistories.sql(() -> {
      histories.db().replaceSnapshot(doc, typed, caught);
      return null;
    });
    assertThat(histories.verify(doc).ok()).isFalse();

    DocumentHistories.ErasureResult again = histories.erase(doc, "ben");
    assertThat(again.redacted()).isZero();
    assertThat(again.snapshotsRebuilt()).isPositive();
    byte[] state = DocumentHistories.sql(() -> histories.db().snapshot(doc, typed)).state();
    assertThat(new String(state, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("0561");
    assertThat(histories.version(doc, typed).text()).doesNotContain("0561");
    var report = histories.verify(doc);
    assertThat(report.ok()).as(String.valueOf(report.first())).isTrue();
    // Once finished, a further run finds nothing left to rewrite.
    assertThat(histories.erase(doc, "ben").snapshotsRebuilt()).isZero();
  }

  @Test
  void erasureRewritesSuggestionNotesThatNamedThePerson() throws Exception {
    long seq = appendText("editor-1", "accepted suggestion t-9 by Ben Beispiel", " Neu.");
    assertThat(histories.rewriteLegacyNotes(doc, "u-ben", "Ben Beispiel", id -> Optional.empty())).isEqualTo(1);
    assertThat(histories.rewriteLegacyNotes(doc, "u-ben", "Ben Beispiel", id -> Optional.empty())).isZero();
    assertThat(DocumentHistories.sql(() -> histories.db().rows(doc, seq - 1, seq)).get(0).connectionId())
        .isEqualTo("accepted suggestion t-9 by u-ben");
    assertThat(histories.verify(doc).ok()).isTrue();
  }

  @Test
  void aNamesakesSuggestionNoteIsNotRewrittenToThePersonErased() throws Exception {
    long hers = appendText("editor-1", "accepted suggestion t-1 by Eva Roth", " Eins.");
    long namesakes = appendText("editor-1", "accepted suggestion t-2 by Eva Roth", " Zwei.");
    long unknown = appendText("editor-1", "accepted suggestion t-3 by Eva Roth", " Drei.");
    var suggesters = java.util.Map.of("t-1", "u-eva", "t-2", "u-eva-2");
    assertThat(histories.rewriteLegacyNotes(doc, "u-eva", "Eva Roth", id -> Optional.ofNullable(suggesters.get(id))))
        .isEqualTo(2);
    assertThat(DocumentHistories.sql(() -> histories.db().rows(doc, hers - 1, unknown)))
        .extracting(r -> r.connectionId()).containsExactly("accepted suggestion t-1 by u-eva",
            "accepted suggestion t-2 by Eva Roth", "accepted suggestion t-3 by u-eva");
    assertThat(namesakes).isEqualTo(hers + 1);
  }

  @Test
  void anAcceptedSuggestionThatWasDeletedAgainIsErasedWithItsSuggester() throws Exception {
    long accepted = appendText("editor-1", "accepted suggestion t-7 by u-clara", " Hauptstr. 5");
    long stands = appendText("editor-1", "accepted suggestion t-8 by u-clara", " Bleibt.");
    Doc d = new Doc();
    for (var row : DocumentHistories.sql(() -> histories.db().rows(doc, 0, Long.MAX_VALUE))) {
      Y.applyUpdate(d, row.update());
    }
    byte[] sv = Y.encodeStateVector(d);
    String text = d.getText("default").toString();
    d.getText("default").delete(text.indexOf(" Hauptstr. 5"), " Hauptstr. 5".length());
    await(store.append(doc, List.of(new NewUpdate(Y.encodeStateAsUpdate(d, sv), "editor-1", "c-editor"))));

    assertThat(histories.db().documentsOf("u-clara")).contains(doc);
    assertThat(histories.db().editsOf("u-clara")).filteredOn(e -> e.document().equals(doc))
        .extracting(HistoryDb.Edit::seq, HistoryDb.Edit::suggestion)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(accepted, "t-7"), org.assertj.core.groups.Tuple.tuple(stands, "t-8"));
    DocumentHistories.ErasureResult r = histories.erase(doc, "u-clara");
    assertThat(r.redacted()).isEqualTo(1);
    assertThat(r.kept()).isEqualTo(1);
    assertThat(histories.version(doc, accepted).text()).doesNotContain("Hauptstr");
    assertThat(histories.version(doc, stands + 1).text()).endsWith("Bleibt.");
    assertThat(histories.verify(doc).ok()).isTrue();
  }

  /** Appends the update that deletes {@code text} (its first occurrence) from the document, as {@code actor}. */
  private long appendDeletion(String actor, String text) {
    Doc d = new Doc();
    for (var row : DocumentHistories.sql(() -> histories.db().rows(doc, 0, Long.MAX_VALUE))) {
      Y.applyUpdate(d, row.update());
    }
    byte[] sv = Y.encodeStateVector(d);
    d.getText("default").delete(d.getText("default").toString().indexOf(text), text.length());
    return await(store.append(doc, List.of(new NewUpdate(Y.encodeStateAsUpdate(d, sv), actor, "c-" + actor)))).get(0);
  }

  /** Whether any stored row or snapshot of the document, or any row of its export, holds {@code text}. */
  private boolean anywhere(String text) throws Exception {
    java.util.function.Predicate<byte[]> holds =
        b -> b != null && new String(b, java.nio.charset.StandardCharsets.UTF_8).contains(text);
    boolean inRows = DocumentHistories.sql(() -> histories.db().rows(doc, 0, Long.MAX_VALUE)).stream()
        .anyMatch(r -> holds.test(r.update()));
    boolean inSnapshots = false;
    for (long seq : histories.db().snapshotSeqs(doc)) {
      inSnapshots |= holds.test(histories.db().snapshot(doc, seq).state());
    }
    var exported = HistoryExport.read(new ByteArrayInputStream(histories.export(doc)));
    return inRows || inSnapshots || exported.rows().stream().anyMatch(r -> holds.test(r.update()));
  }

  /** verify EXPORT: the export checked offline against the keys it carries. */
  private void assertTheExportVerifiesOffline() throws Exception {
    var exported = HistoryExport.read(new ByteArrayInputStream(histories.export(doc)));
    var offline = exported.verifier(exported.publicKeys()).verify(exported.rows());
    assertThat(offline.ok()).as(String.valueOf(offline.first())).isTrue();
  }

  /** The document after row {@code seq}, replayed from the stored rows. */
  private Doc replayed(long seq) {
    Doc d = new Doc();
    for (var row : DocumentHistories.sql(() -> histories.db().rows(doc, 0, seq))) {
      Y.applyUpdate(d, row.update());
    }
    return d;
  }

  @Test
  void aRowThatStandsInPartLosesItsDeletedTextAndKeepsWhatStands() throws Exception {
    long typed = appendText("ben", "c-ben", " Meine Adresse: Hauptstr. 5. Auch Radwege.");
    long deleted = appendDeletion("anna", " Meine Adresse: Hauptstr. 5.");
    await(store.writeSnapshot(doc, typed, Y.encodeStateAsUpdate(replayed(typed))));
    await(store.writeSnapshot(doc, deleted, Y.encodeStateAsUpdate(replayed(deleted))));
    String standing = histories.version(doc, deleted).text();
    assertThat(standing).isEqualTo("Wir fordern mehr Radwege in Kassel. Auch Radwege.");
    assertThat(anywhere("Hauptstr")).isTrue();

    DocumentHistories.ErasureResult r = histories.erase(doc, "ben");

    // Before partial redaction the row counted as standing ("Auch Radwege." stands) and kept the address.
    assertThat(r.redacted()).isEqualTo(1);
    assertThat(anywhere("Hauptstr")).isFalse();
    assertThat(histories.version(doc, deleted).text()).isEqualTo(standing);
    assertThat(replayed(deleted).getText("default").toString()).isEqualTo(standing);
    assertThat(histories.version(doc, typed).text()).doesNotContain("Hauptstr").contains("Auch Radwege.");
    var report = histories.verify(doc);
    assertThat(report.ok()).as(String.valueOf(report.first())).isTrue();
    assertThat(report.erasedRows()).isEqualTo(1);
    assertTheExportVerifiesOffline();
    assertThat(histories.db().erasureRecords(doc)).singleElement()
        .extracting(org.pledgepad.history.ErasureRecord::asOf).isEqualTo(deleted);
    // Nothing more to erase while what it kept stands.
    assertThat(histories.erase(doc, "ben").redacted()).isZero();
    assertThat(histories.db().erasureRecords(doc)).hasSize(1);
  }

  @Test
  void whatAPartialErasureKeptIsErasedByTheNextRunOnceItIsDeleted() throws Exception {
    appendText("ben", "c-ben", " Meine Adresse: Hauptstr. 5. Auch Radwege.");
    appendDeletion("anna", " Meine Adresse: Hauptstr. 5.");
    histories.erase(doc, "ben");
    long deleted = appendDeletion("anna", " Auch Radwege.");
    // Deleted after the head the record names: still verifies until the erasure runs again.
    var between = histories.verify(doc);
    assertThat(between.ok()).as(String.valueOf(between.first())).isTrue();
    assertThat(anywhere("Auch Radwege")).isTrue();

    assertThat(histories.erase(doc, "ben").redacted()).isEqualTo(1);

    assertThat(anywhere("Auch Radwege")).isFalse();
    assertThat(histories.version(doc, deleted).text()).isEqualTo("Wir fordern mehr Radwege in Kassel.");
    var after = histories.verify(doc);
    assertThat(after.ok()).as(String.valueOf(after.first())).isTrue();
    assertThat(histories.db().erasureRecords(doc)).extracting(org.pledgepad.history.ErasureRecord::asOf)
        .containsExactly(deleted - 1, deleted);
  }

  /** A moderator restores version {@code target} as the server logs it: under the moderator, with the restore note. */
  private long restore(long target) {
    long head = histories.headSeq(doc);
    byte[] update = histories.restoreUpdate(doc, head, target);
    return await(store.append(doc, List.of(new NewUpdate(update, "mod", LogNote.restore(target, "mod"))))).get(0);
  }

  @Test
  void textARestoreTypedAgainIsErasedOnceItIsDeletedAgain() throws Exception {
    long typed = appendText("ben", "c-ben", " Tel. 0561-123456");
    appendDeletion("anna", " Tel. 0561-123456");
    long restored = restore(typed);
    assertThat(histories.version(doc, restored).text()).endsWith("in Kassel. Tel. 0561-123456");
    long deleted = appendDeletion("anna", " Tel. 0561-123456");
    await(store.writeSnapshot(doc, restored, Y.encodeStateAsUpdate(replayed(restored))));
    String standing = histories.version(doc, deleted).text();

    histories.erase(doc, "ben");

    // Before, ben's own row was redacted, the moderator's restore kept the number.
    assertThat(anywhere("0561")).isFalse();
    assertThat(histories.version(doc, restored).text()).doesNotContain("0561");
    assertThat(histories.version(doc, deleted).text()).isEqualTo(standing);
    var report = histories.verify(doc);
    assertThat(report.ok()).as(String.valueOf(report.first())).isTrue();
    assertThat(report.erasedRows()).isEqualTo(2);
    assertTheExportVerifiesOffline();
  }

  @Test
  void textARestoreTypedAgainThatStillStandsIsKept() throws Exception {
    long typed = appendText("ben", "c-ben", " Tel. 0561-123456");
    appendDeletion("anna", " Tel. 0561-123456");
    long restored = restore(typed);

    assertThat(histories.erase(doc, "ben").redacted()).isEqualTo(1); // his own row: its text is deleted

    assertThat(histories.version(doc, restored).text()).endsWith("in Kassel. Tel. 0561-123456");
    assertThat(DocumentHistories.sql(() -> histories.db().rows(doc, restored - 1, restored))).singleElement()
        .satisfies(r -> assertThat(r.erased()).isFalse());
    assertThat(histories.verify(doc).ok()).isTrue();
  }

  /** ben types a remark and deletes it again: two rows of his that no longer stand. */
  private void benTypesAndDeletesARemark() {
    appendText("ben", "c-ben", " Tel. 0561-123456");
    Doc d = new Doc();
    for (var row : DocumentHistories.sql(() -> histories.db().rows(doc, 0, Long.MAX_VALUE))) {
      Y.applyUpdate(d, row.update());
    }
    byte[] sv = Y.encodeStateVector(d);
    d.getText("default").delete(d.getText("default").length() - " Tel. 0561-123456".length(), " Tel. 0561-123456".length());
    await(store.append(doc, List.of(new NewUpdate(Y.encodeStateAsUpdate(d, sv), "ben", "c-ben"))));
  }

  private static String erasuresJson(byte[] export) throws java.io.IOException {
    try (var zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(export))) {
      for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (e.getName().equals("erasures.json")) {
          return new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
      }
    }
    throw new AssertionError("export without erasures.json");
  }

  @Test
  void anErasureIsRecordedSignedAndWithoutThePersonsId() throws Exception {
    benTypesAndDeletesARemark();
    histories.erase(doc, "ben");
    var records = histories.db().erasureRecords(doc);
    assertThat(records).hasSize(1);
    var r = records.get(0);
    assertThat(r.index()).isEqualTo(1);
    assertThat(r.backfilled()).isFalse();
    assertThat(r.entries()).extracting(org.pledgepad.history.ErasureRecord.Entry::seq).containsExactly(4L, 5L);
    assertThat(org.pledgepad.history.CheckpointSigner.verify(r, doc, key().publicKeys().get(r.keyId()))).isTrue();
    assertThat(erasuresJson(histories.export(doc))).contains("\"seqs\":[4,5]").doesNotContain("ben");
    assertThat(histories.verify(doc).ok()).isTrue();
    // The checkpointer signs the head over erased rows: it checks the chain, verify the erasures.
    assertThat(histories.checkpoint(List.of(doc))).isEqualTo(1);
    assertThat(histories.refusedHeads()).isZero();
    assertThat(histories.verify(doc).checkpointsChecked()).isEqualTo(1);
    // Nothing left to erase: no further record.
    histories.erase(doc, "ben");
    assertThat(histories.db().erasureRecords(doc)).hasSize(1);
  }

  @Test
  void aRunStoppedAfterItsRecordVerifiesAndTheRepeatedRunRecordsWhatItErases() throws Exception {
    benTypesAndDeletesARemark();
    // The record committed, the server stopped before redacting any row.
    var rows = DocumentHistories.sql(() -> histories.db().rows(doc, 0, Long.MAX_VALUE));
    var listed = org.pledgepad.history.Erasure.redactable(rows, "ben").stream()
        .map(r -> org.pledgepad.history.ErasureRecord.Entry.of(r.eraseRedacted())).toList();
    histories.db().addErasureRecord(key().signer().signErasure(doc, null, 1, false, listed));
    var stopped = histories.verify(doc);
    assertThat(stopped.ok()).as(String.valueOf(stopped.first())).isTrue();
    assertThat(stopped.erasedRows()).isZero();

    assertThat(histories.erase(doc, "ben").redacted()).isEqualTo(2);
    assertThat(histories.db().erasureRecords(doc)).extracting(org.pledgepad.history.ErasureRecord::index)
        .containsExactly(1L, 2L);
    var finished = histories.verify(doc);
    assertThat(finished.ok()).as(String.valueOf(finished.first())).isTrue();
    assertThat(finished.erasedRows()).isEqualTo(2);
  }

  @Test
  void rowsErasedBeforeTheErasureLogAreBackfilledOnceAndLaterForgeriesAreNot() throws Exception {
    benTypesAndDeletesARemark();
    // What the previous version did: rows redacted, no record.
    var rows = DocumentHistories.sql(() -> histories.db().rows(doc, 0, Long.MAX_VALUE));
    for (var r : org.pledgepad.history.Erasure.redactable(rows, "ben")) {
      histories.db().eraseRow(doc, r.seq(), r.eraseRedacted().update(), 1_764_000_000_000L);
    }
    assertThat(histories.verify(doc).first().orElseThrow().kind())
        .isEqualTo(org.pledgepad.history.Problem.Kind.ERASURE_UNRECORDED);

    // The start that created the erasure log.
    assertThat(ErasureBackfill.atUpgrade(true, histories)).isPositive();
    var records = histories.db().erasureRecords(doc);
    assertThat(records).hasSize(1);
    assertThat(records.get(0).backfilled()).as("an auditor sees it was not written by the erasure").isTrue();
    var report = histories.verify(doc);
    assertThat(report.ok()).as(String.valueOf(report.first())).isTrue();
    assertThat(report.erasedRows()).isEqualTo(2);
    assertThat(report.backfilledErasures()).isEqualTo(2);
    assertThat(report.summary()).contains("2 erased rows (2 under a backfilled record)");

    // A row erased later without a record (SQL) is not signed over by another start, whatever
    // its data directory (the log exists: no start creates it again).
    long first = rows.get(0).seq();
    histories.db().eraseRow(doc, first, rows.get(2).update(), 1_764_000_000_001L);
    assertThat(ErasureBackfill.atUpgrade(false, histories)).isEqualTo(-1);
    assertThat(histories.db().erasureRecords(doc)).hasSize(1);
    assertThat(histories.verify(doc).first().orElseThrow())
        .extracting(org.pledgepad.history.Problem::kind, org.pledgepad.history.Problem::seq)
        .containsExactly(org.pledgepad.history.Problem.Kind.ERASURE_UNRECORDED, first);
  }
}
