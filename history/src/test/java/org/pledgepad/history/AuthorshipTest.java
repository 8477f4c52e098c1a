package org.pledgepad.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pledgepad.crdt.Doc;

class AuthorshipTest {
  TestHistory h = TestHistory.small();
  ClockIndex idx = ClockIndex.of(h.rows);

  TextProjection at(long seq) {
    Doc d = VersionReader.docAt(null, h.rows, seq);
    return TextProjection.of(d, ContentKind.TEXT);
  }

  @Test
  void spansNameTheWriterOfEachStretch() {
    List<AuthorSpan> spans = Authorship.of(at(3), idx, h.clientActors);
    assertThat(spans).extracting(AuthorSpan::text, AuthorSpan::actor, AuthorSpan::lastSeq).containsExactly(
        org.assertj.core.groups.Tuple.tuple("Die fördert offene Daten", "alice", 1L),
        org.assertj.core.groups.Tuple.tuple(" und freie Software", "bob", 2L),
        org.assertj.core.groups.Tuple.tuple(".", "alice", 1L));
    assertThat(spans.get(1).firstTimeMillis()).isEqualTo(h.rows.get(1).timeMillis());
  }

  @Test
  void withoutABindingTheRowsActorIsUsed() {
    List<AuthorSpan> spans = Authorship.of(at(2), idx, Map.of());
    assertThat(spans).extracting(AuthorSpan::actor).containsExactly("alice", "bob", "alice");
  }

  @Test
  void clockIndexKeepsTheFirstRowForResentClocks() {
    ClockIndex i = new ClockIndex();
    i.add(h.rows.get(0));
    // A client resyncing sends its whole state again; the original row keeps authorship.
    LogRow resent = new ChainBuilder(TestHistory.DOC, 1, h.rows.get(0).hash())
        .next(99, "mallory", "x", h.stateAt(2));
    i.add(resent);
    assertThat(i.insertedBy(1, 0).seq()).isEqualTo(1);
    assertThat(i.insertedBy(2, 0).seq()).isEqualTo(2);
    assertThat(i.insertedBy(1, 10_000)).isNull();
  }

  @Test
  void diffAttributesInsertionsAndDeletions() {
    List<VersionDiff.Change> changes = VersionDiff.between(at(1), at(3), idx, h.clientActors);
    StringBuilder ins = new StringBuilder();
    StringBuilder del = new StringBuilder();
    for (VersionDiff.Change c : changes) {
      if (c.kind() == TextDiff.Kind.INSERT) {
        ins.append(c.text());
        assertThat(c.actor()).isEqualTo("bob");
        assertThat(c.lastSeq()).isEqualTo(2);
      } else if (c.kind() == TextDiff.Kind.DELETE && c.text().contains("Stadt")) {
        del.append(c.text());
        assertThat(c.actor()).isEqualTo("alice");
        assertThat(c.lastSeq()).isEqualTo(3);
      }
    }
    assertThat(ins.toString()).isEqualTo(" und freie Software");
    assertThat(del.toString()).contains("Stadt");
    String html = VersionDiff.toHtml(changes, a -> a.equals("bob") ? "Bob <B.>" : a);
    assertThat(html).contains("<ins data-actor=\"bob\" data-seq=\"2\"").contains("title=\"Bob &lt;B.&gt;, ")
        .contains("<del data-actor=\"alice\" data-seq=\"3\"");
    assertThat(VersionDiff.toJson(changes).toString()).contains("kind=insert").contains("actor=bob");
  }

  @Test
  void aChangedLetterShowsTheWholeWordReplacedByItsEditor() {
    TestHistory t = new TestHistory();
    t.person("alice", 1);
    t.person("bob", 2);
    t.edit("alice", 1000, x -> x.insert(0, "Die Stadt fördert Daten."));
    t.edit("bob", 1000, x -> {
      x.delete(11, 1);
      x.insert(11, "o");
    });
    t.edit("alice", 1000, x -> x.delete(19, 1)); // "Daten" → "Dten": a deletion only
    ClockIndex i = ClockIndex.of(t.rows);
    TextProjection v1 = TextProjection.of(VersionReader.docAt(null, t.rows, 1), ContentKind.TEXT);
    TextProjection v3 = TextProjection.of(VersionReader.docAt(null, t.rows, 3), ContentKind.TEXT);
    assertThat(VersionDiff.between(v1, v3, i, t.clientActors))
        .extracting(VersionDiff.Change::kind, VersionDiff.Change::text, VersionDiff.Change::actor)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(TextDiff.Kind.EQUAL, "Die Stadt ", null),
            org.assertj.core.groups.Tuple.tuple(TextDiff.Kind.DELETE, "fördert", "bob"),
            org.assertj.core.groups.Tuple.tuple(TextDiff.Kind.INSERT, "fordert", "bob"),
            org.assertj.core.groups.Tuple.tuple(TextDiff.Kind.EQUAL, " ", null),
            org.assertj.core.groups.Tuple.tuple(TextDiff.Kind.DELETE, "Daten", "alice"),
            org.assertj.core.groups.Tuple.tuple(TextDiff.Kind.INSERT, "Dten", "alice"),
            org.assertj.core.groups.Tuple.tuple(TextDiff.Kind.EQUAL, ".", null));
  }

  @Test
  void xmlProjectionCarriesIdsAndSeparators() {
    Doc d = new Doc(new org.pledgepad.crdt.DocOptions().clientID(77));
    XmlFixture.fill(d);
    TextProjection p = TextProjection.of(d, ContentKind.XML);
    assertThat(p.text).startsWith("Digitalisierung <Kassel>\n");
    assertThat(p.clients[0]).isEqualTo(77);
    // The line break between blocks carries the id of the paragraph element that starts there.
    assertThat(p.clients[p.text.indexOf('\n')]).isEqualTo(77);
  }
}
