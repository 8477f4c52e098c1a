package org.pledgepad.auth;

import java.util.EnumMap;
import java.util.Map;

/**
 * The role x stage x operation table that defines every permission in Pledgepad. It is written
 * as text so that it reads like the table in auth/README.md, parsed once at class load, and
 * checked for completeness: a new {@link Role}, {@link Stage} or {@link Operation} without a cell
 * stops the class from loading (and so every test and the server), instead of silently denying
 * or allowing.
 *
 * <p>Symbols: A = always, M = member of the owner body or listed editor, P = member or invited
 * commenter, - = never.
 */
final class PermissionTable {
  // Each line: ROLE STAGE, then OPERATION=symbol for every operation.
  // Rationale per line is in auth/README.md ("Permission table").
  private static final String TABLE = """
      GUEST      DRAFT         READ=- SYNC_WRITE=- AWARENESS=- COMMENT=- SUGGEST=- MODERATE=- RESTORE=- ADMIN=-
      GUEST      CONSULTATION  READ=A SYNC_WRITE=- AWARENESS=- COMMENT=- SUGGEST=- MODERATE=- RESTORE=- ADMIN=-
      GUEST      PUBLISHED     READ=A SYNC_WRITE=- AWARENESS=- COMMENT=- SUGGEST=- MODERATE=- RESTORE=- ADMIN=-
      GUEST      ARCHIVED      READ=- SYNC_WRITE=- AWARENESS=- COMMENT=- SUGGEST=- MODERATE=- RESTORE=- ADMIN=-
      CITIZEN    DRAFT         READ=P SYNC_WRITE=- AWARENESS=P COMMENT=P SUGGEST=P MODERATE=- RESTORE=- ADMIN=-
      CITIZEN    CONSULTATION  READ=A SYNC_WRITE=- AWARENESS=A COMMENT=A SUGGEST=A MODERATE=- RESTORE=- ADMIN=-
      CITIZEN    PUBLISHED     READ=A SYNC_WRITE=- AWARENESS=- COMMENT=- SUGGEST=- MODERATE=- RESTORE=- ADMIN=-
      CITIZEN    ARCHIVED      READ=- SYNC_WRITE=- AWARENESS=- COMMENT=- SUGGEST=- MODERATE=- RESTORE=- ADMIN=-
      COUNCILLOR DRAFT         READ=P SYNC_WRITE=M AWARENESS=P COMMENT=P SUGGEST=P MODERATE=- RESTORE=- ADMIN=-
      COUNCILLOR CONSULTATION  READ=A SYNC_WRITE=M AWARENESS=A COMMENT=A SUGGEST=A MODERATE=- RESTORE=- ADMIN=-
      COUNCILLOR PUBLISHED     READ=A SYNC_WRITE=- AWARENESS=- COMMENT=- SUGGEST=- MODERATE=- RESTORE=- ADMIN=-
      COUNCILLOR ARCHIVED      READ=M SYNC_WRITE=- AWARENESS=- COMMENT=- SUGGEST=- MODERATE=- RESTORE=- ADMIN=-
      MODERATOR  DRAFT         READ=A SYNC_WRITE=- AWARENESS=A COMMENT=A SUGGEST=- MODERATE=A RESTORE=A ADMIN=-
      MODERATOR  CONSULTATION  READ=A SYNC_WRITE=- AWARENESS=A COMMENT=A SUGGEST=A MODERATE=A RESTORE=A ADMIN=-
      MODERATOR  PUBLISHED     READ=A SYNC_WRITE=- AWARENESS=- COMMENT=- SUGGEST=- MODERATE=A RESTORE=- ADMIN=-
      MODERATOR  ARCHIVED      READ=A SYNC_WRITE=- AWARENESS=- COMMENT=- SUGGEST=- MODERATE=A RESTORE=- ADMIN=-
      ADMIN      DRAFT         READ=A SYNC_WRITE=A AWARENESS=A COMMENT=A SUGGEST=A MODERATE=A RESTORE=A ADMIN=A
      ADMIN      CONSULTATION  READ=A SYNC_WRITE=A AWARENESS=A COMMENT=A SUGGEST=A MODERATE=A RESTORE=A ADMIN=A
      ADMIN      PUBLISHED     READ=A SYNC_WRITE=- AWARENESS=- COMMENT=- SUGGEST=- MODERATE=A RESTORE=A ADMIN=A
      ADMIN      ARCHIVED      READ=A SYNC_WRITE=- AWARENESS=- COMMENT=- SUGGEST=- MODERATE=A RESTORE=- ADMIN=A
      """;

  private static final Map<Role, Map<Stage, Map<Operation, Condition>>> CELLS = parse(TABLE);

  private PermissionTable() {}

  static Condition condition(Role role, Stage stage, Operation op) {
    return CELLS.get(role).get(stage).get(op);
  }

  static Map<Role, Map<Stage, Map<Operation, Condition>>> parse(String text) {
    Map<Role, Map<Stage, Map<Operation, Condition>>> cells = new EnumMap<>(Role.class);
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] parts = line.split("\\s+");
      Role role = Role.valueOf(parts[0]);
      Stage stage = Stage.valueOf(parts[1]);
      Map<Operation, Condition> row = new EnumMap<>(Operation.class);
      for (int i = 2; i < parts.length; i++) {
        String[] kv = parts[i].split("=", 2);
        Operation op = Operation.valueOf(kv[0]);
        if (row.put(op, Condition.ofSymbol(kv[1])) != null) {
          throw new IllegalStateException("duplicate cell " + role + " " + stage + " " + op);
        }
      }
      if (cells.computeIfAbsent(role, r -> new EnumMap<>(Stage.class)).put(stage, row) != null) {
        throw new IllegalStateException("duplicate row " + role + " " + stage);
      }
    }
    for (Role r : Role.values()) {
      for (Stage s : Stage.values()) {
        Map<Operation, Condition> row = cells.getOrDefault(r, Map.of()).get(s);
        if (row == null) {
          throw new IllegalStateException("permission table has no row for " + r + " " + s);
        }
        for (Operation op : Operation.values()) {
          if (!row.containsKey(op)) {
            throw new IllegalStateException("permission table has no cell for " + r + " " + s + " " + op);
          }
        }
      }
    }
    return cells;
  }
}
