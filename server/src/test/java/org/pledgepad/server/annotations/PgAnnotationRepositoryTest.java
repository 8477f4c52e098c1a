package org.pledgepad.server.annotations;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pledgepad.annotations.model.Moderation;
import org.pledgepad.annotations.model.Post;
import org.pledgepad.annotations.model.ThreadStatus;
import org.pledgepad.annotations.repo.Admission;
import org.pledgepad.annotations.repo.AnnotationRepository;
import org.pledgepad.annotations.repo.AnnotationRepositoryContract;
import org.pledgepad.server.config.DatabaseUrl;
import org.pledgepad.server.store.DocumentKind;
import org.pledgepad.server.store.DocumentStage;
import org.pledgepad.server.store.DocumentStore;
import org.pledgepad.server.store.DocumentStores;
import org.pledgepad.server.testing.Await;
import org.pledgepad.server.testing.TestDatabase;

/**
 * The annotation contract on PostgreSQL (database pledgepad_test, migrated by the real store's
 * Flyway start). The annotation tables are emptied before each test; the documents the contract
 * names exist because the tables reference the documents table.
 */
class PgAnnotationRepositoryTest extends AnnotationRepositoryContract {
  private AnnotationDb db;

  @Override
  protected AnnotationRepository create() {
    DatabaseUrl url = TestDatabase.require();
    migrate(url);
    try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
         Statement st = c.createStatement()) {
      st.execute("TRUNCATE annotation_reports, annotation_posts, annotation_threads, moderation_audit,"
          + " annotation_settings");
    } catch (Exception e) {
      throw new AssertionError("preparing pledgepad_test failed", e);
    }
    db = AnnotationDb.postgres(url);
    return new SqlAnnotationRepository(db);
  }

  /** Flyway through the production store (the test meets exactly the migrated schema), and the documents. */
  private static void migrate(DatabaseUrl url) {
    io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
    try {
      DocumentStore store = DocumentStores.create(vertx,
          org.pledgepad.server.config.ConfigLoader.load(java.util.Map.of("DATABASE_URL", TestDatabase.url())));
      Await.result(store.start());
      for (String doc : new String[] {"doc", "other"}) {
        Await.result(store.putDocument(doc, doc, DocumentKind.MOTION, DocumentStage.DRAFT));
      }
      Await.result(store.close());
    } finally {
      Await.result(vertx.close());
    }
  }

  /**
   * Two server nodes (two connections) store a post of the same person into the same thread while
   * one place of their quota is left. Node A counts inside its insert and, before storing, lets
   * node B try the same; B must wait for A's transaction (or, without the lock, it counts the same
   * free place and stores its post: one over the quota).
   */
  @Test
  void twoNodesInsertingAtTheQuotaBoundaryLeaveExactlyTheQuota() throws Exception {
    int quota = 2;
    repo.insertThreadWithPost(thread("t", "doc", ANNA, null), post("p1", "t", "doc", ANNA, Moderation.VISIBLE));
    raceAtTheBoundary((node, name) -> node.insertPost(post("p-" + name, "t", "doc", ANNA, Moderation.VISIBLE),
        below(quota, () -> node.countPostsBy("t", "anna"))));
    assertThat(repo.countPostsBy("t", "anna")).isEqualTo(quota);
  }

  /** The same for opening threads: the person's open threads in one document. */
  @Test
  void twoNodesOpeningThreadsAtTheQuotaBoundaryLeaveExactlyTheQuota() throws Exception {
    int quota = 2;
    repo.insertThreadWithPost(thread("t", "doc", ANNA, null), post("p1", "t", "doc", ANNA, Moderation.VISIBLE));
    raceAtTheBoundary((node, name) -> {
      String id = "t-" + name;
      node.insertThreadWithPost(thread(id, "doc", ANNA, null), post(id + "-1", id, "doc", ANNA, Moderation.VISIBLE),
          below(quota, () -> node.countOpenThreadsBy("doc", "anna")));
    });
    assertThat(repo.countOpenThreadsBy("doc", "anna")).isEqualTo(quota);
  }

  /**
   * The same for changes that raise a count: two editors on two nodes reopen two resolved threads
   * of one person (locked by the document and the person, like an opening).
   */
  @Test
  void twoNodesReopeningThreadsAtTheQuotaBoundaryLeaveExactlyTheQuota() throws Exception {
    int quota = 2;
    repo.insertThreadWithPost(thread("t", "doc", ANNA, null), post("p1", "t", "doc", ANNA, Moderation.VISIBLE));
    for (String name : new String[] {"a", "b"}) {
      repo.insertThreadWithPost(thread("r-" + name, "doc", ANNA, null).withStatus(ThreadStatus.RESOLVED),
          post("r-" + name + "-1", "r-" + name, "doc", ANNA, Moderation.VISIBLE));
    }
    raceAtTheBoundary((node, name) -> node.updateThread(thread("r-" + name, "doc", ANNA, null),
        below(quota, () -> node.countOpenThreadsBy("doc", "anna"))));
    assertThat(repo.countOpenThreadsBy("doc", "anna")).isEqualTo(quota);
  }

  /**
   * Edits by one person on two nodes send two of their posts, in different threads and
   * documents, back to the moderators: only the person's lock orders them.
   */
  @Test
  void twoNodesSendingPostsBackToTheModeratorsAtTheQuotaBoundaryLeaveExactlyTheQuota() throws Exception {
    int quota = 2;
    repo.insertThreadWithPost(thread("t", "doc", ANNA, null), post("p1", "t", "doc", ANNA, Moderation.PENDING));
    repo.insertThreadWithPost(thread("u", "doc", ANNA, null), post("p-a", "u", "doc", ANNA, Moderation.VISIBLE));
    repo.insertThreadWithPost(thread("v", "other", ANNA, null), post("p-b", "v", "other", ANNA, Moderation.VISIBLE));
    raceAtTheBoundary((node, name) -> {
      Post stored = node.post("p-" + name).orElseThrow();
      node.updatePost(stored.withModeration(Moderation.PENDING, null),
          below(quota, () -> node.countPendingBy("anna")));
    });
    assertThat(repo.countPendingBy("anna")).isEqualTo(quota);
  }

  /**
   * Two moderators on two nodes show two hidden posts of different people in one thread again
   * while one place is left under the thread's cap.
   */
  @Test
  void twoNodesRestoringPostsAtTheThreadsCapLeaveExactlyTheCap() throws Exception {
    int cap = 2;
    repo.insertThreadWithPost(thread("t", "doc", ANNA, null), post("p1", "t", "doc", ANNA, Moderation.VISIBLE));
    repo.insertPost(post("p-a", "t", "doc", ANNA, Moderation.HIDDEN));
    repo.insertPost(post("p-b", "t", "doc", BEN, Moderation.HIDDEN));
    raceAtTheBoundary((node, name) -> {
      Post stored = node.post("p-" + name).orElseThrow();
      node.updatePost(stored.withModeration(Moderation.VISIBLE, null), below(cap, () -> node.countLivePosts("t")));
    });
    assertThat(repo.countLivePosts("t")).isEqualTo(cap);
  }

  /** The admission of a quota or cap: refused once {@code count} reached {@code limit}. */
  private static Admission below(int limit, IntSupplier count) {
    return () -> {
      if (count.getAsInt() >= limit) {
        throw new Refused();
      }
    };
  }

  /**
   * Runs {@code insert} (or an admitted update) on this test's repository (node A) and, from
   * inside A's admission, on a second node; A goes on once B has finished or waits for a lock. Exactly one of them is refused.
   */
  private void raceAtTheBoundary(BiConsumer<AnnotationRepository, String> insert) throws Exception {
    DatabaseUrl url = TestDatabase.require();
    ExecutorService other = Executors.newSingleThreadExecutor();
    try (AnnotationDb dbB = AnnotationDb.postgres(url);
         Connection watch = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password())) {
      AnnotationRepository nodeB = new SqlAnnotationRepository(dbB);
      int pidB = dbB.with(c -> {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
          rs.next();
          return rs.getInt(1);
        }
      });
      AtomicReference<Future<?>> b = new AtomicReference<>();
      AnnotationRepository nodeA = (AnnotationRepository) java.lang.reflect.Proxy.newProxyInstance(
          AnnotationRepository.class.getClassLoader(), new Class<?>[] {AnnotationRepository.class}, (proxy, m, args) -> {
            Object out;
            try {
              out = m.invoke(repo, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
            // right after node A's first count, inside its transaction: node B's turn
            if (m.getName().startsWith("count") && b.get() == null) {
              b.set(other.submit(() -> insert.accept(nodeB, "b")));
              awaitDoneOrWaitingForALock(b.get(), watch, pidB);
            }
            return out;
          });
      Throwable refusedA = null;
      try {
        insert.accept(nodeA, "a");
      } catch (Refused e) {
        refusedA = e;
      }
      Throwable refusedB = null;
      try {
        b.get().get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        refusedB = e.getCause();
      }
      assertThat(refusedA).as("node A counted first and had the last place").isNull();
      assertThat(refusedB).as("node B counted after A's insert").isInstanceOf(Refused.class);
    } finally {
      other.shutdownNow();
    }
  }

  /** Polls until node B's statement finished or its backend waits for a lock (deadline: a hang is a failure). */
  private static void awaitDoneOrWaitingForALock(Future<?> b, Connection watch, int pid) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    try (PreparedStatement ps = watch.prepareStatement(
        "SELECT wait_event_type = 'Lock' FROM pg_stat_activity WHERE pid = ?")) {
      ps.setInt(1, pid);
      while (!b.isDone()) {
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next() && rs.getBoolean(1)) {
            return;
          }
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError("node B neither finished nor waited for a lock");
        }
        Thread.sleep(10);
      }
    }
  }

  @AfterEach
  void close() {
    if (db != null) {
      db.close();
    }
  }
}
