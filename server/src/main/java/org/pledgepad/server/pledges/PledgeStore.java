package org.pledgepad.server.pledges;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.pledgepad.pledges.model.DocumentKind;
import org.pledgepad.pledges.model.LinkKind;
import org.pledgepad.pledges.model.LinkOrigin;
import org.pledgepad.pledges.model.Pledge;
import org.pledgepad.pledges.model.PledgeDocument;
import org.pledgepad.pledges.model.PledgeLink;
import org.pledgepad.pledges.model.PledgeStatus;
import org.pledgepad.pledges.model.StatusChange;
import org.pledgepad.pledges.model.StatusEvidence;
import org.pledgepad.pledges.model.StatusTrack;
import org.pledgepad.pledges.model.Succession;
import org.pledgepad.pledges.model.CarryOver;
import io.vertx.core.json.JsonObject;

/**
 * The pledge tables (schema/V4__pledges.sql, embedded/pledges-v1.sql) in the same SQL for
 * PostgreSQL and SQLite. Document metadata and the pledge index are written together with the
 * index refresh; links and statuses are written by people through the REST API.
 */
public final class PledgeStore {
  private final PledgeDb db;

  PledgeStore(PledgeDb db) {
    this.db = db;
  }

  /**
   * Inserts or replaces a document's metadata; its pledge index is left as it is. On PostgreSQL
   * the other nodes hear of it when it commits ({@link PledgeChanges}).
   */
  public Future<Void> putMetadata(PledgeDocument d) {
    return db.tx(c -> {
      writeMetadata(c, d);
      if (db.shared()) {
        PledgeChanges.announce(c, d.id());
      }
      return null;
    });
  }

