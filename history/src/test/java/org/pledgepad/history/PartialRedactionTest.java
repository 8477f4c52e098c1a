package org.pledgepad.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A row that stands in part loses what does not stand (history/README.md, "Partial redaction"). */
class PartialRedactionTest {
  static final String ADDRESS = " Meine Adresse: Hauptstr. 5.";

  /** bob types an address and a sentence in one update; alice deletes the address. */
  static TestHistory history() {
    TestHistory h = new TestHistory();
    h.person("alice", 1);
    h.person("bob", 2);
    h.edit("alice", 1000, t -> t.insert(0, "Die Stadt."));                        // 1
    h.edit("bob", 1000, t -> t.insert(t.length(), ADDRESS + " Auch Radwege."));   // 2, stands in part
    h.edit("alice", 1000, t -> t.delete("Die Stadt.".length(), ADDRESS.length())); // 3
    return h;
  }

  static List<LogRow> erased(TestHistory h, Erasure.Plan plan) {
    List<LogRow> rows = new ArrayList<>(h.rows);
    plan.erased().forEach(r -> rows.set((int) r.seq() - 1, r));
    return rows;
  }

  static ErasureRecord record(Erasure.Plan plan, ErasureRecord previous, long asOf) {
    return TestErasures.SIGNER.signErasure(TestHistory.DOC, previous, previous == null ? 1 : previous.index() + 1,
        1_764_500_000_000L, false, asOf, plan.erased().stream().map(ErasureRecord.Entry::of).toList());
  }

  static VerificationReport verify(List<LogRow> rows, List<ErasureRecord> records) {
    return new Verifier(TestHistory.DOC).erasures(records, TestErasures.trusted()).verify(rows);
  }

  @Test
  void theDeletedUnitsAreRedactedAndTheStandingOnesKeptSoTheDocumentAndTheChainStay() {
    TestHistory h = history();
    assertThat(Erasure.redactable(h.rows, "bob")).isEmpty(); // the row counts as standing

    Erasure.Plan plan = Erasure.plan(h.rows, r -> r.actor().equals("bob"));
    assertThat(plan.asOf()).isEqualTo(3);
    assertThat(plan.partial()).isEqualTo(1);
    List<LogRow> rows = erased(h, plan);
    assertThat(new String(rows.get(1).update(), StandardCharsets.UTF_8)).doesNotContain("Hauptstr").contains("Auch Radwege.");
    assertThat(RedactionTest.text(rows, 3)).isEqualTo(h.textAt(3)).isEqualTo(h.people.get("alice").getText("default").toString());
    assertThat(RedactionTest.text(rows, 2)).isEqualTo("Die Stadt." + "\u2588".repeat(ADDRESS.length()) + " Auch Radwege.");

    List<ErasureRecord> records = List.of(record(plan, null, plan.asOf()));
    List<StoredSnapshot> rebuilt = Erasure.rebuildSnapshots(rows, List.of(2L, 3L));
    VerificationReport r = new Verifier(TestHistory.DOC).snapshots(rebuilt).erasures(records, TestErasures.trusted())
        .verify(rows);
    assertThat(r.problems()).isEmpty();
    assertThat(r.erasedRows()).isEqualTo(1);
    assertThat(r.snapshotsChecked()).isEqualTo(2);
    assertThat(Erasure.plan(rows, x -> x.actor().equals("bob")).erased()).isEmpty();
  }

