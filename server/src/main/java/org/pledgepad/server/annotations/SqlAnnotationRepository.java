package org.pledgepad.server.annotations;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
import org.pledgepad.annotations.repo.Admission;
import org.pledgepad.annotations.repo.AnnotationRepository;

/**
 * {@link AnnotationRepository} over the SQL tables of schema/V3 (PostgreSQL) or their embedded
 * twin: plain JDBC with the same statements for both databases. Blocking; the server calls it
 * from worker threads only. Enum values are stored lower-case and hyphenated, as the CHECK
 * constraints spell them.
 */
public final class SqlAnnotationRepository implements AnnotationRepository {
  private static final String THREAD_COLUMNS = "id, document, kind, anchor_start, anchor_end, quote, author_id,"
      + " author_name, author_pseudonym, created_at, status, locked, replacement, suggestion_state, decided_by,"
      + " decision_reason, decided_at, target";
  private static final String POST_COLUMNS = "id, thread_id, document, author_id, author_name, author_pseudonym,"
      + " body, created_at, edited_at, deleted, moderation, hidden_reason";
  private static final String REPORT_COLUMNS = "id, document, post_id, reporter_id, reason, created_at, open,"
      + " closed_by, closed_at, close_note";

  private final AnnotationDb db;

  public SqlAnnotationRepository(AnnotationDb db) {
    this.db = db;
  }

  // threads

  @Override
  public void insertThread(AnnotationThread t) {
    insert("INSERT INTO annotation_threads (" + THREAD_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ps -> {
          ps.setString(1, t.id());
          ps.setString(2, t.document());
          ps.setString(3, wire(t.kind()));
          ps.setBytes(4, t.anchor().start());
          ps.setBytes(5, t.anchor().end());
          ps.setString(6, t.anchor().quote());
          threadTail(ps, 7, t);
          ps.setString(18, t.target()); // fixed at creation: not in updateThread
        });
  }

  @Override
  public void insertThreadWithPost(AnnotationThread t, Post opening, Admission admission) {
    // Lock order: the document (or thread, below) before the person, so two inserts never wait in a circle.
    admitted(admission, () -> {
      insertThread(t);
      insertPost(opening);
    }, "document:" + t.document(), person(opening.author()));
  }

  /*
   * Erasure (PrivacyService.eraseFor) runs outside the document queues, while every service
   * action reads a whole row and writes it all back. A write-back from a copy read before the
   * erasure must not bring the person back, so the personal columns of a row whose author link
   * is already cut (author_id NULL: only erasure produces it) keep their stored values. Done in
   * the statement itself (SET expressions see the row as it was before the UPDATE, in PostgreSQL
   * and SQLite alike), so no ordering between erasure and the other writers is needed.
   */
  private static final String KEEP_IF_ERASED = "CASE WHEN %2$s IS NULL THEN %1$s ELSE ? END";

  private static String keepIfErased(String column) {
    return keepIfErased(column, "author_id");
  }

  /** {@code link}: the column whose NULL marks the row as erased (author_id, reporter_id). */
  private static String keepIfErased(String column, String link) {
    return column + " = " + KEEP_IF_ERASED.formatted(column, link);
  }

  @Override
  public void updateThread(AnnotationThread t) {
    if (writeThread(t, null) == 0) {
      throw new IllegalStateException("no such thread");
    }
  }

  @Override
  public void updateThread(AnnotationThread t, Admission admission) {
    // The same keys as an opening in the document: both change the author's open threads there.
    admitted(admission, () -> updateThread(t), "document:" + t.document(), person(t.author()));
  }

  @Override
  public boolean updateThreadIf(AnnotationThread read, AnnotationThread changed) {
    return writeThread(changed, read) == 1;
  }

