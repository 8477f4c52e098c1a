package org.pledgepad.annotations.repo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.pledgepad.annotations.model.AnnotationThread;
import org.pledgepad.annotations.model.AuditEntry;
import org.pledgepad.annotations.model.Moderation;
import org.pledgepad.annotations.model.Post;
import org.pledgepad.annotations.model.Report;
import org.pledgepad.annotations.model.SuggestionState;
import org.pledgepad.annotations.model.ThreadStatus;

/**
 * Repository in maps, for tests and for running without a database. Insertion-ordered maps give
 * the creation order the interface promises. Synchronized as a whole: it is a test double, not a
 * cache.
 */
public final class InMemoryAnnotationRepository implements AnnotationRepository {
  private final Map<String, AnnotationThread> threads = new LinkedHashMap<>();
  private final Map<String, Post> posts = new LinkedHashMap<>();
  private final Map<String, Report> reports = new LinkedHashMap<>();
  private final List<AuditEntry> audit = new ArrayList<>();
  private final Set<String> premoderated = new HashSet<>();

  @Override
  public synchronized void insertThread(AnnotationThread t) {
    insert(threads, t.id(), t);
  }

  @Override
  public synchronized void insertThreadWithPost(AnnotationThread t, Post opening, Admission admission) {
    admission.check(); // under this object's lock, like the counts it makes
    if (posts.containsKey(opening.id())) { // refused before the thread is in: both or neither
      throw new IllegalStateException("duplicate id " + opening.id());
    }
    insert(threads, t.id(), t);
    insert(posts, opening.id(), opening);
  }

  @Override
  public synchronized void updateThread(AnnotationThread t) {
    update(threads, t.id(), t);
  }

  @Override
  public synchronized void updateThread(AnnotationThread t, Admission admission) {
    admission.check();
    update(threads, t.id(), t);
  }

  @Override
  public synchronized boolean updateThreadIf(AnnotationThread read, AnnotationThread changed) {
    AnnotationThread now = threads.get(changed.id());
    if (now == null || now.status() != read.status() || state(now) != state(read)
        || !Objects.equals(replacement(now), replacement(read)) || !samePassage(now, read)
        || !Objects.equals(decidedAt(now), decidedAt(read))) {
      return false;
    }
    threads.put(changed.id(), changed);
    return true;
  }

  private static Object state(AnnotationThread t) {
    return t.suggestion() == null ? null : t.suggestion().state();
  }

  private static Instant decidedAt(AnnotationThread t) {
    return t.suggestion() == null ? null : t.suggestion().decidedAt();
  }

  private static String replacement(AnnotationThread t) {
    return t.suggestion() == null ? null : t.suggestion().replacement();
  }

  private static boolean samePassage(AnnotationThread a, AnnotationThread b) {
    return Arrays.equals(a.anchor().start(), b.anchor().start()) && Arrays.equals(a.anchor().end(), b.anchor().end())
        && a.anchor().quote().equals(b.anchor().quote());
  }

  @Override
  public synchronized Optional<AnnotationThread> thread(String id) {
    return Optional.ofNullable(threads.get(id));
  }

  @Override
  public synchronized List<AnnotationThread> threads(String document) {
    return filter(threads, t -> t.document().equals(document));
  }

  @Override
  public synchronized int countThreads(String document) {
    return (int) threads(document).stream().filter(t -> opening(t.id()).map(p -> !p.deleted()
        && p.moderation() != Moderation.HIDDEN).orElse(true)).count();
  }

  @Override
  public synchronized List<AnnotationThread> threadsAfter(String document, String target, String afterId, int limit) {
    return after(filter(threads, t -> t.document().equals(document) && Objects.equals(t.target(), target)),
        AnnotationThread::id, afterId, limit);
  }

  @Override
  public synchronized List<Post> postsAfter(String threadId, String afterId, int limit) {
    return after(posts(threadId), Post::id, afterId, limit);
  }

  /** Up to {@code limit} items of {@code all} after the one with id {@code afterId} (null: from the first). */
  private static <T> List<T> after(List<T> all, java.util.function.Function<T, String> id, String afterId, int limit) {
    int from = 0;
    if (afterId != null) {
      from = all.stream().map(id).toList().indexOf(afterId) + 1;
      if (from == 0) {
        throw new IllegalArgumentException("no such item");
      }
    }
    return List.copyOf(all.subList(from, Math.min(all.size(), from + limit)));
  }

  @Override
  public synchronized List<Post> firstPosts(List<String> threadIds, int perThread) {
    Set<String> wanted = new HashSet<>(threadIds);
    Map<String, Integer> taken = new HashMap<>();
    return filter(posts, p -> wanted.contains(p.threadId()) && taken.merge(p.threadId(), 1, Integer::sum) <= perThread);
  }

  @Override
  public synchronized int countLivePosts(String threadId) {
    return (int) posts(threadId).stream().filter(p -> !p.deleted() && p.moderation() != Moderation.HIDDEN).count();
  }

