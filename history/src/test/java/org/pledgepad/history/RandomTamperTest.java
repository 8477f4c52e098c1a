package org.pledgepad.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random single tampering anywhere in a log is always found, at the seq where it happened. */
class RandomTamperTest {
  static final long SEED = Long.getLong("history.seed", System.nanoTime());

  @Test
  void everyRandomTamperingIsFoundWhereItHappened() {
    System.out.println("RandomTamperTest seed " + SEED + " (rerun with -Dhistory.seed=" + SEED + ")");
    Random rnd = new Random(SEED);
    TestHistory h = TestHistory.random(SEED, 60);
    Verifier clean = new Verifier(TestHistory.DOC).publishedHead(60, h.chain.headHash());
    assertThat(clean.verify(h.rows).ok()).isTrue();
    for (int round = 0; round < 300; round++) {
      List<LogRow> rows = new ArrayList<>(h.rows);
      int i = rnd.nextInt(59);
      int kind = rnd.nextInt(6);
      long expectedSeq = i + 1;
      Problem.Kind expected;
      switch (kind) {
        case 0 -> {
          byte[] u = rows.get(i).update().clone();
          u[rnd.nextInt(u.length)] ^= (byte) (1 + rnd.nextInt(255));
          rows.set(i, rows.get(i).withUpdate(u));
          expected = Problem.Kind.HASH_MISMATCH;
        }
        case 1 -> {
          rows.set(i, rows.get(i).withActor(rows.get(i).actor() + "x"));
          expected = Problem.Kind.HASH_MISMATCH;
        }
        case 2 -> {
          rows.remove(i);
          expected = Problem.Kind.SEQ_GAP;
        }
        case 3 -> {
          Collections.swap(rows, i, i + 1);
          expected = Problem.Kind.SEQ_ORDER;
        }
        case 4 -> {
          LogRow r = rows.get(i);
          rows.set(i, new LogRow(r.doc(), r.seq(), r.timeMillis() + 1, r.actor(), r.connectionId(), r.salt(),
              r.update(), r.commitment(), r.hash()));
          expected = Problem.Kind.HASH_MISMATCH;
        }
        default -> {
          rows = new ArrayList<>(rows.subList(0, i + 1));
          expected = Problem.Kind.TRUNCATED;
          expectedSeq = i + 2;
        }
      }
      VerificationReport r = new Verifier(TestHistory.DOC).publishedHead(60, h.chain.headHash()).verify(rows);
      assertThat(r.first()).as("seed %d round %d kind %d at %d", SEED, round, kind, i).isPresent();
      assertThat(r.first().get()).extracting(Problem::kind, Problem::seq)
          .as("seed %d round %d kind %d at %d", SEED, round, kind, i).containsExactly(expected, expectedSeq);
    }
  }
}