  /**
   * With {@code read}: only while status, suggestion state, replacement, passage and decision time
   * are still as read (compare-and-set; an editor decides on what they read).
   */
  private int writeThread(AnnotationThread t, AnnotationThread read) {
    // Erasure settles an erased author's suggestion: an open one is withdrawn, a self-withdrawn
    // one loses its decider. A stale copy — "open", or "withdrawn" still naming the suggester —
    // must not undo that, so the whole decision (state, by, reason, at) stays once the row is
    // erased. Nothing decides an erased suggestion afterwards: it is never open again.
    return update("UPDATE annotation_threads SET anchor_start = ?, anchor_end = ?, quote = ?, " + keepIfErased("author_id")
        + ", " + keepIfErased("author_name") + ", " + keepIfErased("author_pseudonym")
        + ", created_at = ?, status = ?, locked = ?, " + keepIfErased("replacement")
        + ", " + keepIfErased("suggestion_state") + ", " + keepIfErased("decided_by")
        + ", " + keepIfErased("decision_reason") + ", " + keepIfErased("decided_at") + " WHERE id = ?"
        + (read == null ? "" : " AND status = ? AND COALESCE(suggestion_state, '') = ?"
            + " AND COALESCE(replacement, '') = ? AND anchor_start = ? AND anchor_end = ? AND quote = ?"
            + (decidedAt(read) == null ? " AND decided_at IS NULL" : " AND decided_at = ?")), ps -> {
          ps.setBytes(1, t.anchor().start());
          ps.setBytes(2, t.anchor().end());
          ps.setString(3, t.anchor().quote());
          ps.setString(4, t.author().id());
          ps.setString(5, t.author().name());
          ps.setBoolean(6, t.author().pseudonym());
          db.setTime(ps, 7, t.createdAt());
          ps.setString(8, wire(t.status()));
          ps.setBoolean(9, t.locked());
          Suggestion s = t.suggestion();
          ps.setString(10, s == null ? null : s.replacement());
          ps.setString(11, s == null ? null : wire(s.state()));
          ps.setString(12, s == null ? null : s.decidedBy());
          ps.setString(13, s == null ? null : s.decisionReason());
          db.setTime(ps, 14, s == null ? null : s.decidedAt());
          ps.setString(15, t.id());
          if (read != null) {
            ps.setString(16, wire(read.status()));
            ps.setString(17, read.suggestion() == null ? "" : wire(read.suggestion().state()));
            String replacement = read.suggestion() == null ? null : read.suggestion().replacement();
            ps.setString(18, replacement == null ? "" : replacement);
            ps.setBytes(19, read.anchor().start());
            ps.setBytes(20, read.anchor().end());
            ps.setString(21, read.anchor().quote());
            if (decidedAt(read) != null) {
              db.setTime(ps, 22, decidedAt(read));
            }
          }
        });
  }

  private static Instant decidedAt(AnnotationThread t) {
    return t.suggestion() == null ? null : t.suggestion().decidedAt();
  }

  /** author … decided_at: the 11 columns after the quote, starting at parameter {@code i}. */
  private void threadTail(PreparedStatement ps, int i, AnnotationThread t) throws SQLException {
    ps.setString(i, t.author().id());
    ps.setString(i + 1, t.author().name());
    ps.setBoolean(i + 2, t.author().pseudonym());
    db.setTime(ps, i + 3, t.createdAt());
    ps.setString(i + 4, wire(t.status()));
    ps.setBoolean(i + 5, t.locked());
    Suggestion s = t.suggestion();
    ps.setString(i + 6, s == null ? null : s.replacement());
    ps.setString(i + 7, s == null ? null : wire(s.state()));
    ps.setString(i + 8, s == null ? null : s.decidedBy());
    ps.setString(i + 9, s == null ? null : s.decisionReason());
    db.setTime(ps, i + 10, s == null ? null : s.decidedAt());
  }

  @Override
  public Optional<AnnotationThread> thread(String id) {
    return query("SELECT " + THREAD_COLUMNS + " FROM annotation_threads WHERE id = ?", ps -> ps.setString(1, id),
        this::thread).stream().findFirst();
  }

  @Override
  public List<AnnotationThread> threads(String document) {
    return query("SELECT " + THREAD_COLUMNS + " FROM annotation_threads WHERE document = ? ORDER BY " + db.order(),
        ps -> ps.setString(1, document), this::thread);
  }

  /**
   * Condition on thread {@code t}: its opening post (the first by creation order) matches
   * {@code condition} on {@code o}. Answered by the (thread_id, seq) index, one probe per thread.
   */
  private String openingPost(String condition) {
    String order = db.order();
    return "EXISTS (SELECT 1 FROM annotation_posts o WHERE o.thread_id = t.id AND (" + condition + ") AND o." + order
        + " = (SELECT min(f." + order + ") FROM annotation_posts f WHERE f.thread_id = t.id))";
  }

