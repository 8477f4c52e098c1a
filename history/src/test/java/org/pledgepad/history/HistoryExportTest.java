package org.pledgepad.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryExportTest {
  static final KeyPair KEYS = CheckpointSigner.generateKeyPair();
  @TempDir Path dir;

  TestHistory h = TestHistory.random(7, 25);
  CheckpointSigner signer = new CheckpointSigner("k1", KEYS.getPrivate());
  Checkpoint cp = signer.sign(TestHistory.DOC, 25, h.chain.headHash(), 9);

  byte[] export(List<LogRow> rows) {
    return export(rows, List.of());
  }

  byte[] export(List<LogRow> rows, List<ErasureRecord> erasures) {
    return HistoryExport.toBytes(TestHistory.DOC, rows, List.of(cp), Map.of("k1", KEYS.getPublic()),
        List.of(new StoredSnapshot(12, h.stateAt(12))), erasures);
  }

  /** Rows 4 (plain tombstone) and 9 (redacted stand-in) erased, each by its own signed record. */
  List<ErasureRecord> eraseTwo(List<LogRow> rows) {
    rows.set(3, rows.get(3).erase());
    rows.set(8, rows.get(8).eraseRedacted());
    ErasureRecord first = signer.signErasure(TestHistory.DOC, null, 5, false, List.of(ErasureRecord.Entry.of(rows.get(3))));
    ErasureRecord second = signer.signErasure(TestHistory.DOC, first, 6, true, List.of(ErasureRecord.Entry.of(rows.get(8))));
    return List.of(first, second);
  }

  /**
   * The export reads its rows twice (updates, then manifest) instead of holding them: a log that
   * gave other rows the second time would make a file whose manifest and updates disagree.
   */
  @Test
  void rowsThatDifferOnTheSecondPassFailTheExport() {
    List<LogRow> rows = new ArrayList<>(h.rows);
    int[] passes = {0};
    Iterable<LogRow> shrinking = () -> (passes[0]++ == 0 ? rows : rows.subList(0, rows.size() - 1)).iterator();
    assertThatThrownBy(() -> HistoryExport.write(new ByteArrayOutputStream(), TestHistory.DOC, shrinking, List.of(),
        Map.of(), List.of(), List.of())).isInstanceOf(IOException.class).hasMessageContaining("changed while");
    int[] again = {0};
    Iterable<LogRow> twice = () -> {
      again[0]++;
      return rows.iterator();
    };
    byte[] file = HistoryExport.toBytes(TestHistory.DOC, twice, List.of(), Map.of(), List.of(), List.of());
    assertThat(again[0]).isEqualTo(2);
    assertThat(exportedRows(file)).isEqualTo(rows.size());
  }

  private static int exportedRows(byte[] file) {
    try {
      return HistoryExport.read(new ByteArrayInputStream(file)).rows().size();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * The server streams the file and, on an error after the first bytes, closes the connection:
   * whatever part a client kept must not read as an export. Every cut before the last entry
   * (manifest.json) is whole is refused; past it only the zip's central directory is missing.
   */
  @Test
  void anExportCutShortIsRefused() {
    byte[] whole = export(new ArrayList<>(h.rows));
    int directory = lastEntryEnd(whole);
    for (int cut = 0; cut < directory; cut++) {
      byte[] part = java.util.Arrays.copyOf(whole, cut);
      assertThatThrownBy(() -> HistoryExport.read(new ByteArrayInputStream(part))).as("cut at %d", cut)
          .isInstanceOf(IOException.class);
    }
  }

  /** Where the central directory starts (the end record, 22 bytes without a comment, says). */
  private static int lastEntryEnd(byte[] zip) {
    java.nio.ByteBuffer end = java.nio.ByteBuffer.wrap(zip, zip.length - 22, 22).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    assertThat(end.getInt(zip.length - 22)).as("end of central directory").isEqualTo(0x06054b50);
    return end.getInt(zip.length - 22 + 16);
  }

  @Test
  void roundTripKeepsEveryField() throws IOException {
    List<LogRow> rows = new ArrayList<>(h.rows);
    List<ErasureRecord> erasures = eraseTwo(rows);
    ExportedHistory e = HistoryExport.read(new ByteArrayInputStream(export(rows, erasures)));
    assertThat(e.doc()).isEqualTo(TestHistory.DOC);
    assertThat(e.rows()).hasSize(25);
    for (int i = 0; i < 25; i++) {
      LogRow a = rows.get(i);
      LogRow b = e.rows().get(i);
      assertThat(b.seq()).isEqualTo(a.seq());
      assertThat(b.timeMillis()).isEqualTo(a.timeMillis());
      assertThat(b.actor()).isEqualTo(a.actor());
      assertThat(b.connectionId()).isEqualTo(a.connectionId());
      assertThat(b.update()).isEqualTo(a.update());
      assertThat(b.salt()).isEqualTo(a.salt());
      assertThat(b.commitment()).isEqualTo(a.commitment());
      assertThat(b.hash()).isEqualTo(a.hash());
    }
    assertThat(e.checkpoints().get(0).signature()).isEqualTo(cp.signature());
    assertThat(e.snapshots().get(0).state()).isEqualTo(h.stateAt(12));
    assertThat(e.erasures()).hasSize(2);
    for (int i = 0; i < 2; i++) {
      ErasureRecord a = erasures.get(i);
      ErasureRecord b = e.erasures().get(i);
      assertThat(b.doc()).isEqualTo(a.doc());
      assertThat(b.index()).isEqualTo(a.index());
      assertThat(b.prev()).isEqualTo(a.prev());
      assertThat(b.timeMillis()).isEqualTo(a.timeMillis());
      assertThat(b.keyId()).isEqualTo(a.keyId());
      assertThat(b.backfilled()).isEqualTo(a.backfilled());
      assertThat(b.entries()).extracting(ErasureRecord.Entry::seq)
          .containsExactlyElementsOf(a.entries().stream().map(ErasureRecord.Entry::seq).toList());
      assertThat(b.entries().get(0).standin()).isEqualTo(a.entries().get(0).standin());
      assertThat(b.signature()).isEqualTo(a.signature());
    }
    VerificationReport r = e.verifier(Map.of("k1", KEYS.getPublic())).verify(e.rows());
    assertThat(r.problems()).isEmpty();
    assertThat(r.erasedRows()).isEqualTo(2);
  }

  @Test
  void verifyCommandNamesARowForgedAsErasedInAnExport() throws IOException {
    List<LogRow> rows = new ArrayList<>(h.rows);
    List<ErasureRecord> erasures = eraseTwo(rows);
    // Salt dropped and any update put in its place, without a record: what SQL alone can do.
    rows.set(14, new LogRow(TestHistory.DOC, 15, rows.get(14).timeMillis(), rows.get(14).actor(),
        rows.get(14).connectionId(), null, rows.get(2).update(), rows.get(14).commitment(), rows.get(14).hash()));
    Path f = dir.resolve("forged.zip");
    Files.write(f, export(rows, erasures));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String key = "k1=" + Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    int code = VerifyCommand.run(new String[] {"verify", f.toString(), "--key", key}, new PrintStream(out), System.err);
    assertThat(code).isEqualTo(VerifyCommand.PROBLEM);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("first bad seq: 15").contains("ERASURE_UNRECORDED");
  }

  @Test
  void anOlderExportWithoutErasureRecordsStillReadsAndItsErasedRowsAreUnrecorded() throws IOException {
    List<LogRow> rows = new ArrayList<>(h.rows);
    List<ErasureRecord> erasures = eraseTwo(rows);
    byte[] older = withoutEntry(export(rows, erasures), HistoryExport.ERASURES);
    ExportedHistory e = HistoryExport.read(new ByteArrayInputStream(older));
    assertThat(e.erasures()).isEmpty();
    VerificationReport r = e.verifier(Map.of("k1", KEYS.getPublic())).verify(e.rows());
    assertThat(r.problems()).extracting(Problem::kind, Problem::seq).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Problem.Kind.ERASURE_UNRECORDED, 4L),
        org.assertj.core.groups.Tuple.tuple(Problem.Kind.ERASURE_UNRECORDED, 9L));
    assertThat(r.rowsChecked()).as("the chain itself still verifies to the end").isEqualTo(25);
  }

  /** The same zip without one entry, as an export written before that entry existed. */
  static byte[] withoutEntry(byte[] zip, String name) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip));
         var z = new java.util.zip.ZipOutputStream(out)) {
      for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        if (!entry.getName().equals(name)) {
          z.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
          z.write(in.readAllBytes());
          z.closeEntry();
        }
      }
    }
    return out.toByteArray();
  }

  @Test
  void verifyCommandExitsZeroForAnIntactExport() throws IOException {
    Path f = dir.resolve("ok.zip");
    Files.write(f, export(h.rows));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String key = "k1=" + Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    int code = VerifyCommand.run(new String[] {"verify", f.toString(), "--key", key}, new PrintStream(out), System.err);
    assertThat(code).isEqualTo(VerifyCommand.OK);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("OK: 25 rows");
  }

  @Test
  void verifyCommandPrintsTheFirstBadSeqAndExitsNonZero() throws IOException {
    List<LogRow> rows = new ArrayList<>(h.rows);
    rows.set(17, rows.get(17).withActor("mallory"));
    Path f = dir.resolve("bad.zip");
    Files.write(f, export(rows));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = VerifyCommand.run(new String[] {"verify", f.toString()}, new PrintStream(out), System.err);
    assertThat(code).isEqualTo(VerifyCommand.PROBLEM);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("first bad seq: 18").contains("HASH_MISMATCH");
  }

  @Test
  void verifyCommandRejectsAMissingFile() {
    int code = VerifyCommand.run(new String[] {"verify", dir.resolve("none.zip").toString()},
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
    assertThat(code).isEqualTo(VerifyCommand.USAGE);
  }

  @Test
  void garbageIsNotAnExport() {
    assertThatThrownBy(() -> HistoryExport.read(new ByteArrayInputStream(new byte[] {1, 2, 3})))
        .isInstanceOf(IOException.class);
  }

  @Test
  void verifyCommandDetectsATruncatedExportAgainstAPublishedHead() throws IOException {
    Path f = dir.resolve("cut.zip");
    Files.write(f, HistoryExport.toBytes(TestHistory.DOC, h.rows.subList(0, 20), List.of(), Map.of(), List.of()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String head = "25:" + Hashes.hex(h.chain.headHash());
    int code = VerifyCommand.run(new String[] {"verify", f.toString(), "--head", head}, new PrintStream(out), System.err);
    assertThat(code).isEqualTo(VerifyCommand.PROBLEM);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("TRUNCATED").contains("first bad seq: 21");
  }

  @Test
  void verifyCommandWithoutAFileIsAUsageError() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThat(VerifyCommand.run(new String[] {"verify"}, System.out, new PrintStream(err))).isEqualTo(VerifyCommand.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: verify EXPORT_FILE");
  }
}
