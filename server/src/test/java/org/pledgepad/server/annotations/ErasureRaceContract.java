package org.pledgepad.server.annotations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pledgepad.annotations.Fixtures.CITIZEN;
import static org.pledgepad.annotations.Fixtures.CITIZEN_2;
import static org.pledgepad.annotations.Fixtures.CONSULTATION;
import static org.pledgepad.annotations.Fixtures.MODERATOR;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pledgepad.annotations.Fixtures;
import org.pledgepad.annotations.anchor.Anchor;
import org.pledgepad.annotations.anchor.AnchorResolver;
import org.pledgepad.annotations.limit.RateLimiter;
import org.pledgepad.annotations.model.AnnotationThread;
import org.pledgepad.annotations.model.Post;
import org.pledgepad.annotations.model.Report;
import org.pledgepad.annotations.model.SuggestionState;
import org.pledgepad.annotations.repo.AnnotationRepository;
import org.pledgepad.annotations.service.AnnotationContext;
import org.pledgepad.annotations.service.Annotations;
import org.pledgepad.crdt.Doc;

/**
 * Erasure runs outside the document queues, so a moderation or comment action may read a row,
 * the person erase their data, and the action then write its stale copy back. The repository
 * sits behind a proxy that runs the whole erasure right after the action's read, making that
 * interleaving deterministic; afterwards the person must still be erased.
 */
abstract class ErasureRaceContract {
  private AnnotationDb db;
  private Annotations annotations;
  private AnnotationRepository real;
  /** Runs once, right after the next read by one of {@link #hooked} (by default a single-row read). */
  private final AtomicReference<Runnable> afterRead = new AtomicReference<>();
  private volatile Set<String> hooked = SINGLE_ROW_READS;
  private static final Set<String> SINGLE_ROW_READS = Set.of("post", "thread", "report");
  private final Doc doc = Fixtures.tiptap(1, "Digitale Sitzungen des Rates werden gestreamt.");
  private final Anchor words = AnchorResolver.fromIndex(Fixtures.paragraph(doc, 0), 9, 9);

  protected abstract AnnotationDb open();

  @BeforeEach
  void setUp() {
    db = open();
    real = new SqlAnnotationRepository(db);
    AnnotationRepository racing = (AnnotationRepository) Proxy.newProxyInstance(
        AnnotationRepository.class.getClassLoader(), new Class<?>[] {AnnotationRepository.class},
        (proxy, method, args) -> {
          Object out;
          try {
            out = method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          if (hooked.contains(method.getName())) {
            Runnable r = afterRead.getAndSet(null);
            if (r != null) {
              r.run();
            }
          }
          return out;
        });
    AtomicLong ids = new AtomicLong();
    annotations = new Annotations(new AnnotationContext(racing, Clock.systemUTC(),
        () -> "race-" + ids.incrementAndGet(), RateLimiter.withDefaults()));
  }

  @AfterEach
  void close() {
    if (db != null) {
      db.close();
    }
  }

  private void eraseAfterNextRead() {
    eraseAfterNext(SINGLE_ROW_READS);
  }

  private void eraseAfterNext(Set<String> reads) {
    hooked = reads;
    afterRead.set(() -> annotations.privacy.eraseFor(CITIZEN.subject()));
  }

  /** CITIZEN reports a post CITIZEN_2 wrote. */
  private Report reportedByTheErasedPerson() {
    AnnotationThread t = annotations.comments.createComment(CITIZEN_2, CONSULTATION, doc, words.start(), words.end(),
        "Streitbar").value();
    return annotations.moderation.report(CITIZEN, CONSULTATION, real.posts(t.id()).get(0).id(), "Beleidigung von Clara")
        .value();
  }

  private void assertReportErased(String reportId) {
    Report after = real.report(reportId).orElseThrow();
    assertThat(after.reporterId()).isNull();
    assertThat(after.reason()).isEqualTo("entfernt");
    assertThat(after.open()).isFalse(); // the moderator's own change still lands
    assertThat(after.closedBy()).isEqualTo(MODERATOR.subject());
    assertThat(real.reportsBy(CITIZEN.subject())).isEmpty();
  }

  @Test
  void dismissingAReportDoesNotBringBackItsErasedReporterOrReason() {
    Report r = reportedByTheErasedPerson();

    eraseAfterNextRead();
    annotations.moderation.dismissReport(MODERATOR, CONSULTATION, r.id(), "");

    assertReportErased(r.id());
  }

  @Test
  void hidingAReportedPostDoesNotBringBackTheErasedReporterOrReason() {
    Report r = reportedByTheErasedPerson();

    eraseAfterNext(Set.of("openReportsOn"));
    annotations.moderation.hide(MODERATOR, CONSULTATION, r.postId(), "Netiquette");

    assertReportErased(r.id());
  }

  @Test
  void lockingAThreadDoesNotBringBackTheErasedSuggesterAsDeciderOfTheirWithdrawal() {
    AnnotationThread s = annotations.suggestions.createSuggestion(CITIZEN, CONSULTATION, doc, words.start(),
        words.end(), "Sitzungen und Ausschüsse", "vollständiger").value();
    annotations.comments.delete(CITIZEN, CONSULTATION, real.posts(s.id()).get(0).id());

    eraseAfterNextRead();
    annotations.moderation.lock(MODERATOR, CONSULTATION, s.id(), "Ruhe");

    AnnotationThread after = real.thread(s.id()).orElseThrow();
    assertThat(after.suggestion().state()).isEqualTo(SuggestionState.WITHDRAWN);
    assertThat(after.suggestion().decidedBy()).isNull();
    assertThat(after.locked()).isTrue();
    assertThat(new ModerationRecords(db).exportFor(CITIZEN.subject()).get("suggestionsDecided"))
        .asList().isEmpty();
  }

  @Test
  void hidingAPostDoesNotBringBackItsErasedAuthorOrBody() {
    AnnotationThread t = annotations.comments.createComment(CITIZEN, CONSULTATION, doc, words.start(), words.end(),
        "Auch Ausschüsse?").value();
    Post p = real.posts(t.id()).get(0);

    eraseAfterNextRead();
    annotations.moderation.hide(MODERATOR, CONSULTATION, p.id(), "Spam");

    Post after = real.posts(t.id()).get(0);
    assertThat(after.author().id()).isNull();
    assertThat(after.author().name()).isEqualTo("entfernt");
    assertThat(after.body()).isEqualTo("entfernt");
    assertThat(after.deleted()).isTrue();
    assertThat(after.hiddenReason()).isEqualTo("Spam"); // the moderator's own change still lands
    assertThat(annotations.privacy.exportFor(CITIZEN.subject()).toString()).doesNotContain("Auch Ausschüsse?");
  }

  @Test
  void lockingAThreadDoesNotBringBackItsErasedAuthorOrReopenTheSuggestion() {
    AnnotationThread s = annotations.suggestions.createSuggestion(CITIZEN, CONSULTATION, doc, words.start(),
        words.end(), "Sitzungen und Ausschüsse", "vollständiger").value();

    eraseAfterNextRead();
    annotations.moderation.lock(MODERATOR, CONSULTATION, s.id(), "Ruhe");

    AnnotationThread after = real.thread(s.id()).orElseThrow();
    assertThat(after.author().id()).isNull();
    assertThat(after.author().name()).isEqualTo("entfernt");
    assertThat(after.suggestion().replacement()).isEmpty();
    assertThat(after.suggestion().state()).isEqualTo(SuggestionState.WITHDRAWN);
    assertThat(after.suggestion().decidedAt()).isNotNull();
    assertThat(after.locked()).isTrue();
  }
}
