package org.pledgepad.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.Y;

/** Text a restore typed again under the moderator's name (history/README.md, "Partial redaction", 6). */
class RestoredTextErasureTest {
  static final String PHONE = " Tel. 0561-123456";
  static final Predicate<LogRow> BOB = r -> r.actor().equals("bob");

  /** The moderator restores version {@code target} as the server does: new edits on the current document. */
  static LogRow restore(TestHistory h, long target) {
    Doc mod = h.people.get("mod");
    Doc version = new Doc();
    h.rows.stream().filter(r -> r.seq() <= target).forEach(r -> Y.applyUpdate(version, r.update()));
    byte[] update = Restorer.restore(mod, version, ContentKind.TEXT, "restore");
    h.now += 1000;
    LogRow row = h.chain.next(h.now, "mod", "restore:" + target + ":mod", update);
    h.rows.add(row);
    h.people.values().stream().filter(d -> d != mod).forEach(d -> Y.applyUpdate(d, update));
    return row;
  }

  static void deletePhone(TestHistory h) {
    h.edit("alice", 1000, t -> t.delete(t.toString().indexOf(PHONE), PHONE.length()));
  }

  /** bob's number, deleted, restored (4), deleted, restored again from the restore's version (6), deleted. */
  static TestHistory history() {
    TestHistory h = new TestHistory();
    h.person("alice", 1);
    h.person("bob", 2);
    h.person("mod", 3);
    h.edit("alice", 1000, t -> t.insert(0, "Die Stadt."));   // 1
    h.edit("bob", 1000, t -> t.insert(t.length(), PHONE));    // 2
    deletePhone(h);                                           // 3
    restore(h, 2);                                            // 4
    deletePhone(h);                                           // 5
    restore(h, 4);                                            // 6
    deletePhone(h);                                           // 7
    h.edit("alice", 1000, t -> t.insert(t.length(), " Neu.")); // 8
    restore(h, 1);                                            // 9: a version without his words
    return h;
  }

  @Test
  void restoresOfHisDeletedWordsAndRestoresOfThoseAreCountedOthersNot() {
    TestHistory h = history();
    assertThat(h.textAt(6)).endsWith(PHONE);
    assertThat(Erasure.restoresRetyping(h.rows, Map.of(4L, 2L, 6L, 4L, 9L, 1L), BOB)).containsExactly(4L, 6L);
    // Without the restore of his own words the restore of the restore brings back nobody's of his.
    assertThat(Erasure.restoresRetyping(h.rows, Map.of(6L, 4L, 9L, 1L), BOB)).isEmpty();
  }

  @Test
  void erasingThemLeavesHisNumberNowhereAndTheDocumentAsItStands() {
    TestHistory h = history();
    var retyped = Erasure.restoresRetyping(h.rows, Map.of(4L, 2L, 6L, 4L, 9L, 1L), BOB);
    Erasure.Plan plan = Erasure.plan(h.rows, BOB.or(r -> retyped.contains(r.seq())));
    assertThat(plan.erased()).extracting(LogRow::seq).containsExactly(2L, 4L, 6L);
    List<LogRow> rows = new ArrayList<>(h.rows);
    plan.erased().forEach(r -> rows.set((int) r.seq() - 1, r));
    assertThat(rows).allSatisfy(r -> assertThat(new String(r.update(), StandardCharsets.UTF_8)).doesNotContain("0561"));
    assertThat(RedactionTest.text(rows, 9)).isEqualTo(h.textAt(9)).isEqualTo("Die Stadt.");
    ErasureRecord record = TestErasures.SIGNER.signErasure(TestHistory.DOC, null, 1, 1L, false, plan.asOf(),
        plan.erased().stream().map(ErasureRecord.Entry::of).toList());
    assertThat(new Verifier(TestHistory.DOC).snapshots(Erasure.rebuildSnapshots(rows, List.of(4L, 9L)))
        .erasures(List.of(record), TestErasures.trusted()).verify(rows).problems()).isEmpty();
  }
}
