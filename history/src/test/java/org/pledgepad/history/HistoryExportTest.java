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
  Checkpoint cp = new CheckpointSigner("k1", KEYS.getPrivate()).sign(TestHistory.DOC, 25, h.chain.headHash(), 9);

  byte[] export(List<LogRow> rows) {
    return HistoryExport.toBytes(TestHistory.DOC, rows, List.of(cp), Map.of("k1", KEYS.getPublic()),
        List.of(new StoredSnapshot(12, h.stateAt(12))));
  }

  @Test
  void roundTripKeepsEveryField() throws IOException {
    List<LogRow> rows = new ArrayList<>(h.rows);
    rows.set(3, rows.get(3).erase());
    ExportedHistory e = HistoryExport.read(new ByteArrayInputStream(export(rows)));
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
    assertThat(e.verifier(Map.of("k1", KEYS.getPublic())).verify(e.rows()).ok()).isTrue();
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
