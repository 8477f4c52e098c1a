package org.pledgepad.annotations.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pledgepad.annotations.anchor.Anchor;
import org.pledgepad.annotations.model.AnnotationThread;
import org.pledgepad.annotations.model.AuditEntry;
import org.pledgepad.annotations.model.Author;
import org.pledgepad.annotations.model.Moderation;
import org.pledgepad.annotations.model.ModerationAction;
import org.pledgepad.annotations.model.Post;
import org.pledgepad.annotations.model.Report;
import org.pledgepad.annotations.model.Suggestion;
import org.pledgepad.annotations.model.SuggestionState;
import org.pledgepad.annotations.model.ThreadKind;
import org.pledgepad.annotations.model.ThreadStatus;
import org.pledgepad.annotations.model.ThreadTargets;
import org.pledgepad.annotations.Fixtures;
import org.pledgepad.annotations.limit.Quotas;
import org.pledgepad.annotations.limit.RateLimiter;
import org.pledgepad.annotations.service.AnnotationContext;
import org.pledgepad.annotations.service.AnnotationException;
import org.pledgepad.annotations.service.Annotations;
import org.pledgepad.annotations.service.Problem;
import org.pledgepad.auth.DocumentAccess;
import org.pledgepad.auth.Stage;

/**
 * What every {@link AnnotationRepository} must do; the in-memory and the SQL implementation
 * each extend this class (the module publishes its test classes as a test-jar for the server).
 */
public abstract class AnnotationRepositoryContract {
  protected static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
  protected static final Author ANNA = new Author("anna", "Anna", false);
  protected static final Author BEN = new Author("ben", "Ben", true);
  protected AnnotationRepository repo;

  /** A fresh, empty repository. */
  protected abstract AnnotationRepository create();

  @BeforeEach
  void setUp() {
    repo = create();
  }

  protected static AnnotationThread thread(String id, String doc, Author a, Suggestion s) {
    return new AnnotationThread(id, doc, s == null ? ThreadKind.COMMENT : ThreadKind.SUGGESTION,
        new Anchor(new byte[] {0, 1, 2, 0}, new byte[] {0, 1, 5, 1}, "quote " + id), a, T0.plusSeconds(id.hashCode() % 7),
        ThreadStatus.OPEN, false, s);
  }

  protected static Post post(String id, String thread, String doc, Author a, Moderation m) {
    return new Post(id, thread, doc, a, "body " + id, T0, null, false, m, null);
  }

  @Test
  void threadsRoundTripWithEveryField() {
    AnnotationThread t = thread("t1", "doc", ANNA, Suggestion.open("neu"))
        .withStatus(ThreadStatus.RESOLVED).withLocked(true);
    repo.insertThread(t);
    assertThat(repo.thread("t1")).contains(t);
    AnnotationThread decided = t.withSuggestion(t.suggestion().decided(SuggestionState.REJECTED, "ben", "nein",
        T0.plusSeconds(60)));
    repo.updateThread(decided);
    assertThat(repo.thread("t1")).contains(decided);
    assertThat(repo.thread("missing")).isEmpty();
  }