  private static void writeMetadata(Connection c, PledgeDocument d) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO pledge_documents (document, title, issuer, kind, period, source_url, licence, chapter, preamble)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (document) DO UPDATE SET title = excluded.title,"
            + " issuer = excluded.issuer, kind = excluded.kind, period = excluded.period,"
            + " source_url = excluded.source_url, licence = excluded.licence, chapter = excluded.chapter")) {
      ps.setString(1, d.id());
      ps.setString(2, d.title());
      ps.setString(3, d.issuer());
      ps.setString(4, d.kind().name());
      ps.setString(5, d.period());
      ps.setString(6, d.sourceUrl());
      ps.setString(7, d.licence());
      ps.setString(8, d.chapter());
      ps.setString(9, new JsonArray(new ArrayList<>(d.preamble())).encode());
      ps.executeUpdate();
    }
  }

  /**
   * The pledge rows of an import, in one transaction: the documents' metadata and index, then the
   * file's links, status tracks and successions (the file's own pledges only, checked by the
   * caller). Every pledge id must be free: the index insert of an id another document holds, also
   * one another import is inserting at this moment (its insert waits for that transaction), does
   * nothing, the count shows it, and the whole transaction is rolled back with
   * {@link PledgeConflictException}. The documents' names must be taken in the document store
   * already ({@code DocumentStore.createDocument}). Links already present (the file's own
   * duplicates) and successions whose successor has a predecessor are skipped, as in the REST routes.
   */
  public Future<Void> importDocuments(List<PledgeDocument> documents, List<PledgeLink> links,
      List<StatusTrack> tracks, List<Succession> successions, String actor, Instant at) {
    return db.tx(c -> {
      for (PledgeDocument d : documents) {
        writeMetadata(c, d);
        writeIndex(c, d.id(), d.preamble(), d.pledges());
        long distinct = d.pledges().stream().map(Pledge::id).distinct().count();
        if (indexed(c, d.id()) != distinct) {
          throw new PledgeConflictException("a pledge id of this file exists");
        }
      }
      for (PledgeLink l : links) {
        insertLink(c, l);
      }
      for (StatusTrack t : tracks) {
        writeTrack(c, t);
      }
      for (Succession x : successions) {
        insertSuccession(c, x, actor, at);
      }
      if (db.shared()) {
        for (PledgeDocument d : documents) {
          PledgeChanges.announce(c, d.id());
        }
      }
      return null;
    });
  }

  private static long indexed(Connection c, String document) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pledges WHERE document = ?")) {
      ps.setString(1, document);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Replaces the index of one document with what was read from its CRDT content. A pledge id
   * belongs for good to the document that first indexed it ({@code pledge_id_owners}, schema
   * V21): an id names one pledge, its links and its status track. A heading copied from another
   * document keeps its id attribute; it reads as a plain heading here, as a copy inside one
   * document does, also after the original heading was deleted (until V21 the copy then took the
   * id, with the other document's links and status track). A heading restored in its own
   * document finds its id, links and track again. Claims and inserts skip ids taken meanwhile, so
   * two concurrent refreshes of one document (two server nodes) both commit.
   */
  public Future<Void> replaceIndex(String document, List<String> preamble, List<Pledge> pledges) {
    return db.tx(c -> {
      writeIndex(c, document, preamble, pledges);
      return null;
    });
  }

  /**
   * {@link #replaceIndex} on the caller's connection and transaction (also the erasure's, which
   * runs without the server); false when {@code document} is not a pledge document.
   */
  static boolean writeIndex(Connection c, String document, List<String> preamble, List<Pledge> pledges)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE pledge_documents SET preamble = ? WHERE document = ?")) {
      ps.setString(1, new JsonArray(new ArrayList<>(preamble)).encode());
      ps.setString(2, document);
      if (ps.executeUpdate() == 0) {
        return false;   // not a pledge document: nothing to index
      }
    }
    Set<String> owned = claim(c, document, pledges);
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM pledges WHERE document = ?")) {
      ps.setString(1, document);
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO pledges (id, document, position, title, body, chapter, full_text) VALUES (?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (id) DO NOTHING")) {
      int position = 0;
      for (Pledge p : pledges) {
        if (!owned.contains(p.id())) {
          continue;
        }
        ps.setString(1, p.id());
        ps.setString(2, document);
        ps.setInt(3, position++);
        ps.setString(4, p.title());
        ps.setString(5, p.body());
        ps.setString(6, p.chapter());
        ps.setString(7, new JsonArray(new ArrayList<>(p.fullText())).encode());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    return true;
  }

  /**
   * Claims the ids of {@code pledges} that no document owns yet for {@code document}; returns
   * those of them it owns now (claimed before or just now).
   */
  private static Set<String> claim(Connection c, String document, List<Pledge> pledges) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO pledge_id_owners (id, document) VALUES (?, ?) ON CONFLICT (id) DO NOTHING")) {
      for (Pledge p : pledges) {
        ps.setString(1, p.id());
        ps.setString(2, document);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    Set<String> owned = new HashSet<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM pledge_id_owners WHERE document = ?")) {
      ps.setString(1, document);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          owned.add(rs.getString(1));
        }
      }
    }
    return owned;
  }

  /** Every pledge document with its indexed pledges, by name. */
  public Future<List<PledgeDocument>> documents() {
    return db.tx(c -> readDocuments(c, null));
  }

  public Future<Optional<PledgeDocument>> document(String name) {
    return db.tx(c -> readDocuments(c, name).stream().findFirst());
  }

  /** The document holding a pledge, if the pledge is in the index. */
  public Future<Optional<String>> documentOf(String pledgeId) {
    return db.tx(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT document FROM pledges WHERE id = ?")) {
        ps.setString(1, pledgeId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
      }
    });
  }

  public Future<List<StoredLink>> links() {
    return db.tx(c -> {
      List<StoredLink> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT id, a, b, kind, created_by, created_at, origin FROM pledge_links ORDER BY created_at, id");
           ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new StoredLink(rs.getString(1), new PledgeLink(rs.getString(2), rs.getString(3),
              LinkKind.valueOf(rs.getString(4)), rs.getString(5), Instant.parse(rs.getString(6)),
              LinkOrigin.valueOf(rs.getString(7)))));
        }
      }
      return out;
    });
  }

  public Future<Optional<StoredLink>> link(String id) {
    return links().map(all -> all.stream().filter(l -> l.id().equals(id)).findFirst());
  }

  /**
   * Adds a link; empty when a link between the same two pledges (either direction) exists. The
   * unique index on the unordered pair (V17, embedded pledges-v3) decides, not a read before the
   * insert: two nodes linking x→y and y→x, or the same pair twice, at once store one link, and the
   * other insert waits for it and then does nothing (READ COMMITTED), so its caller gets empty.
   */
  public Future<Optional<StoredLink>> addLink(PledgeLink link) {
    return db.tx(c -> insertLink(c, link));
  }

  private static Optional<StoredLink> insertLink(Connection c, PledgeLink link) throws SQLException {
    String id = UUID.randomUUID().toString();
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO pledge_links (id, a, b, kind, created_by, created_at, origin) VALUES (?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT DO NOTHING")) {
      ps.setString(1, id);
      ps.setString(2, link.a());
      ps.setString(3, link.b());
      ps.setString(4, link.kind().name());
      ps.setString(5, link.createdBy());
      ps.setString(6, link.createdAt().toString());
      ps.setString(7, link.origin().name());
      if (ps.executeUpdate() == 0) {
        return Optional.<StoredLink>empty();
      }
    }
    return Optional.of(new StoredLink(id, link));
  }

  public Future<Boolean> deleteLink(String id) {
    return db.tx(c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM pledge_links WHERE id = ?")) {
        ps.setString(1, id);
        return ps.executeUpdate() > 0;
      }
    });
  }

  /**
   * Whether pledge {@code pledgeId} of document {@code document} has a status history entry
   * {@code entry} (0 = the first, in the order of {@link #statuses}): what comments on a status name.
   */
  public Future<Boolean> hasStatusEntry(String document, String pledgeId, int entry) {
    return db.tx(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pledge_status_changes s"
          + " JOIN pledges p ON p.id = s.pledge_id WHERE p.id = ? AND p.document = ?")) {
        ps.setString(1, pledgeId);
        ps.setString(2, document);
        try (ResultSet rs = ps.executeQuery()) {
          return entry >= 0 && rs.next() && entry < rs.getInt(1);
        }
      }
    });
  }

  /** Status tracks of the given pledges (an open track for pledges never assessed), in the given order. */
  public Future<List<StatusTrack>> statuses(Collection<String> pledgeIds) {
    return db.tx(c -> {
      Map<String, List<StatusChange>> history = new LinkedHashMap<>();
      Map<String, List<StatusEvidence>> evidence = new LinkedHashMap<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT pledge_id, status, at, changed_by, note FROM pledge_status_changes ORDER BY pledge_id, seq");
           ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          history.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new StatusChange(
              PledgeStatus.valueOf(rs.getString(2)), Instant.parse(rs.getString(3)), rs.getString(4), rs.getString(5)));
        }
      }
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT pledge_id, evidence_date, text, link FROM pledge_evidence ORDER BY pledge_id, seq");
           ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          evidence.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new StatusEvidence(
              LocalDate.parse(rs.getString(2)), rs.getString(3), rs.getString(4)));
        }
      }
      List<StatusTrack> out = new ArrayList<>();
      for (String id : pledgeIds) {
        out.add(new StatusTrack(id, history.getOrDefault(id, List.of()), evidence.getOrDefault(id, List.of())));
      }
      return out;
    });
  }

  /**
   * Appends one status change at {@code now} by {@code changedBy} and, if given, one evidence entry
   * to a pledge's track. The history is kept in time order: a change is never dated before the
   * last one (a node whose clock is behind, or a clock step backwards), and that last one is read
   * in this transaction, right before the insert that takes the next seq.
   */
  public Future<Void> addStatus(String pledgeId, PledgeStatus status, Instant now, String changedBy, String note,
      StatusEvidence evidence) {
    return db.tx(c -> {
      appendChange(c, pledgeId, new StatusChange(status, now, changedBy, note), true);
      if (evidence != null) {
        insertEvidence(c, pledgeId, evidence);
      }
      return null;
    });
  }

  /** Writes a whole track (import of an open-data file); existing history of that pledge stays. */
  private static void writeTrack(Connection c, StatusTrack track) throws SQLException {
    for (StatusChange ch : track.history()) {
      appendChange(c, track.pledgeId(), ch, false);
    }
    for (StatusEvidence e : track.evidence()) {
      insertEvidence(c, track.pledgeId(), e);
    }
  }

  /**
   * How often an append reads the track again after another node took the seq it meant to use.
   * Each retry follows a change that committed, so running out means a flood of changes to one
   * pledge; the caller gets a conflict, not a storage failure.
   */
  static final int MAX_APPEND_ATTEMPTS = 20;

  /**
   * Inserts a status change with the next seq. Two moderators on two nodes read the same last seq;
   * the second insert waits for the first transaction and, once it committed, does nothing
   * (ON CONFLICT on (pledge_id, seq)); the next statement of this transaction sees the committed
   * change (READ COMMITTED), so the loop reads the track again and appends after it.
   */
  private static void appendChange(Connection c, String pledgeId, StatusChange ch, boolean keepTimeOrder)
      throws SQLException {
    for (int attempt = 0; attempt < MAX_APPEND_ATTEMPTS; attempt++) {
      int seq = 0;
      Instant last = null;
      // One statement, one snapshot: the seq and the time of the same last change.
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT seq, at FROM pledge_status_changes WHERE pledge_id = ? ORDER BY seq DESC LIMIT 1")) {
        ps.setString(1, pledgeId);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            seq = rs.getInt(1);
            last = Instant.parse(rs.getString(2));
          }
        }
      }
      Instant at = keepTimeOrder && last != null && ch.at().isBefore(last) ? last : ch.at();
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO pledge_status_changes (id, pledge_id, seq, status, at, changed_by, note) VALUES (?, ?, ?, ?, ?, ?, ?)"
              + " ON CONFLICT (pledge_id, seq) DO NOTHING")) {
        ps.setString(1, UUID.randomUUID().toString());
        ps.setString(2, pledgeId);
        ps.setInt(3, seq + 1);
        ps.setString(4, ch.status().name());
        ps.setString(5, at.toString());
        ps.setString(6, ch.changedBy());
        ps.setString(7, ch.note());
        if (ps.executeUpdate() == 1) {
          return;
        }
      }
    }
    throw new PledgeConflictException("the status of this pledge is being changed by others");
  }

  /** Inserts an evidence entry with the next seq, reading again when another node took it (as above). */
  private static void insertEvidence(Connection c, String pledgeId, StatusEvidence e) throws SQLException {
    for (int attempt = 0; attempt < MAX_APPEND_ATTEMPTS; attempt++) {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO pledge_evidence (id, pledge_id, seq, evidence_date, text, link)"
              + " SELECT ?, ?, COALESCE(MAX(seq), 0) + 1, ?, ?, ? FROM pledge_evidence WHERE pledge_id = ?"
              + " ON CONFLICT (pledge_id, seq) DO NOTHING")) {
        ps.setString(1, UUID.randomUUID().toString());
        ps.setString(2, pledgeId);
        ps.setString(3, e.date().toString());
        ps.setString(4, e.text());
        ps.setString(5, e.link());
        ps.setString(6, pledgeId);
        if (ps.executeUpdate() == 1) {
          return;
        }
      }
    }
    throw new PledgeConflictException("the evidence of this pledge is being changed by others");
  }

  /** Every succession, by predecessor and successor. */
  public Future<List<Succession>> successions() {
    return db.tx(c -> {
      List<Succession> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT body FROM pledge_successions ORDER BY predecessor, successor");
           ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(decodeSuccession(rs.getString(1)));
        }
      }
      return out;
    });
  }

  /** The succession a document is the successor of (the API allows one predecessor per successor). */
  public Future<Optional<Succession>> successionOf(String successor) {
    return db.tx(c -> successionOf(c, successor));
  }

  private static Optional<Succession> successionOf(Connection c, String successor) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT body FROM pledge_successions WHERE successor = ?")) {
      ps.setString(1, successor);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(decodeSuccession(rs.getString(1))) : Optional.<Succession>empty();
      }
    }
  }

  /**
   * Adds a succession and logs who declared it; false when the successor already has a
   * predecessor. One predecessor per successor keeps /api/pledges/successions/{successor} unambiguous.
   */
  public Future<Boolean> addSuccession(Succession s, String actor, Instant at) {
    return db.tx(c -> insertSuccession(c, s, actor, at));
  }

  private static boolean insertSuccession(Connection c, Succession s, String actor, Instant at) throws SQLException {
    if (successionOf(c, s.successorId()).isPresent()) {
      return false;
    }
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO pledge_successions (predecessor, successor, body) VALUES (?, ?, ?)")) {
      ps.setString(1, s.predecessorId());
      ps.setString(2, s.successorId());
      ps.setString(3, encodeSuccession(s));
      ps.executeUpdate();
    }
    log(c, s, SuccessionAction.DECLARED, actor, at);
    return true;
  }

  /** Replaces the carry-overs, drops and notes of an existing succession and logs who decided. */
  public Future<Boolean> putSuccession(Succession s, String actor, Instant at) {
    return db.tx(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE pledge_successions SET body = ? WHERE predecessor = ? AND successor = ?")) {
        ps.setString(1, encodeSuccession(s));
        ps.setString(2, s.predecessorId());
        ps.setString(3, s.successorId());
        if (ps.executeUpdate() == 0) {
          return false;
        }
      }
      log(c, s, SuccessionAction.DECIDED, actor, at);
      return true;
    });
  }

  /** Deletes the succession of a successor, keeping its last body in the log; empty if there was none. */
  public Future<Optional<Succession>> deleteSuccession(String successor, String actor, Instant at) {
    return db.tx(c -> {
      Optional<Succession> old = successionOf(c, successor);
      if (old.isEmpty()) {
        return old;
      }
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM pledge_successions WHERE successor = ?")) {
        ps.setString(1, successor);
        ps.executeUpdate();
      }
      log(c, old.get(), SuccessionAction.DELETED, actor, at);
      return old;
    });
  }

  /** The audit log of the successions of one successor document, oldest first. */
  public Future<List<SuccessionLogEntry>> successionLog(String successor) {
    return db.tx(c -> {
      List<SuccessionLogEntry> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT action, actor, at, body FROM pledge_succession_log WHERE successor = ? ORDER BY seq")) {
        ps.setString(1, successor);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new SuccessionLogEntry(SuccessionAction.valueOf(rs.getString(1)), rs.getString(2),
                Instant.parse(rs.getString(3)), decodeSuccession(rs.getString(4))));
          }
        }
      }
      return out;
    });
  }

  private static void log(Connection c, Succession s, SuccessionAction action, String actor, Instant at)
      throws SQLException {
    int seq;
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT COALESCE(MAX(seq), 0) + 1 FROM pledge_succession_log WHERE successor = ?")) {
      ps.setString(1, s.successorId());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        seq = rs.getInt(1);
      }
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO pledge_succession_log"
        + " (successor, seq, predecessor, action, actor, at, body) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, s.successorId());
      ps.setInt(2, seq);
      ps.setString(3, s.predecessorId());
      ps.setString(4, action.name());
      ps.setString(5, actor);
      ps.setString(6, at.toString());
      ps.setString(7, encodeSuccession(s));
      ps.executeUpdate();
    }
  }

  /** Field names as in the open-data export (record components). */
  static String encodeSuccession(Succession s) {
    JsonArray carried = new JsonArray();
    for (CarryOver co : s.carriedOver()) {
      carried.add(new JsonObject().put("predecessorPledgeId", co.predecessorPledgeId())
          .put("successorPledgeId", co.successorPledgeId()).put("kind", co.kind().name()));
    }
    JsonObject notes = new JsonObject();
    s.notes().forEach(notes::put);
    return new JsonObject().put("predecessorId", s.predecessorId()).put("successorId", s.successorId())
        .put("effective", s.effective().toString()).put("carriedOver", carried)
        .put("dropped", new JsonArray(new ArrayList<>(s.dropped()))).put("notes", notes).encode();
  }

  static Succession decodeSuccession(String json) {
    JsonObject o = new JsonObject(json);
    List<CarryOver> carried = new ArrayList<>();
    o.getJsonArray("carriedOver", new JsonArray()).forEach(x -> {
      JsonObject co = (JsonObject) x;
      carried.add(new CarryOver(co.getString("predecessorPledgeId"), co.getString("successorPledgeId"),
          LinkKind.valueOf(co.getString("kind"))));
    });
    List<String> dropped = new ArrayList<>();
    o.getJsonArray("dropped", new JsonArray()).forEach(x -> dropped.add((String) x));
    Map<String, String> notes = new LinkedHashMap<>();
    o.getJsonObject("notes", new JsonObject()).forEach(e -> notes.put(e.getKey(), String.valueOf(e.getValue())));
    return new Succession(o.getString("predecessorId"), o.getString("successorId"),
        LocalDate.parse(o.getString("effective")), carried, dropped, notes);
  }

  private static List<PledgeDocument> readDocuments(Connection c, String only) throws SQLException {
    Map<String, List<Pledge>> pledges = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT document, id, title, body, chapter, full_text FROM pledges"
            + (only == null ? "" : " WHERE document = ?") + " ORDER BY document, position")) {
      if (only != null) {
        ps.setString(1, only);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          pledges.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Pledge(
              rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), strings(rs.getString(6))));
        }
      }
    }
    List<PledgeDocument> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT document, title, issuer, kind, period, source_url, licence, chapter, preamble FROM pledge_documents"
            + (only == null ? "" : " WHERE document = ?") + " ORDER BY document")) {
      if (only != null) {
        ps.setString(1, only);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String name = rs.getString(1);
          out.add(new PledgeDocument(name, rs.getString(2), rs.getString(3), DocumentKind.valueOf(rs.getString(4)),
              rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), strings(rs.getString(9)),
              pledges.getOrDefault(name, List.of())));
        }
      }
    }
    return out;
  }

  private static List<String> strings(String json) {
    List<String> out = new ArrayList<>();
    new JsonArray(json).forEach(o -> out.add((String) o));
    return out;
  }
}