  @Override
  public synchronized int countOpenThreadsBy(String document, String subject) {
    return (int) threads(document).stream().filter(t -> t.author().is(subject) && t.status() == ThreadStatus.OPEN
        && opening(t.id()).map(p -> !p.deleted()).orElse(true)).count();
  }

  @Override
  public synchronized int countPostsBy(String threadId, String subject) {
    return (int) posts(threadId).stream().filter(p -> p.author().is(subject) && !p.deleted()).count();
  }

  @Override
  public synchronized int countPendingBy(String subject) {
    return (int) posts.values().stream().filter(p -> p.author().is(subject) && !p.deleted()
        && p.moderation() == Moderation.PENDING).count();
  }

  private Optional<Post> opening(String threadId) {
    return posts.values().stream().filter(p -> p.threadId().equals(threadId)).findFirst();
  }

  @Override
  public synchronized void insertPost(Post p) {
    insert(posts, p.id(), p);
  }

  @Override
  public synchronized void insertPost(Post p, Admission admission) {
    admission.check();
    insert(posts, p.id(), p);
  }

  @Override
  public synchronized void updatePost(Post p) {
    update(posts, p.id(), p);
  }

  @Override
  public synchronized void updatePost(Post p, Admission admission) {
    admission.check();
    update(posts, p.id(), p);
  }

  @Override
  public synchronized Optional<Post> post(String id) {
    return Optional.ofNullable(posts.get(id));
  }

  @Override
  public synchronized List<Post> posts(String threadId) {
    return filter(posts, p -> p.threadId().equals(threadId));
  }

  @Override
  public synchronized List<Post> postsOfDocument(String document) {
    return filter(posts, p -> p.document().equals(document));
  }

  @Override
  public synchronized List<Post> pendingPosts(String document) {
    return filter(posts, p -> p.document().equals(document) && p.moderation() == Moderation.PENDING && !p.deleted());
  }

  @Override
  public synchronized List<Post> hiddenPosts(String document) {
    return filter(posts, p -> p.document().equals(document) && p.moderation() == Moderation.HIDDEN && !p.deleted());
  }

  @Override
  public synchronized void insertReport(Report r) {
    insert(reports, r.id(), r);
  }

  @Override
  public synchronized void updateReport(Report r) {
    update(reports, r.id(), r);
  }

  @Override
  public synchronized Optional<Report> report(String id) {
    return Optional.ofNullable(reports.get(id));
  }

  @Override
  public synchronized List<Report> openReports(String document) {
    return filter(reports, r -> r.open() && r.document().equals(document));
  }

  @Override
  public synchronized List<Report> openReportsOn(String postId) {
    return filter(reports, r -> r.open() && r.postId().equals(postId));
  }

  @Override
  public synchronized List<Report> reportsOn(String postId) {
    return filter(reports, r -> r.postId().equals(postId));
  }

  @Override
  public synchronized AuditEntry appendAudit(AuditEntry e) {
    AuditEntry stored = e.withSeq(audit.size() + 1L);
    audit.add(stored);
    return stored;
  }

  @Override
  public synchronized List<AuditEntry> audit(String document) {
    return audit.stream().filter(e -> e.document().equals(document)).toList();
  }

  @Override
  public synchronized List<AuditEntry> auditOf(String document, Collection<String> targetIds) {
    Set<String> wanted = new HashSet<>(targetIds);
    return audit.stream().filter(e -> e.document().equals(document) && wanted.contains(e.targetId())).toList();
  }

  @Override
  public synchronized boolean premoderated(String document) {
    return premoderated.contains(document);
  }

  @Override
  public synchronized void setPremoderated(String document, boolean on) {
    if (on) {
      premoderated.add(document);
    } else {
      premoderated.remove(document);
    }
  }

  @Override
  public synchronized List<AnnotationThread> threadsByAuthor(String subject) {
    return filter(threads, t -> t.author().is(subject));
  }

  @Override
  public synchronized List<AnnotationThread> acceptedSuggestions(Instant from, Instant before) {
    return filter(threads, t -> t.suggestion() != null && t.suggestion().state() == SuggestionState.ACCEPTED
        && !t.suggestion().decidedAt().isBefore(from) && t.suggestion().decidedAt().isBefore(before));
  }

  @Override
  public synchronized List<Post> postsByAuthor(String subject) {
    return filter(posts, p -> p.author().is(subject));
  }

  @Override
  public synchronized List<Report> reportsBy(String subject) {
    return filter(reports, r -> subject.equals(r.reporterId()));
  }

  private static <T> void insert(Map<String, T> map, String id, T value) {
    if (map.putIfAbsent(id, value) != null) {
      throw new IllegalStateException("duplicate id");
    }
  }

  private static <T> void update(Map<String, T> map, String id, T value) {
    if (map.replace(id, value) == null) {
      throw new IllegalStateException("unknown id");
    }
  }

  private static <T> List<T> filter(Map<String, T> map, Predicate<T> p) {
    return map.values().stream().filter(p).toList();
  }
}