  @Override
  public int countThreads(String document) {
    return count("SELECT count(*) FROM annotation_threads t WHERE t.document = ? AND NOT "
        + openingPost("o.deleted OR o.moderation = 'hidden'"), ps -> ps.setString(1, document));
  }

  @Override
  public List<AnnotationThread> threadsAfter(String document, String target, String afterId, int limit) {
    List<String> values = target == null ? List.of(document) : List.of(document, target);
    return after("SELECT " + THREAD_COLUMNS + " FROM annotation_threads WHERE document = ? AND "
        + (target == null ? "target IS NULL" : "target = ?"), "annotation_threads", values, afterId, limit, this::thread);
  }

  @Override
  public List<Post> postsAfter(String threadId, String afterId, int limit) {
    return after("SELECT " + POST_COLUMNS + " FROM annotation_posts WHERE thread_id = ?", "annotation_posts",
        List.of(threadId), afterId, limit, this::post);
  }

  /**
   * Keyset paging: the rows of {@code select} (its {@code ?} bound to {@code values}) after the row
   * {@code afterId} of {@code table} in creation order (null: from the first), at most {@code limit}.
   */
  private <T> List<T> after(String select, String table, List<String> values, String afterId, int limit,
      RowMapper<T> mapper) {
    String order = db.order();
    return query(select
        + (afterId == null ? "" : " AND " + order + " > (SELECT a." + order + " FROM " + table + " a WHERE a.id = ?)")
        + " ORDER BY " + order + " LIMIT ?", ps -> {
          int i = 1;
          for (String v : values) {
            ps.setString(i++, v);
          }
          if (afterId != null) {
            ps.setString(i++, afterId);
          }
          ps.setInt(i, limit);
        }, mapper);
  }

  @Override
  public List<Post> firstPosts(List<String> threadIds, int perThread) {
    if (threadIds.isEmpty()) {
      return List.of();
    }
    // row_number() per thread (PostgreSQL, and SQLite since 3.25): the first posts of every thread
    // of a page in one statement; the caller's page bounds the id list (at most 501 parameters).
    String order = db.order();
    String marks = String.join(", ", java.util.Collections.nCopies(threadIds.size(), "?"));
    return query("SELECT " + POST_COLUMNS + " FROM (SELECT " + POST_COLUMNS + ", " + order + " AS ord, row_number()"
        + " OVER (PARTITION BY thread_id ORDER BY " + order + ") AS n FROM annotation_posts WHERE thread_id IN ("
        + marks + ")) ranked WHERE n <= ? ORDER BY ord", ps -> {
          int i = 1;
          for (String id : threadIds) {
            ps.setString(i++, id);
          }
          ps.setInt(i, perThread);
        }, this::post);
  }

  @Override
  public int countLivePosts(String threadId) {
    return count("SELECT count(*) FROM annotation_posts WHERE thread_id = ? AND NOT deleted AND moderation <> 'hidden'",
        ps -> ps.setString(1, threadId));
  }

  @Override
  public int countOpenThreadsBy(String document, String subject) {
    return count("SELECT count(*) FROM annotation_threads t WHERE t.document = ? AND t.author_id = ?"
        + " AND t.status = 'open' AND NOT " + openingPost("o.deleted"), ps -> {
          ps.setString(1, document);
          ps.setString(2, subject);
        });
  }

  @Override
  public int countPostsBy(String threadId, String subject) {
    return count("SELECT count(*) FROM annotation_posts WHERE thread_id = ? AND author_id = ? AND NOT deleted", ps -> {
      ps.setString(1, threadId);
      ps.setString(2, subject);
    });
  }

  @Override
  public int countPendingBy(String subject) {
    return count("SELECT count(*) FROM annotation_posts WHERE author_id = ? AND moderation = 'pending' AND NOT deleted",
        ps -> ps.setString(1, subject));
  }

  private int count(String sql, Binder binder) {
    return query(sql, binder, rs -> rs.getInt(1)).get(0);
  }

