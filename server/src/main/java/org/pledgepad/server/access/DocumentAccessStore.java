package org.pledgepad.server.access;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.pledgepad.auth.Body;

/**
 * Owner body, editors and commenters per document (the stage stays in the document store).
 * Blocking, like {@link AccessDb}.
 */
public final class DocumentAccessStore {
  /**
   * Owner of documents without an access row. Reserved: {@link SqlUserStore#add} refuses it, so
   * nobody is a member of an unassigned document (least privilege).
   */
  public static final Body NO_OWNER = new Body("no-owner");

  /** The stored facts of one document, without its stage. */
  public record Entry(Body ownerBody, Set<String> editors, Set<String> commenters) {}

  private final AccessDb db;

  public DocumentAccessStore(AccessDb db) {
    this.db = db;
  }

  /** Sets the owner body of a document (insert or replace). */
  public void setOwner(String document, Body owner) {
    db.transaction(c -> {
      try (PreparedStatement del = c.prepareStatement("DELETE FROM document_access WHERE document = ?")) {
        del.setString(1, document);
        del.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO document_access (document, owner_body) VALUES (?, ?)")) {
        ps.setString(1, document);
        ps.setString(2, owner.id());
        ps.executeUpdate();
      }
      AccessChanges.announce(db, c);
      return null;
    });
  }

  /** Names a body for display (insert or replace). */
  public void describeBody(Body body, String name) {
    db.transaction(c -> {
      try (PreparedStatement del = c.prepareStatement("DELETE FROM bodies WHERE id = ?")) {
        del.setString(1, body.id());
        del.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO bodies (id, name) VALUES (?, ?)")) {
        ps.setString(1, body.id());
        ps.setString(2, name);
        ps.executeUpdate();
      }
      AccessChanges.announce(db, c);
      return null;
    });
  }

  /** The display names of the described bodies, by id (small table: read whole on each refresh). */
  public Map<String, String> bodyNames() {
    return db.call(c -> {
      Map<String, String> out = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT id, name FROM bodies"); ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getString(2));
        }
      }
      return out;
    });
  }

  /** Adds or removes one editor/commenter; {@code relation} is "editor" or "commenter". */
  public void setMember(String document, String subject, String relation, boolean present) {
    if (!relation.equals("editor") && !relation.equals("commenter")) {
      throw new IllegalArgumentException("relation must be editor or commenter");
    }
    db.call(c -> {
      String sql = present
          ? "INSERT INTO document_members (document, subject, relation) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"
          : "DELETE FROM document_members WHERE document = ? AND subject = ? AND relation = ?";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, document);
        ps.setString(2, subject);
        ps.setString(3, relation);
        return ps.executeUpdate();
      }
    });
  }

  /**
   * Replaces the people of one {@code relation} ("editor" or "commenter") of a document with
   * {@code subjects}, in one transaction.
   */
  public void replaceMembers(String document, String relation, Set<String> subjects) {
    if (!relation.equals("editor") && !relation.equals("commenter")) {
      throw new IllegalArgumentException("relation must be editor or commenter");
    }
    db.transaction(c -> {
      try (PreparedStatement del = c.prepareStatement("DELETE FROM document_members WHERE document = ? AND relation = ?")) {
        del.setString(1, document);
        del.setString(2, relation);
        del.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO document_members (document, subject, relation) VALUES (?, ?, ?)")) {
        for (String subject : subjects) {
          ps.setString(1, document);
          ps.setString(2, subject);
          ps.setString(3, relation);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      AccessChanges.announce(db, c);
      return null;
    });
  }

  /**
   * Removes a document's owner, editors and commenters and lists its name as deleted, in one
   * transaction, before the document itself is deleted: from the refresh after it nobody opens
   * the name again, admins included (opening a name that does not exist would create it).
   */
  public void retire(String document, long nowMillis) {
    db.transaction(c -> {
      for (String sql : java.util.List.of("DELETE FROM document_members WHERE document = ?",
          "DELETE FROM document_access WHERE document = ?")) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          ps.setString(1, document);
          ps.executeUpdate();
        }
      }
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO deleted_documents (name_hash, deleted_ms) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
        ps.setString(1, nameHash(document));
        ps.setLong(2, nowMillis);
        ps.executeUpdate();
      }
      AccessChanges.announce(db, c);
      return null;
    });
  }

  /** Takes a name off the deleted list again: its deletion did not happen (someone wrote in it). */
  public void unretire(String document) {
    db.transaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM deleted_documents WHERE name_hash = ?")) {
        ps.setString(1, nameHash(document));
        ps.executeUpdate();
      }
      AccessChanges.announce(db, c);
      return null;
    });
  }

  /** The {@link #nameHash}es of deleted documents (a short list: read whole on each refresh). */
  public Set<String> deletedNameHashes() {
    return db.call(c -> {
      Set<String> out = new HashSet<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT name_hash FROM deleted_documents");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    });
  }

  /**
   * How a deleted document's name is kept: SHA-256, base64url without padding. A draft's name is
   * made from its title, which someone typed; the list only has to answer "was this deleted?".
   */
  public static String nameHash(String document) {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(document.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** Every document's entry (small table: read whole on each refresh). */
  public Map<String, Entry> all() {
    return db.call(c -> {
      Map<String, Body> owners = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT document, owner_body FROM document_access");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          owners.put(rs.getString(1), Body.isValid(rs.getString(2)) ? new Body(rs.getString(2)) : NO_OWNER);
        }
      }
      Map<String, Set<String>> editors = new HashMap<>();
      Map<String, Set<String>> commenters = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT document, subject, relation FROM document_members");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          (rs.getString(3).equals("editor") ? editors : commenters)
              .computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
        }
      }
      Set<String> names = new HashSet<>(owners.keySet());
      names.addAll(editors.keySet());
      names.addAll(commenters.keySet());
      Map<String, Entry> out = new HashMap<>();
      for (String n : names) {
        out.put(n, new Entry(owners.getOrDefault(n, NO_OWNER), editors.getOrDefault(n, Set.of()),
            commenters.getOrDefault(n, Set.of())));
      }
      return out;
    });
  }
}