  /**
   * Comments on a pledge's status entry (a thread with a target instead of a passage) through the
   * services over this store: the same permission, moderation and erasure as comments on the text.
   */
  @Test
  void statusEntryCommentsAreModeratedAndErasedLikeTextComments() {
    Annotations ann = new Annotations(new AnnotationContext(repo, Clock.fixed(T0, java.time.ZoneOffset.UTC),
        () -> UUID.randomUUID().toString(), RateLimiter.withDefaults()));
    DocumentAccess doc = new DocumentAccess("doc", Fixtures.COUNCIL, Set.of(), Set.of(), Stage.CONSULTATION);
    String target = ThreadTargets.pledgeStatus("ausbau-glasfaser-k3m9xp", 0);

    assertThatThrownBy(() -> ann.comments.commentOn(Fixtures.GUEST, doc, target, "Gast"))
        .isInstanceOfSatisfying(AnnotationException.class, e -> assertThat(e.problem()).isEqualTo(Problem.FORBIDDEN));
    assertThatThrownBy(() -> ann.comments.commentOn(Fixtures.CITIZEN, doc, "pledge-status/x y/0", "kaputt"))
        .isInstanceOfSatisfying(AnnotationException.class, e -> assertThat(e.problem()).isEqualTo(Problem.INVALID));

    AnnotationThread t = ann.comments.commentOn(Fixtures.CITIZEN, doc, target, "Stimmt **nicht**").value();
    assertThat(repo.thread(t.id())).contains(t);
    assertThat(repo.thread(t.id()).orElseThrow().target()).isEqualTo(target);
    String post = repo.posts(t.id()).get(0).id();

    // Not on the text: the document's thread list leaves it out, its entry's list has it.
    assertThat(ann.views.list(Fixtures.CITIZEN_2, doc, null)).isEmpty();
    assertThat(ann.views.listTarget(Fixtures.CITIZEN_2, doc, ThreadTargets.pledgeStatus("ausbau-glasfaser-k3m9xp", 1)))
        .isEmpty();
    List<Map<String, Object>> listed = ann.views.listTarget(Fixtures.CITIZEN_2, doc, target);
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0)).containsEntry("target", target).doesNotContainKey("anchor");
    assertThat(listed.get(0).get("posts").toString()).contains("<strong>nicht</strong>");

    ann.moderation.hide(Fixtures.MODERATOR, doc, post, "Beleidigung");
    assertThat(ann.views.listTarget(Fixtures.CITIZEN_2, doc, target).get(0).get("posts").toString())
        .contains("ausgeblendet").doesNotContain("nicht");

    ann.privacy.eraseFor(Fixtures.CITIZEN.subject());
    assertThat(repo.posts(t.id()).get(0).body()).isEqualTo(Post.REMOVED);
    assertThat(ann.views.listTarget(Fixtures.MODERATOR, doc, target).toString()).doesNotContain("Stimmt");
  }

  /**
   * A suggestion its author withdrew names them as decider; that is no official decision, so
   * erasing them must clear it (otherwise decided_by keeps the erased person's id).
   */
  @Test
  void erasureClearsTheSuggesterAsDeciderOfTheirOwnWithdrawal() {
    Annotations ann = new Annotations(new AnnotationContext(repo, Clock.fixed(T0, java.time.ZoneOffset.UTC),
        () -> UUID.randomUUID().toString(), RateLimiter.withDefaults()));
    DocumentAccess doc = new DocumentAccess("doc", Fixtures.COUNCIL, Set.of(), Set.of(), Stage.CONSULTATION);
    org.pledgepad.crdt.Doc text = Fixtures.tiptap(1, "Kostenloses WLAN bis 2025.");
    Anchor year = org.pledgepad.annotations.anchor.AnchorResolver.fromIndex(Fixtures.paragraph(text, 0), 21, 4);
    AnnotationThread s = ann.suggestions.createSuggestion(Fixtures.CITIZEN, doc, text, year.start(), year.end(),
        "2027", "").value();
    ann.comments.delete(Fixtures.CITIZEN, doc, repo.posts(s.id()).get(0).id());
    Instant withdrawnAt = repo.thread(s.id()).orElseThrow().suggestion().decidedAt();

    ann.privacy.eraseFor(Fixtures.CITIZEN.subject());

    Suggestion after = repo.thread(s.id()).orElseThrow().suggestion();
    assertThat(after.state()).isEqualTo(SuggestionState.WITHDRAWN);
    assertThat(after.decidedBy()).isNull();
    assertThat(after.decidedAt()).isEqualTo(withdrawnAt);
    assertThat(after.replacement()).isEmpty();
  }

  private static final DocumentAccess DOC =
      new DocumentAccess("doc", Fixtures.COUNCIL, Set.of(), Set.of(), Stage.CONSULTATION);

  private static Annotations node(AnnotationRepository store) {
    return node(store, Quotas.DEFAULTS);
  }

  private static Annotations node(AnnotationRepository store, Quotas quotas) {
    return new Annotations(new AnnotationContext(store, Clock.fixed(T0, java.time.ZoneOffset.UTC),
        () -> UUID.randomUUID().toString(), RateLimiter.withDefaults(), quotas));
  }

  /**
   * Two server nodes (each its own services and replica of the document, one store) decide the
   * same open suggestion; node B's whole decision runs right after node A read the thread, so
   * both decided on an "open" copy. Exactly one succeeds; A answers WRONG_STATE and leaves its
   * replica untouched.
   */
  private void raceOnOneSuggestion(java.util.function.BiFunction<Annotations, org.pledgepad.crdt.Doc, Object> nodeB,
      SuggestionState winner) {
    org.pledgepad.crdt.Doc live = Fixtures.tiptap(1, "Kostenloses WLAN bis 2025.");
    Anchor year = org.pledgepad.annotations.anchor.AnchorResolver.fromIndex(Fixtures.paragraph(live, 0), 21, 4);
    Annotations b = node(repo);
    String id = b.suggestions.createSuggestion(Fixtures.CITIZEN, DOC, live, year.start(), year.end(), "2027", "")
        .value().id();
    byte[] state = org.pledgepad.crdt.Y.encodeStateAsUpdate(live);
    org.pledgepad.crdt.Doc replicaA = org.pledgepad.annotations.service.Replicas.of(state);
    org.pledgepad.crdt.Doc replicaB = org.pledgepad.annotations.service.Replicas.of(state);
    java.util.concurrent.atomic.AtomicReference<Object> bResult = new java.util.concurrent.atomic.AtomicReference<>();
    Annotations a = node(Interleaving.after(repo, "thread", () -> bResult.set(nodeB.apply(b, replicaB))));

    assertThatThrownBy(() -> a.suggestions.accept(Fixtures.EDITOR, DOC, replicaA, id,
        org.pledgepad.annotations.service.Reviewed.of(repo.thread(id).orElseThrow())))
        .isInstanceOfSatisfying(AnnotationException.class,
            e -> assertThat(e.problem()).isEqualTo(Problem.WRONG_STATE));

    assertThat(bResult.get()).isNotNull();
    assertThat(Fixtures.paragraph(replicaA, 0).toString()).isEqualTo("Kostenloses WLAN bis 2025.");
    Suggestion stored = repo.thread(id).orElseThrow().suggestion();
    assertThat(stored.state()).isEqualTo(winner);
    assertThat(stored.decidedBy()).isEqualTo(Fixtures.EDITOR.subject());
  }

  @Test
  void twoNodesAcceptingOneSuggestionApplyItOnce() {
    raceOnOneSuggestion((b, replica) -> {
      var r = b.suggestions.accept(Fixtures.EDITOR, DOC, replica, repo.threads("doc").get(0).id(),
          org.pledgepad.annotations.service.Reviewed.of(repo.threads("doc").get(0)));
      assertThat(r).isInstanceOf(org.pledgepad.annotations.service.AcceptResult.Accepted.class);
      assertThat(Fixtures.paragraph(replica, 0).toString()).isEqualTo("Kostenloses WLAN bis 2027.");
      return r;
    }, SuggestionState.ACCEPTED);
  }

  @Test
  void anAcceptLosesToARejectionOnAnotherNode() {
    raceOnOneSuggestion((b, replica) -> b.suggestions.reject(Fixtures.EDITOR, DOC, repo.threads("doc").get(0).id(),
        "nicht finanzierbar"), SuggestionState.REJECTED);
  }

  @Test
  void aConditionalThreadUpdateComparesStatusAndSuggestionState() {
    AnnotationThread open = thread("t1", "doc", ANNA, Suggestion.open("neu"));
    repo.insertThread(open);
    AnnotationThread decided = open.withStatus(ThreadStatus.RESOLVED)
        .withSuggestion(open.suggestion().decided(SuggestionState.ACCEPTED, "ben", null, T0));
    assertThat(repo.updateThreadIf(open, decided)).isTrue();
    assertThat(repo.updateThreadIf(open, decided.withLocked(true))).isFalse();
    assertThat(repo.thread("t1")).contains(decided);
    assertThat(repo.updateThreadIf(open, thread("missing", "doc", ANNA, null))).isFalse();
    AnnotationThread comment = thread("c1", "doc", ANNA, null);
    repo.insertThread(comment);
    assertThat(repo.updateThreadIf(comment, comment.withLocked(true))).isTrue();
  }

  @Test
  void aConditionalThreadUpdateAlsoComparesTheSuggestionsReplacementAndPassage() {
    // The editor decided on what they read: a suggester's change stored in between (on another
    // node) must make the decision fail, not be accepted unseen.
    AnnotationThread read = thread("t1", "doc", ANNA, Suggestion.open("neu"));
    repo.insertThread(read);
    AnnotationThread decided = read.withStatus(ThreadStatus.RESOLVED)
        .withSuggestion(read.suggestion().decided(SuggestionState.ACCEPTED, "ben", null, T0));
    repo.updateThread(read.withSuggestion(read.suggestion().withReplacement("ganz anders")));
    assertThat(repo.updateThreadIf(read, decided)).as("replacement changed").isFalse();
    repo.updateThread(read.withAnchor(new Anchor(new byte[] {9}, read.anchor().end(), read.anchor().quote())));
    assertThat(repo.updateThreadIf(read, decided)).as("passage moved").isFalse();
    repo.updateThread(read.withAnchor(new Anchor(read.anchor().start(), read.anchor().end(), "andere Worte")));
    assertThat(repo.updateThreadIf(read, decided)).as("quote changed").isFalse();
    repo.updateThread(read);
    assertThat(repo.updateThreadIf(read, decided)).as("as read").isTrue();
  }

  @Test
  void acceptedSuggestionsAreFoundByTheirDecisionTimeAcrossDocuments() {
    AnnotationThread early = accepted(thread("t1", "doc", ANNA, Suggestion.open("a")), T0);
    AnnotationThread inside = accepted(thread("t2", "other", BEN, Suggestion.open("b")), T0.plusSeconds(60));
    AnnotationThread atEnd = accepted(thread("t3", "doc", ANNA, Suggestion.open("c")), T0.plusSeconds(120));
    AnnotationThread rejected = thread("t4", "doc", ANNA, Suggestion.open("d")).withSuggestion(
        Suggestion.open("d").decided(SuggestionState.REJECTED, "ben", "nein", T0.plusSeconds(60)));
    for (AnnotationThread t : List.of(early, inside, atEnd, rejected, thread("t5", "doc", ANNA, Suggestion.open("e")),
        thread("c1", "doc", ANNA, null))) {
      repo.insertThread(t);
    }
    assertThat(repo.acceptedSuggestions(T0, T0.plusSeconds(120))).containsExactlyInAnyOrder(early, inside);
    assertThat(repo.acceptedSuggestions(T0.plusSeconds(1), T0.plusSeconds(121))).containsExactlyInAnyOrder(inside, atEnd);
    assertThat(repo.acceptedSuggestions(T0.plusSeconds(200), T0.plusSeconds(300))).isEmpty();
  }

  private static AnnotationThread accepted(AnnotationThread t, Instant at) {
    return t.withStatus(ThreadStatus.RESOLVED).withSuggestion(t.suggestion().decided(SuggestionState.ACCEPTED, "ed", null, at));
  }

  @Test
  void aConditionalThreadUpdateAlsoComparesTheDecisionTime() {
    // Read accepted at T0; meanwhile reopened and accepted anew: the same state, a later decision.
    AnnotationThread read = accepted(thread("t1", "doc", ANNA, Suggestion.open("neu")), T0);
    repo.insertThread(read);
    repo.updateThread(accepted(thread("t1", "doc", ANNA, Suggestion.open("neu")), T0.plusSeconds(90)));
    AnnotationThread reopened = read.withStatus(ThreadStatus.OPEN).withSuggestion(Suggestion.open("neu"));
    assertThat(repo.updateThreadIf(read, reopened)).as("decided again since it was read").isFalse();
    repo.updateThread(read);
    assertThat(repo.updateThreadIf(read, reopened)).as("as read").isTrue();
    assertThat(repo.updateThreadIf(reopened, accepted(reopened, T0.plusSeconds(120)))).as("open: no decision time").isTrue();
  }

  @Test
  void aThreadWhoseOpeningPostIsRefusedIsNotStored() {
    repo.insertThreadWithPost(thread("t1", "doc", ANNA, null), post("p1", "t1", "doc", ANNA, Moderation.PENDING));
    // The opening post of t2 reuses p1's id: its insert fails, so t2 must not be there either
    // (a thread without posts would be readable by everyone although its opening post waits).
    assertThatThrownBy(() -> repo.insertThreadWithPost(thread("t2", "doc", BEN, null),
        post("p1", "t2", "doc", BEN, Moderation.PENDING))).isInstanceOf(IllegalStateException.class);
    assertThat(repo.thread("t2")).isEmpty();
    assertThat(repo.threads("doc")).extracting(AnnotationThread::id).containsExactly("t1");
    assertThat(repo.posts("t1")).extracting(Post::id).containsExactly("p1");
    // and the store still works after the refused transaction
    repo.insertThreadWithPost(thread("t3", "doc", BEN, null), post("p3", "t3", "doc", BEN, Moderation.VISIBLE));
    assertThat(repo.posts("t3")).extracting(Post::id).containsExactly("p3");
  }

  @Test
  void duplicateInsertsAndUpdatesOfMissingRowsFail() {
    repo.insertThread(thread("t1", "doc", ANNA, null));
    assertThatThrownBy(() -> repo.insertThread(thread("t1", "doc", ANNA, null)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> repo.updateThread(thread("t2", "doc", ANNA, null)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> repo.updatePost(post("p1", "t1", "doc", ANNA, Moderation.VISIBLE)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void threadsAreListedPerDocumentInCreationOrder() {
    repo.insertThread(thread("a", "doc", ANNA, null));
    repo.insertThread(thread("b", "other", ANNA, null));
    repo.insertThread(thread("c", "doc", BEN, null));
    assertThat(repo.threads("doc")).extracting(AnnotationThread::id).containsExactly("a", "c");
    assertThat(repo.countThreads("doc")).isEqualTo(2);
  }

  @Test
  void postsComeOldestFirstAndPendingOnesAreFound() {
    repo.insertThread(thread("t", "doc", ANNA, null));
    repo.insertPost(post("p1", "t", "doc", ANNA, Moderation.VISIBLE));
    repo.insertPost(post("p2", "t", "doc", BEN, Moderation.PENDING));
    repo.insertPost(post("p3", "t", "doc", BEN, Moderation.PENDING).removed());
    assertThat(repo.posts("t")).extracting(Post::id).containsExactly("p1", "p2", "p3");
    assertThat(repo.pendingPosts("doc")).extracting(Post::id).containsExactly("p2");
    repo.insertThread(thread("u", "other", ANNA, null));
    repo.insertPost(post("q1", "u", "other", ANNA, Moderation.VISIBLE));
    assertThat(repo.postsOfDocument("doc")).extracting(Post::id).containsExactly("p1", "p2", "p3");
    Post hidden = repo.post("p1").orElseThrow().withModeration(Moderation.HIDDEN, "grund");
    repo.updatePost(hidden);
    assertThat(repo.post("p1")).contains(hidden);
    assertThat(repo.hiddenPosts("doc")).extracting(Post::id).containsExactly("p1");
    repo.updatePost(hidden.removed());
    assertThat(repo.hiddenPosts("doc")).isEmpty();
  }

  @Test
  void openReportsPerDocumentAndPost() {
    repo.insertReport(new Report("r1", "doc", "p1", "ben", "Spam", T0, true, null, null, null));
    repo.insertReport(new Report("r2", "doc", "p2", "ben", "Spam", T0, true, null, null, null));
    repo.insertReport(new Report("r3", "other", "p9", "ben", "Spam", T0, true, null, null, null));
    repo.updateReport(repo.report("r2").orElseThrow().closed("mod", T0, "dismissed"));
    assertThat(repo.openReports("doc")).extracting(Report::id).containsExactly("r1");
    assertThat(repo.openReportsOn("p1")).extracting(Report::id).containsExactly("r1");
    assertThat(repo.openReportsOn("p2")).isEmpty();
    assertThat(repo.reportsOn("p2")).extracting(Report::id, Report::open)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("r2", false));
    assertThat(repo.reportsBy("ben")).hasSize(3);
  }

  @Test
  void auditEntriesGetIncreasingSequenceNumbers() {
    AuditEntry a = repo.appendAudit(new AuditEntry(0, "doc", "mod", ModerationAction.HIDE, "p1", "grund", T0));
    repo.appendAudit(new AuditEntry(0, "other", "mod", ModerationAction.LOCK, "t1", "", T0));
    AuditEntry c = repo.appendAudit(new AuditEntry(0, "doc", "mod", ModerationAction.RESTORE, "p1", "", T0));
    assertThat(c.seq()).isGreaterThan(a.seq());
    assertThat(repo.audit("doc")).containsExactly(a, c);
  }

  @Test
  void theAuditEntriesOfNamedTargetsComeInLogOrderFromThatDocumentOnly() {
    AuditEntry hide = repo.appendAudit(new AuditEntry(0, "doc", "mod", ModerationAction.HIDE, "p1", "grund", T0));
    repo.appendAudit(new AuditEntry(0, "doc", "mod", ModerationAction.HIDE, "p2", "grund", T0));
    AuditEntry dismiss = repo.appendAudit(new AuditEntry(0, "doc", "mod", ModerationAction.DISMISS_REPORT, "r1", "", T0));
    repo.appendAudit(new AuditEntry(0, "other", "mod", ModerationAction.RESTORE, "p1", "", T0));
    AuditEntry restore = repo.appendAudit(new AuditEntry(0, "doc", "mod", ModerationAction.RESTORE, "p1", "",
        T0.plusSeconds(60)));
    assertThat(repo.auditOf("doc", List.of("r1", "p1", "missing"))).containsExactly(hide, dismiss, restore);
    assertThat(repo.auditOf("doc", List.of())).isEmpty();
    // A view of a long page names many posts: more than one statement's worth of targets.
    List<String> many = new java.util.ArrayList<>();
    for (int i = 0; i < 1200; i++) {
      many.add("x" + i);
    }
    many.add(700, "p1");
    many.add("r1");
    assertThat(repo.auditOf("doc", many)).containsExactly(hide, dismiss, restore);
  }

  @Test
  void premoderationIsAPerDocumentSwitch() {
    assertThat(repo.premoderated("doc")).isFalse();
    repo.setPremoderated("doc", true);
    assertThat(repo.premoderated("doc")).isTrue();
    assertThat(repo.premoderated("other")).isFalse();
    repo.setPremoderated("doc", false);
    assertThat(repo.premoderated("doc")).isFalse();
  }

  @Test
  void byAuthorQueriesNeverMatchErasedRows() {
    repo.insertThread(thread("t", "doc", ANNA, null));
    repo.insertThread(thread("u", "doc", Author.ERASED, null));
    repo.insertPost(post("p1", "t", "doc", ANNA, Moderation.VISIBLE));
    repo.insertPost(post("p2", "t", "doc", BEN, Moderation.VISIBLE));
    assertThat(repo.threadsByAuthor("anna")).extracting(AnnotationThread::id).containsExactly("t");
    assertThat(repo.postsByAuthor("anna")).extracting(Post::id).containsExactly("p1");
    repo.updatePost(repo.post("p1").orElseThrow().removed().withAuthor(Author.ERASED));
    assertThat(repo.postsByAuthor("anna")).isEmpty();
  }

  // quotas and caps (counted in the store, so they hold across server nodes)

  /** A comment thread by {@code by} stored with its opening post {@code id + "1"} by {@code writer}. */
  private void opened(String id, String doc, Author by, Author writer, Moderation m, boolean deleted) {
    Post opening = post(id + "1", id, doc, writer, m);
    repo.insertThreadWithPost(thread(id, doc, by, null), deleted ? opening.removed() : opening);
  }

  /** What a service's admission throws: refused, nothing stored. */
  protected static final class Refused extends RuntimeException {
    public Refused() {
      super("no room", null, false, false);
    }
  }

  @Test
  void anAdmissionCountsInsideTheInsertAndItsRefusalStoresNothing() {
    repo.insertThreadWithPost(thread("t", "doc", ANNA, null), post("p1", "t", "doc", ANNA, Moderation.VISIBLE),
        () -> assertThat(repo.countOpenThreadsBy("doc", "anna")).isZero());
    assertThatThrownBy(() -> repo.insertPost(post("p2", "t", "doc", ANNA, Moderation.VISIBLE), () -> {
      assertThat(repo.countPostsBy("t", "anna")).isEqualTo(1);
      throw new Refused();
    })).isInstanceOf(Refused.class);
    assertThat(repo.post("p2")).isEmpty();
    assertThatThrownBy(() -> repo.insertThreadWithPost(thread("u", "doc", ANNA, null),
        post("u1", "u", "doc", ANNA, Moderation.PENDING), () -> {
          throw new Refused();
        })).isInstanceOf(Refused.class);
    assertThat(repo.thread("u")).isEmpty();
    assertThat(repo.post("u1")).isEmpty();
    // the store still works after the refused transactions
    repo.insertPost(post("p3", "t", "doc", BEN, Moderation.PENDING),
        () -> assertThat(repo.countPendingBy("ben")).isZero());
    assertThat(repo.posts("t")).extracting(Post::id).containsExactly("p1", "p3");
  }

  @Test
  void theDocumentsThreadCountLeavesOutThreadsWhoseOpeningPostIsDeletedOrHidden() {
    opened("a", "doc", ANNA, ANNA, Moderation.VISIBLE, false);
    opened("b", "doc", ANNA, ANNA, Moderation.PENDING, false);
    opened("c", "doc", ANNA, ANNA, Moderation.VISIBLE, true);
    opened("d", "doc", ANNA, ANNA, Moderation.HIDDEN, false);
    opened("e", "other", ANNA, ANNA, Moderation.VISIBLE, false);
    // only the opening post decides: a deleted reply does not take its thread out
    repo.insertPost(post("a2", "a", "doc", BEN, Moderation.VISIBLE).removed());
    assertThat(repo.countThreads("doc")).isEqualTo(2);
  }

  @Test
  void aThreadsLivePostsAreThoseNeitherDeletedNorHidden() {
    repo.insertThreadWithPost(thread("t", "doc", ANNA, null), post("p1", "t", "doc", ANNA, Moderation.VISIBLE));
    repo.insertPost(post("p2", "t", "doc", BEN, Moderation.PENDING));
    repo.insertPost(post("p3", "t", "doc", BEN, Moderation.HIDDEN));
    repo.insertPost(post("p4", "t", "doc", BEN, Moderation.VISIBLE).removed());
    assertThat(repo.countLivePosts("t")).isEqualTo(2);
    // the person's own count keeps hidden posts (a hide does not hand room back) but not deleted ones
    assertThat(repo.countPostsBy("t", "ben")).isEqualTo(2);
    assertThat(repo.countPostsBy("t", "anna")).isEqualTo(1);
  }

  @Test
  void openThreadsOfAPersonAreCountedPerDocumentWithoutResolvedOrWithdrawnOnes() {
    opened("a", "doc", ANNA, ANNA, Moderation.VISIBLE, false);
    opened("b", "doc", ANNA, ANNA, Moderation.HIDDEN, false);
    repo.insertThreadWithPost(thread("c", "doc", ANNA, null).withStatus(ThreadStatus.RESOLVED),
        post("c1", "c", "doc", ANNA, Moderation.VISIBLE));
    opened("d", "doc", ANNA, ANNA, Moderation.VISIBLE, true);
    opened("e", "other", ANNA, ANNA, Moderation.VISIBLE, false);
    opened("f", "doc", BEN, BEN, Moderation.VISIBLE, false);
    assertThat(repo.countOpenThreadsBy("doc", "anna")).isEqualTo(2);
    assertThat(repo.countOpenThreadsBy("other", "anna")).isEqualTo(1);
    assertThat(repo.countOpenThreadsBy("doc", "ben")).isEqualTo(1);
  }

  @Test
  void pendingPostsOfAPersonAreCountedAcrossDocuments() {
    opened("a", "doc", ANNA, BEN, Moderation.PENDING, false);
    opened("b", "other", ANNA, BEN, Moderation.PENDING, false);
    repo.insertPost(post("a2", "a", "doc", BEN, Moderation.PENDING).removed());
    repo.insertPost(post("a3", "a", "doc", BEN, Moderation.VISIBLE));
    repo.insertPost(post("a4", "a", "doc", ANNA, Moderation.PENDING));
    assertThat(repo.countPendingBy("ben")).isEqualTo(2);
    assertThat(repo.countPendingBy("anna")).isEqualTo(1);
  }

  // quotas and caps on changes to stored items (the services over this store)

  private static final org.pledgepad.crdt.Doc TEXT = Fixtures.tiptap(1, "Kostenloses WLAN bis 2025.");

  private static AnnotationThread comment(Annotations n, org.pledgepad.auth.Principal p) {
    Anchor words = org.pledgepad.annotations.anchor.AnchorResolver.fromIndex(Fixtures.paragraph(TEXT, 0), 12, 4);
    return n.comments.createComment(p, DOC, TEXT, words.start(), words.end(), "Frage").value();
  }

  private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Problem problem) {
    assertThatThrownBy(call).isInstanceOfSatisfying(AnnotationException.class,
        e -> assertThat(e.problem()).isEqualTo(problem));
  }

  @Test
  void anEditorReopeningACitizensThreadIsHeldToTheCitizensOpenThreadQuota() {
    Annotations n = node(repo, new Quotas(100, 100, 2, 100, 100));
    AnnotationThread first = comment(n, Fixtures.CITIZEN);
    comment(n, Fixtures.CITIZEN);
    n.comments.resolve(Fixtures.EDITOR, DOC, first.id());
    AnnotationThread third = comment(n, Fixtures.CITIZEN); // the resolved thread gave its place back

    assertRefused(() -> n.comments.reopen(Fixtures.EDITOR, DOC, first.id()), Problem.QUOTA_OPEN_THREADS);
    assertThat(repo.thread(first.id()).orElseThrow().status()).isEqualTo(ThreadStatus.RESOLVED);
    assertThat(repo.countOpenThreadsBy("doc", Fixtures.CITIZEN.subject())).isEqualTo(2);
    n.comments.resolve(Fixtures.EDITOR, DOC, third.id());
    n.comments.reopen(Fixtures.EDITOR, DOC, first.id());
    assertThat(repo.countOpenThreadsBy("doc", Fixtures.CITIZEN.subject())).isEqualTo(2);

    // an editor's own threads stay exempt when they reopen them
    AnnotationThread own = comment(n, Fixtures.EDITOR);
    comment(n, Fixtures.EDITOR);
    comment(n, Fixtures.EDITOR);
    n.comments.resolve(Fixtures.EDITOR, DOC, own.id());
    n.comments.reopen(Fixtures.EDITOR, DOC, own.id());
    assertThat(repo.countOpenThreadsBy("doc", Fixtures.EDITOR.subject())).isEqualTo(3);
  }

  @Test
  void anEditThatSendsAPostBackToTheModeratorsNeedsRoomInItsAuthorsPendingQuota() {
    Annotations n = node(repo, new Quotas(100, 100, 100, 100, 2));
    Post approved = repo.posts(comment(n, Fixtures.CITIZEN).id()).get(0);
    repo.setPremoderated("doc", true);
    AnnotationThread waiting = comment(n, Fixtures.CITIZEN);
    comment(n, Fixtures.CITIZEN);

    assertRefused(() -> n.comments.edit(Fixtures.CITIZEN, DOC, approved.id(), "ganz anders"), Problem.QUOTA_PENDING);
    assertThat(repo.post(approved.id())).contains(approved);
    n.moderation.approve(Fixtures.MODERATOR, DOC, repo.posts(waiting.id()).get(0).id());
    n.comments.edit(Fixtures.CITIZEN, DOC, approved.id(), "ganz anders");
    assertThat(repo.post(approved.id()).orElseThrow().moderation()).isEqualTo(Moderation.PENDING);
    assertThat(repo.countPendingBy(Fixtures.CITIZEN.subject())).isEqualTo(2);
  }

  @Test
  void anUpdatedSuggestionGoingBackToTheModeratorsNeedsRoomInItsAuthorsPendingQuota() {
    Annotations n = node(repo, new Quotas(100, 100, 100, 100, 2));
    Anchor year = org.pledgepad.annotations.anchor.AnchorResolver.fromIndex(Fixtures.paragraph(TEXT, 0), 21, 4);
    AnnotationThread s = n.suggestions.createSuggestion(Fixtures.CITIZEN, DOC, TEXT, year.start(), year.end(),
        "2027", "").value();
    repo.setPremoderated("doc", true);
    AnnotationThread waiting = comment(n, Fixtures.CITIZEN);
    comment(n, Fixtures.CITIZEN);

    assertRefused(() -> n.suggestions.updateSuggestion(Fixtures.CITIZEN, DOC, TEXT, s.id(), "2030", null, null),
        Problem.QUOTA_PENDING);
    assertThat(repo.thread(s.id()).orElseThrow().suggestion().replacement()).isEqualTo("2027");
    assertThat(repo.posts(s.id()).get(0).moderation()).isEqualTo(Moderation.VISIBLE);
    n.moderation.approve(Fixtures.MODERATOR, DOC, repo.posts(waiting.id()).get(0).id());
    n.suggestions.updateSuggestion(Fixtures.CITIZEN, DOC, TEXT, s.id(), "2030", null, null);
    assertThat(repo.thread(s.id()).orElseThrow().suggestion().replacement()).isEqualTo("2030");
    assertThat(repo.posts(s.id()).get(0).moderation()).isEqualTo(Moderation.PENDING);
  }

  @Test
  void aRestoredPostNeedsRoomUnderTheThreadsAndTheDocumentsCap() {
    Annotations n = node(repo, new Quotas(2, 2, 100, 100, 100));
    AnnotationThread t = comment(n, Fixtures.EDITOR);
    Post hidden = n.comments.reply(Fixtures.CITIZEN, DOC, t.id(), "laut").value();
    n.moderation.hide(Fixtures.MODERATOR, DOC, hidden.id(), "Spam");
    Post other = n.comments.reply(Fixtures.CITIZEN_2, DOC, t.id(), "sachlich").value(); // took the freed room

    assertRefused(() -> n.moderation.restore(Fixtures.MODERATOR, DOC, hidden.id(), ""), Problem.TOO_MANY);
    assertThat(repo.post(hidden.id()).orElseThrow().moderation()).isEqualTo(Moderation.HIDDEN);

    // an opening post shown again brings its thread back into the document's count
    Post opening = repo.posts(comment(n, Fixtures.CITIZEN).id()).get(0);
    n.moderation.hide(Fixtures.MODERATOR, DOC, opening.id(), "Spam");
    comment(n, Fixtures.CITIZEN_2);
    assertRefused(() -> n.moderation.restore(Fixtures.MODERATOR, DOC, opening.id(), ""), Problem.TOO_MANY);
    assertThat(repo.countThreads("doc")).isEqualTo(2);
    n.comments.delete(Fixtures.CITIZEN_2, DOC, other.id());
    n.moderation.restore(Fixtures.MODERATOR, DOC, hidden.id(), "");
    assertThat(repo.countLivePosts(t.id())).isEqualTo(2);
  }

  @Test
  void anAdmittedUpdateCountsBeforeItsWriteAndItsRefusalStoresNothing() {
    repo.insertThreadWithPost(thread("t", "doc", ANNA, null).withStatus(ThreadStatus.RESOLVED),
        post("p1", "t", "doc", ANNA, Moderation.VISIBLE));
    AnnotationThread reopened = thread("t", "doc", ANNA, null);
    assertThatThrownBy(() -> repo.updateThread(reopened, () -> {
      assertThat(repo.countOpenThreadsBy("doc", "anna")).isZero();
      throw new Refused();
    })).isInstanceOf(Refused.class);
    assertThat(repo.thread("t").orElseThrow().status()).isEqualTo(ThreadStatus.RESOLVED);
    repo.updateThread(reopened, () -> assertThat(repo.countOpenThreadsBy("doc", "anna")).isZero());
    assertThat(repo.countOpenThreadsBy("doc", "anna")).isEqualTo(1);

    Post queued = post("p1", "t", "doc", ANNA, Moderation.PENDING);
    assertThatThrownBy(() -> repo.updatePost(queued, () -> {
      assertThat(repo.countPendingBy("anna")).isZero();
      throw new Refused();
    })).isInstanceOf(Refused.class);
    assertThat(repo.post("p1").orElseThrow().moderation()).isEqualTo(Moderation.VISIBLE);
    repo.updatePost(queued, () -> assertThat(repo.countPendingBy("anna")).isZero());
    assertThat(repo.countPendingBy("anna")).isEqualTo(1);
  }

  // pages of a document's thread list

  @Test
  void threadPagesFollowCreationOrderFromAThreadOnAndLeaveOutTargetThreads() {
    for (String id : List.of("a", "b", "c", "d")) {
      repo.insertThread(thread(id, "doc", ANNA, null));
    }
    repo.insertThread(thread("x", "other", ANNA, null));
    AnnotationThread c = thread("s", "doc", ANNA, null);
    repo.insertThread(new AnnotationThread(c.id(), c.document(), c.kind(), new Anchor(new byte[0], new byte[0], ""),
        c.author(), c.createdAt(), c.status(), false, null, ThreadTargets.pledgeStatus("p1", 0)));
    repo.insertThread(thread("e", "doc", ANNA, null));
    assertThat(repo.threadsAfter("doc", null, 2)).extracting(AnnotationThread::id).containsExactly("a", "b");
    assertThat(repo.threadsAfter("doc", "b", 2)).extracting(AnnotationThread::id).containsExactly("c", "d");
    assertThat(repo.threadsAfter("doc", "d", 2)).extracting(AnnotationThread::id).containsExactly("e");
    assertThat(repo.threadsAfter("doc", "e", 2)).isEmpty();
  }

  @Test
  void targetThreadPagesListOnlyThatTargetsThreadsInCreationOrder() {
    String target = ThreadTargets.pledgeStatus("p1", 0);
    for (String id : List.of("s1", "t1", "s2", "o1", "s3")) {
      AnnotationThread c = thread(id, "doc", ANNA, null);
      String own = id.startsWith("s") ? target : id.startsWith("o") ? ThreadTargets.pledgeStatus("p1", 1) : null;
      repo.insertThread(own == null ? c : new AnnotationThread(c.id(), c.document(), c.kind(),
          new Anchor(new byte[0], new byte[0], ""), c.author(), c.createdAt(), c.status(), false, null, own));
    }
    assertThat(repo.threadsAfter("doc", target, null, 2)).extracting(AnnotationThread::id).containsExactly("s1", "s2");
    assertThat(repo.threadsAfter("doc", target, "s2", 2)).extracting(AnnotationThread::id).containsExactly("s3");
    assertThat(repo.threadsAfter("doc", target, "s3", 2)).isEmpty();
    assertThat(repo.threadsAfter("other", target, null, 2)).isEmpty();
  }

  @Test
  void postPagesOfAThreadFollowCreationOrderFromAPostOn() {
    opened("a", "doc", ANNA, ANNA, Moderation.VISIBLE, false);
    opened("b", "doc", ANNA, ANNA, Moderation.VISIBLE, false);
    repo.insertPost(post("a2", "a", "doc", BEN, Moderation.VISIBLE));
    repo.insertPost(post("b2", "b", "doc", BEN, Moderation.VISIBLE));
    repo.insertPost(post("a3", "a", "doc", BEN, Moderation.HIDDEN));
    repo.insertPost(post("a4", "a", "doc", BEN, Moderation.PENDING));
    assertThat(repo.postsAfter("a", null, 2)).extracting(Post::id).containsExactly("a1", "a2");
    assertThat(repo.postsAfter("a", "a2", 2)).extracting(Post::id).containsExactly("a3", "a4");
    assertThat(repo.postsAfter("a", "a4", 2)).isEmpty();
    assertThat(repo.postsAfter("b", null, 5)).extracting(Post::id).containsExactly("b1", "b2");
  }

  @Test
  void firstPostsAreTheOldestOfEachNamedThread() {
    opened("a", "doc", ANNA, ANNA, Moderation.VISIBLE, false);
    opened("b", "doc", ANNA, ANNA, Moderation.VISIBLE, false);
    opened("c", "doc", ANNA, ANNA, Moderation.VISIBLE, false);
    repo.insertPost(post("a2", "a", "doc", BEN, Moderation.VISIBLE));
    repo.insertPost(post("b2", "b", "doc", BEN, Moderation.PENDING));
    repo.insertPost(post("a3", "a", "doc", BEN, Moderation.VISIBLE));
    assertThat(repo.firstPosts(List.of("a", "b"), 2)).extracting(Post::id).containsExactly("a1", "b1", "a2", "b2");
    assertThat(repo.firstPosts(List.of(), 2)).isEmpty();
  }
}