  @Override
  public List<AnnotationThread> threadsByAuthor(String subject) {
    return query("SELECT " + THREAD_COLUMNS + " FROM annotation_threads WHERE author_id = ? ORDER BY " + db.order(),
        ps -> ps.setString(1, subject), this::thread);
  }

  @Override
  public List<AnnotationThread> acceptedSuggestions(Instant from, Instant before) {
    return query("SELECT " + THREAD_COLUMNS + " FROM annotation_threads WHERE suggestion_state = 'accepted'"
        + " AND decided_at >= ? AND decided_at < ? ORDER BY " + db.order(), ps -> {
          db.setTime(ps, 1, from);
          db.setTime(ps, 2, before);
        }, this::thread);
  }

  private AnnotationThread thread(ResultSet rs) throws SQLException {
    ThreadKind kind = enumOf(ThreadKind.class, rs.getString("kind"));
    Suggestion s = null;
    if (kind == ThreadKind.SUGGESTION) {
      s = new Suggestion(rs.getString("replacement"), enumOf(SuggestionState.class, rs.getString("suggestion_state")),
          rs.getString("decided_by"), rs.getString("decision_reason"), db.time(rs, "decided_at"));
    }
    return new AnnotationThread(rs.getString("id"), rs.getString("document"), kind,
        new Anchor(rs.getBytes("anchor_start"), rs.getBytes("anchor_end"), rs.getString("quote")),
        new Author(rs.getString("author_id"), rs.getString("author_name"), rs.getBoolean("author_pseudonym")),
        db.time(rs, "created_at"), enumOf(ThreadStatus.class, rs.getString("status")), rs.getBoolean("locked"), s,
        rs.getString("target"));
  }

  // posts