  @Test
  void aStandInThatKeepsContentUnderARecordNamingNoHeadIsRefused() {
    TestHistory h = history();
    Erasure.Plan plan = Erasure.plan(h.rows, r -> r.actor().equals("bob"));
    VerificationReport r = verify(erased(h, plan), List.of(record(plan, null, 0)));
    assertThat(r.problems()).extracting(Problem::kind, Problem::seq, Problem::detail)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Problem.Kind.ERASURE_STANDIN_CONTENT, 2L,
            "stand-in holds more than redaction marks"));
  }

  @Test
  void aStandInThatKeepsUnitsDeletedAtItsHeadIsRefused() {
    TestHistory h = history();
    // Signed by the key, but keeping the address (deleted at seq 3) and marking what stands.
    IdSet address = new IdSet(64);
    for (int i = 0; i < ADDRESS.length(); i++) {
      address.add(2, i);
    }
    LogRow bob = h.rows.get(1);
    LogRow wrong = new LogRow(bob.doc(), 2, bob.timeMillis(), bob.actor(), bob.connectionId(), null,
        Redaction.redactExcept(bob.update(), address), bob.commitment(), bob.hash());
    Erasure.Plan forged = new Erasure.Plan(3, List.of(wrong), 1);
    List<LogRow> rows = erased(h, forged);
    assertThat(RedactionTest.text(rows, 2)).contains("Hauptstr");

    VerificationReport r = verify(rows, List.of(record(forged, null, 3)));
    assertThat(r.problems()).extracting(Problem::kind, Problem::detail).containsExactly(org.assertj.core.groups.Tuple
        .tuple(Problem.Kind.ERASURE_STANDIN_CONTENT, "stand-in keeps content that did not stand at seq 3, the head its erasure record names"));
    // Named at a head before the deletion the same stand-in would pass: the head is signed, not chosen by the verifier.
    assertThat(verify(rows, List.of(record(forged, null, 2))).problems()).isEmpty();
  }

  @Test
  void keptUnitsDeletedAfterTheHeadVerifyAndTheNextPlanRedactsThem() {
    TestHistory h = history();
    Erasure.Plan first = Erasure.plan(h.rows, r -> r.actor().equals("bob"));
    ErasureRecord one = record(first, null, first.asOf());
    h.edit("alice", 1000, t -> t.delete("Die Stadt.".length(), " Auch".length()));    // 4
    List<LogRow> rows = erased(h, first);
    assertThat(verify(rows, List.of(one)).problems()).isEmpty();

    Erasure.Plan second = Erasure.plan(rows, r -> r.actor().equals("bob"));
    assertThat(second.erased()).extracting(LogRow::seq).containsExactly(2L);
    LogRow again = second.erased().get(0);
    assertThat(new String(again.update(), StandardCharsets.UTF_8)).doesNotContain("Auch").contains(" Radwege.");
    rows.set(1, again);
    assertThat(RedactionTest.text(rows, 4)).isEqualTo(h.textAt(4));
    assertThat(verify(rows, List.of(one, record(second, one, second.asOf()))).problems()).isEmpty();
  }

  @Test
  void aRecordNamingAHeadBeyondTheLogOrBeforeARowItListsIsRefused() {
    TestHistory h = history();
    Erasure.Plan plan = Erasure.plan(h.rows, r -> r.actor().equals("bob"));
    List<LogRow> rows = erased(h, plan);
    assertThat(verify(rows, List.of(record(plan, null, 9))).problems()).extracting(Problem::kind, Problem::detail)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Problem.Kind.ERASURE_STANDIN_CONTENT,
            "stand-in keeps content, but the log ends before seq 9, the head its erasure record names"));
    assertThat(verify(rows, List.of(record(plan, null, 1))).problems()).extracting(Problem::kind)
        .contains(Problem.Kind.ERASURE_RECORD_INVALID, Problem.Kind.ERASURE_UNRECORDED);
  }

  @Test
  void onRandomHistoriesNothingOfBobsThatIsDeletedSurvivesAndEverythingStillVerifies() {
    for (long seed = 1; seed <= 40; seed++) {
      TestHistory h = TestHistory.random(seed, 80);
      Erasure.Plan plan = Erasure.plan(h.rows, r -> r.actor().equals("bob"));
      List<LogRow> rows = erased(h, plan);
      long head = h.rows.size();
      org.pledgepad.crdt.Doc now = new org.pledgepad.crdt.Doc();
      org.pledgepad.crdt.Y.applyUpdate(now, h.stateAt(head));
      for (LogRow r : rows) {
        if (r.actor().equals("bob")) {
          for (long[] u : Redaction.contentUnits(r.update())) {
            for (long clock = u[1]; clock < u[1] + u[2]; clock++) {
              var s = org.pledgepad.crdt.StructStore.find(now.store, u[0], clock);
              assertThat(s instanceof org.pledgepad.crdt.Item i && !i.deleted())
                  .as("seed %d: seq %d keeps unit %d:%d that does not stand", seed, r.seq(), u[0], clock).isTrue();
            }
          }
        }
      }
      assertThat(RedactionTest.text(rows, head)).as("seed %d", seed).isEqualTo(h.textAt(head));
      List<StoredSnapshot> rebuilt = Erasure.rebuildSnapshots(rows, List.of(head / 2, head));
      VerificationReport r = new Verifier(TestHistory.DOC).snapshots(rebuilt)
          .erasures(List.of(record(plan, null, plan.asOf())), TestErasures.trusted()).verify(rows);
      assertThat(r.problems()).as("seed %d", seed).isEmpty();
      assertThat(Erasure.plan(rows, x -> x.actor().equals("bob")).erased()).as("seed %d", seed).isEmpty();
    }
  }

  @Test
  void arrayElementsAreRedactedOneByOne() {
    org.pledgepad.crdt.Doc d = new org.pledgepad.crdt.Doc(new org.pledgepad.crdt.DocOptions().clientID(5));
    d.getArray("a").insert(0, List.of("keep", "drop"));
    byte[] update = org.pledgepad.crdt.Y.encodeStateAsUpdate(d);
    IdSet keep = new IdSet(4);
    keep.add(5, 0);
    byte[] standin = Redaction.redactExcept(update, keep);
    org.pledgepad.crdt.Doc replay = new org.pledgepad.crdt.Doc();
    org.pledgepad.crdt.Y.applyUpdate(replay, standin);
    assertThat(replay.getArray("a").toArray()).containsExactly("keep", null);
    assertThat(Redaction.contentUnits(standin)).singleElement().satisfies(u -> assertThat(u).containsExactly(5, 0, 1));
    IdSet none = new IdSet(4);
    assertThat(Redaction.redactExcept(update, none)).isEqualTo(Redaction.redact(update));
  }
}
