package org.pledgepad.history.bench;

import java.util.ArrayList;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import org.pledgepad.history.CheckpointSigner;
import org.pledgepad.history.Erasure;
import org.pledgepad.history.ErasureRecord;
import org.pledgepad.history.LogRow;
import org.pledgepad.history.StoredSnapshot;
import org.pledgepad.history.VerificationReport;
import org.pledgepad.history.Verifier;

/**
 * Erasing the B4 log's one author (GDPR Art. 17, history/README.md "Erasure policy"): finding the
 * rows whose content no longer stands, redacting them, rebuilding the snapshots (every 1000
 * rows) — printed beside the peer measured in the same run, verifying chain + replay of the
 * original log, which an erasure must be followed by anyway.
 *
 * <p>Run: {@code java -Xmx6g -cp history/target/classes:history/target/test-classes:CRDT_JAR
 * org.pledgepad.history.bench.ErasureBenchmark [trace.json.gz]}
 */
public final class ErasureBenchmark {
  public static void main(String[] args) throws Exception {
    List<LogRow> rows = new B4History(B4History.path(args)).rows;
    List<Long> snapshotSeqs = new ArrayList<>();
    for (long s = 1000; s <= rows.size(); s += 1000) {
      snapshotSeqs.add(s);
    }
    System.out.println("B4 log: " + rows.size() + " rows, one author, snapshots every 1000 rows");

    long a = System.nanoTime();
    VerificationReport peer = new Verifier(rows.get(0).doc()).verify(rows);
    System.out.printf("peer: verify chain + replay of the original log: %.0f ms (ok=%s)%n", ms(a), peer.ok());

    a = System.nanoTime();
    List<LogRow> redactable = Erasure.redactable(rows, "author");
    double plan = ms(a);
    a = System.nanoTime();
    List<LogRow> after = new ArrayList<>(rows);
    for (LogRow r : redactable) {
      after.set((int) r.seq() - 1, r.eraseRedacted());
    }
    double redact = ms(a);
    a = System.nanoTime();
    KeyPair keys = CheckpointSigner.generateKeyPair();
    ErasureRecord record = new CheckpointSigner("bench", keys.getPrivate()).signErasure(rows.get(0).doc(), null,
        System.currentTimeMillis(), false,
        redactable.stream().map(r -> ErasureRecord.Entry.of(after.get((int) r.seq() - 1))).toList());
    double sign = ms(a);
    List<ErasureRecord> records = List.of(record);
    Map<String, java.security.PublicKey> trusted = Map.of("bench", keys.getPublic());
    a = System.nanoTime();
    List<StoredSnapshot> rebuilt = Erasure.rebuildSnapshots(after, snapshotSeqs);
    double snaps = ms(a);
    System.out.printf("plan (replay + clock index + standing rows): %.0f ms; %d of %d rows redactable%n", plan,
        redactable.size(), rows.size());
    System.out.printf("redact those rows: %.0f ms; sign their erasure record: %.0f ms; rebuild %d snapshots: %.0f ms%n",
        redact, sign, rebuilt.size(), snaps);

    a = System.nanoTime();
    VerificationReport chain = new Verifier(rows.get(0).doc()).replay(false).checkErasures(false).verify(after);
    double chainOnly = ms(a);
    a = System.nanoTime();
    VerificationReport logged = new Verifier(rows.get(0).doc()).replay(false).erasures(records, trusted).verify(after);
    System.out.printf("chain only: %.0f ms (ok=%s); chain + erasure log (record, stand-ins, marks): %.0f ms (ok=%s)%n",
        chainOnly, chain.ok(), ms(a), logged.ok());

    a = System.nanoTime();
    VerificationReport r = new Verifier(rows.get(0).doc()).snapshots(rebuilt).erasures(records, trusted).verify(after);
    System.out.printf("verify after erasure (chain + replay + %d snapshots): %.0f ms, ok=%s, erased rows %d%n",
        r.snapshotsChecked(), ms(a), r.ok(), r.erasedRows());
  }

  private static double ms(long since) {
    return (System.nanoTime() - since) / 1e6;
  }

  private ErasureBenchmark() {}
}