  @Override
  public void insertPost(Post p) {
    insert("INSERT INTO annotation_posts (" + POST_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
      ps.setString(1, p.id());
      ps.setString(2, p.threadId());
      ps.setString(3, p.document());
      postTail(ps, 4, p);
    });
  }

  @Override
  public void insertPost(Post p, Admission admission) {
    admitted(admission, () -> insertPost(p), "thread:" + p.threadId(), person(p.author()));
  }

  /** The lock of the person's quotas (their pending posts span documents); none for an author without id. */
  private static String person(Author a) {
    return a.id() == null ? null : "person:" + a.id();
  }

  @Override
  public void updatePost(Post p) {
    // See KEEP_IF_ERASED: an erased post keeps its blanked body, its deleted flag and no author.
    update("UPDATE annotation_posts SET " + keepIfErased("author_id") + ", " + keepIfErased("author_name") + ", "
        + keepIfErased("author_pseudonym") + ", " + keepIfErased("body") + ", created_at = ?, edited_at = ?, "
        + keepIfErased("deleted") + ", moderation = ?, hidden_reason = ? WHERE id = ?", ps -> {
          postTail(ps, 1, p);
          ps.setString(10, p.id());
        }, "post");
  }

  @Override
  public void updatePost(Post p, Admission admission) {
    // A changed post may count toward the document (a hidden opening post shown again), its thread
    // and its author: every scope an insert locks, widest first as there.
    admitted(admission, () -> updatePost(p), "document:" + p.document(), "thread:" + p.threadId(), person(p.author()));
  }

  /**
   * Runs {@code write} after {@code admission} in one transaction holding the locks of
   * {@code keys} (widest scope first): the counts the admission reads stay true until the write.
   */
  private void admitted(Admission admission, Runnable write, String... keys) {
    db.inTransaction(c -> {
      db.serialise(c, keys);
      admission.check();
      write.run();
      return null;
    });
  }

  private void postTail(PreparedStatement ps, int i, Post p) throws SQLException {
    ps.setString(i, p.author().id());
    ps.setString(i + 1, p.author().name());
    ps.setBoolean(i + 2, p.author().pseudonym());
    ps.setString(i + 3, p.body());
    db.setTime(ps, i + 4, p.createdAt());
    db.setTime(ps, i + 5, p.editedAt());
    ps.setBoolean(i + 6, p.deleted());
    ps.setString(i + 7, wire(p.moderation()));
    ps.setString(i + 8, p.hiddenReason());
  }

  @Override
  public Optional<Post> post(String id) {
    return query("SELECT " + POST_COLUMNS + " FROM annotation_posts WHERE id = ?", ps -> ps.setString(1, id),
        this::post).stream().findFirst();
  }

  @Override
  public List<Post> posts(String threadId) {
    return posts("thread_id = ?", threadId);
  }

  @Override
  public List<Post> postsOfDocument(String document) {
    return posts("document = ?", document);
  }

  @Override
  public List<Post> pendingPosts(String document) {
    return query("SELECT " + POST_COLUMNS + " FROM annotation_posts WHERE document = ? AND moderation = 'pending'"
        + " AND NOT deleted ORDER BY " + db.order(), ps -> ps.setString(1, document), this::post);
  }

  @Override
  public List<Post> hiddenPosts(String document) {
    return posts("document = ? AND moderation = 'hidden' AND NOT deleted", document);
  }

  @Override
  public List<Post> postsByAuthor(String subject) {
    return posts("author_id = ?", subject);
  }

  private List<Post> posts(String where, String value) {
    return query("SELECT " + POST_COLUMNS + " FROM annotation_posts WHERE " + where + " ORDER BY " + db.order(),
        ps -> ps.setString(1, value), this::post);
  }

  private Post post(ResultSet rs) throws SQLException {
    return new Post(rs.getString("id"), rs.getString("thread_id"), rs.getString("document"),
        new Author(rs.getString("author_id"), rs.getString("author_name"), rs.getBoolean("author_pseudonym")),
        rs.getString("body"), db.time(rs, "created_at"), db.time(rs, "edited_at"), rs.getBoolean("deleted"),
        enumOf(Moderation.class, rs.getString("moderation")), rs.getString("hidden_reason"));
  }

  // reports

  @Override
  public void insertReport(Report r) {
    insert("INSERT INTO annotation_reports (" + REPORT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
      ps.setString(1, r.id());
      ps.setString(2, r.document());
      ps.setString(3, r.postId());
      reportTail(ps, 4, r);
    });
  }

  @Override
  public void updateReport(Report r) {
    // As for threads and posts (KEEP_IF_ERASED): a hide or dismissal that read an open report
    // before its reporter was erased must not write the reporter and the reason back.
    update("UPDATE annotation_reports SET " + keepIfErased("reporter_id", "reporter_id") + ", "
        + keepIfErased("reason", "reporter_id") + ", created_at = ?, open = ?, closed_by = ?,"
        + " closed_at = ?, close_note = ? WHERE id = ?", ps -> {
          reportTail(ps, 1, r);
          ps.setString(8, r.id());
        }, "report");
  }

  private void reportTail(PreparedStatement ps, int i, Report r) throws SQLException {
    ps.setString(i, r.reporterId());
    ps.setString(i + 1, r.reason());
    db.setTime(ps, i + 2, r.createdAt());
    ps.setBoolean(i + 3, r.open());
    ps.setString(i + 4, r.closedBy());
    db.setTime(ps, i + 5, r.closedAt());
    ps.setString(i + 6, r.closeNote());
  }

  @Override
  public Optional<Report> report(String id) {
    return query("SELECT " + REPORT_COLUMNS + " FROM annotation_reports WHERE id = ?", ps -> ps.setString(1, id),
        this::report).stream().findFirst();
  }

  @Override
  public List<Report> openReports(String document) {
    return reports("document = ? AND open", document);
  }

  @Override
  public List<Report> openReportsOn(String postId) {
    return reports("post_id = ? AND open", postId);
  }

  @Override
  public List<Report> reportsOn(String postId) {
    return reports("post_id = ?", postId);
  }

  @Override
  public List<Report> reportsBy(String subject) {
    return reports("reporter_id = ?", subject);
  }

  private List<Report> reports(String where, String value) {
    return query("SELECT " + REPORT_COLUMNS + " FROM annotation_reports WHERE " + where + " ORDER BY " + db.order(),
        ps -> ps.setString(1, value), this::report);
  }

  private Report report(ResultSet rs) throws SQLException {
    return new Report(rs.getString("id"), rs.getString("document"), rs.getString("post_id"),
        rs.getString("reporter_id"), rs.getString("reason"), db.time(rs, "created_at"), rs.getBoolean("open"),
        rs.getString("closed_by"), db.time(rs, "closed_at"), rs.getString("close_note"));
  }

  // audit log and settings

  @Override
  public AuditEntry appendAudit(AuditEntry e) {
    return db.with(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO moderation_audit"
          + " (document, actor_id, action, target_id, reason, at) VALUES (?, ?, ?, ?, ?, ?)",
          Statement.RETURN_GENERATED_KEYS)) {
        ps.setString(1, e.document());
        ps.setString(2, e.actorId());
        ps.setString(3, wire(e.action()));
        ps.setString(4, e.targetId());
        ps.setString(5, e.reason());
        db.setTime(ps, 6, e.at());
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
          keys.next();
          // PostgreSQL returns every column of the row, SQLite the rowid alone.
          return e.withSeq(db.isEmbedded() ? keys.getLong(1) : keys.getLong("seq"));
        }
      }
    });
  }

  private static final String AUDIT_SELECT = "SELECT seq, document, actor_id, action, target_id, reason, at"
      + " FROM moderation_audit WHERE document = ?";
  /** Targets per statement of {@link #auditOf}: well below SQLite's and PostgreSQL's parameter limits. */
  private static final int TARGETS_PER_QUERY = 500;

  @Override
  public List<AuditEntry> audit(String document) {
    return query(AUDIT_SELECT + " ORDER BY seq", ps -> ps.setString(1, document), this::auditEntry);
  }

  @Override
  public List<AuditEntry> auditOf(String document, Collection<String> targetIds) {
    List<String> ids = List.copyOf(new LinkedHashSet<>(targetIds));
    List<AuditEntry> out = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += TARGETS_PER_QUERY) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + TARGETS_PER_QUERY));
      // Answered by the target index (schema/V19, embedded annotations-v3.sql).
      out.addAll(query(AUDIT_SELECT + " AND target_id IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?"))
          + ")", ps -> {
            ps.setString(1, document);
            for (int i = 0; i < chunk.size(); i++) {
              ps.setString(i + 2, chunk.get(i));
            }
          }, this::auditEntry));
    }
    out.sort(Comparator.comparingLong(AuditEntry::seq));
    return out;
  }

  private AuditEntry auditEntry(ResultSet rs) throws SQLException {
    return new AuditEntry(rs.getLong("seq"), rs.getString("document"), rs.getString("actor_id"),
        enumOf(ModerationAction.class, rs.getString("action")), rs.getString("target_id"),
        rs.getString("reason"), db.time(rs, "at"));
  }

  @Override
  public boolean premoderated(String document) {
    return query("SELECT premoderated FROM annotation_settings WHERE document = ?", ps -> ps.setString(1, document),
        rs -> rs.getBoolean(1)).stream().findFirst().orElse(false);
  }

  @Override
  public void setPremoderated(String document, boolean on) {
    db.with(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO annotation_settings (document, premoderated)"
          + " VALUES (?, ?) ON CONFLICT (document) DO UPDATE SET premoderated = excluded.premoderated")) {
        ps.setString(1, document);
        ps.setBoolean(2, on);
        return ps.executeUpdate();
      }
    });
  }

  // helpers

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  @FunctionalInterface
  private interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
    return db.with(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        binder.bind(ps);
        List<T> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(mapper.map(rs));
          }
        }
        return out;
      }
    });
  }

  private void insert(String sql, Binder binder) {
    db.with(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        binder.bind(ps);
        return ps.executeUpdate();
      } catch (SQLException e) {
        if (AnnotationDb.isConstraintViolation(e)) {
          // Duplicate id (or a missing parent row): the contract's IllegalStateException.
          throw new IllegalStateException("annotation row refused by a constraint", e);
        }
        throw e;
      }
    });
  }

  private void update(String sql, Binder binder, String what) {
    if (update(sql, binder) == 0) {
      throw new IllegalStateException("no such " + what);
    }
  }

  /** The number of rows changed. */
  private int update(String sql, Binder binder) {
    return db.with(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        binder.bind(ps);
        return ps.executeUpdate();
      }
    });
  }

  private static String wire(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, String wire) {
    return Enum.valueOf(type, wire.toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
