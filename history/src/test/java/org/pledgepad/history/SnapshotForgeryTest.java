package org.pledgepad.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.DocOptions;
import org.pledgepad.crdt.Y;

/**
 * A forged snapshot between honest ones is found however it was forged (review 2026-11-30,
 * History item 2): here one that keeps the content, origins and right origins of every visible
 * character and only moves a deleted one — the visible text hanging on it moves along, so the
 * version read from that snapshot shows "YW" where the log says "WY".
 */
class SnapshotForgeryTest {
  @TempDir
  Path dir;

  private final List<LogRow> rows = new ArrayList<>();
  private final List<StoredSnapshot> honest = new ArrayList<>();
  private byte[] forged;

  SnapshotForgeryTest() {
    // The log: W by client 2; client 1 types X after it, then Y, then deletes X; then "!" at the end.
    Doc d = new Doc(new DocOptions().clientID(2));
    ChainBuilder chain = ChainBuilder.start(TestHistory.DOC);
    Runnable[] edits = {
        () -> d.getText("default").insert(0, "W"),
        () -> d.clientID = 1,
        () -> d.getText("default").insert(1, "X"),
        () -> d.getText("default").insert(2, "Y"),
        () -> d.getText("default").delete(1, 1),
        () -> d.getText("default").insert(2, "!"),
    };
    for (Runnable edit : edits) {
      byte[] sv = Y.encodeStateVector(d);
      edit.run();
      byte[] update = Y.encodeStateAsUpdate(d, sv);
      if (update.length > 2) {
        rows.add(chain.next(TestHistory.T0 + rows.size(), "anna", "c1", update));
        honest.add(new StoredSnapshot(rows.size(), Y.encodeStateAsUpdate(d)));
      }
    }
    assertThat(d.getText("default").toString()).isEqualTo("WY!");

    // The same characters, but X typed by client 1 at the start before it ever saw W: X and Y
    // keep their ids, Y its origin (X) and right origin (none), W stays as it was.
    Doc one = new Doc(new DocOptions().clientID(1));
    one.getText("default").insert(0, "XY");
    Doc f = new Doc(new DocOptions().clientID(3));
    Y.applyUpdate(f, Y.encodeStateAsUpdate(honestDocAfter(1)));
    Y.applyUpdate(f, Y.encodeStateAsUpdate(one));
    f.getText("default").delete(0, 1);
    assertThat(f.getText("default").toString()).isEqualTo("YW");
    forged = Y.encodeStateAsUpdate(f);
  }

  private Doc honestDocAfter(long seq) {
    Doc doc = new Doc();
    Y.applyUpdate(doc, honest.get((int) seq - 1).state());
    return doc;
  }

  /** Snapshots after every row, the one after row 4 (X deleted) replaced by the forgery. */
  private List<StoredSnapshot> snapshotsWithForgeryAt4() {
    assertThat(rows).hasSize(4 + 1);
    List<StoredSnapshot> out = new ArrayList<>(honest);
    out.set(3, new StoredSnapshot(4, forged));
    return out;
  }

  @Test
  void honestSnapshotsVerify() {
    VerificationReport r = new Verifier(TestHistory.DOC).snapshots(honest).verify(rows);
    assertThat(r.problems()).isEmpty();
    assertThat(r.snapshotsChecked()).isEqualTo(5);
  }

  @Test
  void aSnapshotThatMovesADeletedCharacterIsAMismatchAtItsSeq() {
    List<StoredSnapshot> snapshots = snapshotsWithForgeryAt4();
    // What a version read starting from it would show.
    assertThat(VersionReader.view(snapshots.get(3), rows, 4, ContentKind.TEXT).text()).isEqualTo("YW");

    VerificationReport r = new Verifier(TestHistory.DOC).snapshots(snapshots).verify(rows);
    assertThat(r.problems()).extracting(Problem::kind, Problem::seq)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Problem.Kind.SNAPSHOT_MISMATCH, 4L));
    assertThat(r.snapshotsChecked()).isEqualTo(4);
  }

  @Test
  void theOfflineVerifyOfAnExportNamesTheForgedSnapshot() throws Exception {
    Path file = dir.resolve("export.zip");
    Files.write(file, HistoryExport.toBytes(TestHistory.DOC, rows, List.of(), Map.of(), snapshotsWithForgeryAt4()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = VerifyCommand.run(new String[] {"verify", file.toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(status).as(text).isEqualTo(VerifyCommand.PROBLEM);
    assertThat(text).contains("first bad seq: 4").contains("SNAPSHOT_MISMATCH");
  }
}
