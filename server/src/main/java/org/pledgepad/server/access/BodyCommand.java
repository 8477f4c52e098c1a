package org.pledgepad.server.access;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.pledgepad.auth.Body;
import org.pledgepad.auth.User;

/**
 * Operator command {@code pledgepad body}: the council bodies (groups, committees) that own
 * documents and that accounts belong to ({@code user add|update --body}).
 *
 * <pre>
 * pledgepad body list             every body named, owning a document or with members
 * pledgepad body name ID NAME     the name the web client shows for the body
 * </pre>
 *
 * A running server reads the names at its next access re-check (every 2 s).
 */
final class BodyCommand {
  static final String USAGE = String.join("\n",
      "usage: pledgepad body list",
      "       pledgepad body name ID NAME");
  static final int MAX_NAME = 200;

  private final DocumentAccessStore documents;
  private final SqlUserStore users;
  private final PrintStream out;
  private final PrintStream err;

  BodyCommand(DocumentAccessStore documents, SqlUserStore users, PrintStream out, PrintStream err) {
    this.documents = documents;
    this.users = users;
    this.out = out;
    this.err = err;
  }

  /** 0 done, 1 failure, 2 usage. Arguments exclude the word "body". */
  int run(String[] args) {
    if (args.length == 1 && args[0].equals("list")) {
      return list();
    }
    if (args.length == 3 && args[0].equals("name")) {
      return name(args[1], args[2]);
    }
    if (args.length == 1 && (args[0].equals("--help") || args[0].equals("help"))) {
      out.println(USAGE);
      return 0;
    }
    err.println(USAGE);
    return 2;
  }

  private int list() {
    Map<String, int[]> counts = new TreeMap<>(); // id → {members, documents}
    Map<String, String> names = documents.bodyNames();
    names.keySet().forEach(id -> counts.computeIfAbsent(id, k -> new int[2]));
    for (User u : users.list()) {
      for (Body b : u.bodies()) {
        counts.computeIfAbsent(b.id(), k -> new int[2])[0]++;
      }
    }
    documents.all().values().forEach(e -> {
      if (!e.ownerBody().equals(DocumentAccessStore.NO_OWNER)) {
        counts.computeIfAbsent(e.ownerBody().id(), k -> new int[2])[1]++;
      }
    });
    out.printf(Locale.ROOT, "%-32s %-8s %-10s %s%n", "ID", "MEMBERS", "DOCUMENTS", "NAME");
    counts.forEach((id, c) -> out.printf(Locale.ROOT, "%-32s %-8d %-10d %s%n", id, c[0], c[1], names.getOrDefault(id, "-")));
    return 0;
  }

  private int name(String id, String name) {
    if (!Body.isValid(id) || id.equals(DocumentAccessStore.NO_OWNER.id())) {
      err.println("error: ID: lower-case letters, digits and inner hyphens, at most 64 (not " + DocumentAccessStore.NO_OWNER.id() + ")");
      err.println(USAGE);
      return 2;
    }
    String n = name.strip();
    if (n.isEmpty() || n.length() > MAX_NAME || n.codePoints().anyMatch(Character::isISOControl)) {
      err.println("error: NAME: 1 to " + MAX_NAME + " characters, no control characters");
      err.println(USAGE);
      return 2;
    }
    documents.describeBody(new Body(id), n);
    out.println("named " + id + ": " + n);
    return 0;
  }
}
