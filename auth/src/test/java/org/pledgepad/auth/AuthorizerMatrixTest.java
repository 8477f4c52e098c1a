package org.pledgepad.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The role x stage x operation x relation matrix, generated from ONE expectation table written
 * here independently of the production table (and in the other orientation: one line per role
 * and operation, one column per stage). A new Role, Operation or Stage without a line or column
 * fails {@link #expectationTableCoversEveryEnumValue()} and the factory itself.
 */
class AuthorizerMatrixTest {
  // Columns are the stages in this order; the test checks it against Stage.values().
  private static final List<Stage> COLUMNS =
      List.of(Stage.DRAFT, Stage.CONSULTATION, Stage.PUBLISHED, Stage.ARCHIVED);

  // Who is allowed: "-" nobody, "mem" owner-body members and listed editors,
  // "inv" members and invited commenters, "all" everyone with the role.
  private static final String EXPECTED = """
      GUEST      READ        -    all  all  -
      GUEST      SYNC_WRITE  -    -    -    -
      GUEST      AWARENESS   -    -    -    -
      GUEST      COMMENT     -    -    -    -
      GUEST      SUGGEST     -    -    -    -
      GUEST      MODERATE    -    -    -    -
      GUEST      RESTORE     -    -    -    -
      GUEST      ADMIN       -    -    -    -
      CITIZEN    READ        inv  all  all  -
      CITIZEN    SYNC_WRITE  -    -    -    -
      CITIZEN    AWARENESS   inv  all  -    -
      CITIZEN    COMMENT     inv  all  -    -
      CITIZEN    SUGGEST     inv  all  -    -
      CITIZEN    MODERATE    -    -    -    -
      CITIZEN    RESTORE     -    -    -    -
      CITIZEN    ADMIN       -    -    -    -
      COUNCILLOR READ        inv  all  all  mem
      COUNCILLOR SYNC_WRITE  mem  mem  -    -
      COUNCILLOR AWARENESS   inv  all  -    -
      COUNCILLOR COMMENT     inv  all  -    -
      COUNCILLOR SUGGEST     inv  all  -    -
      COUNCILLOR MODERATE    -    -    -    -
      COUNCILLOR RESTORE     -    -    -    -
      COUNCILLOR ADMIN       -    -    -    -
      MODERATOR  READ        all  all  all  all
      MODERATOR  SYNC_WRITE  -    -    -    -
      MODERATOR  AWARENESS   all  all  -    -
      MODERATOR  COMMENT     all  all  -    -
      MODERATOR  SUGGEST     -    all  -    -
      MODERATOR  MODERATE    all  all  all  all
      MODERATOR  RESTORE     all  all  -    -
      MODERATOR  ADMIN       -    -    -    -
      ADMIN      READ        all  all  all  all
      ADMIN      SYNC_WRITE  all  all  -    -
      ADMIN      AWARENESS   all  all  -    -
      ADMIN      COMMENT     all  all  -    -
      ADMIN      SUGGEST     all  all  -    -
      ADMIN      MODERATE    all  all  all  all
      ADMIN      RESTORE     all  all  all  -
      ADMIN      ADMIN       all  all  all  all
      """;

  /** How the acting principal relates to the document under test. */
  enum Relation {
    OUTSIDER, INVITED_COMMENTER, OWNER_BODY_MEMBER, LISTED_EDITOR
  }

  private static final Body OWNER = new Body("committee-digital");

  private static Map<Role, Map<Operation, String[]>> expectations() {
    Map<Role, Map<Operation, String[]>> table = new EnumMap<>(Role.class);
    for (String line : EXPECTED.strip().split("\n")) {
      String[] p = line.strip().split("\\s+");
      assertThat(p).as("line %s", line).hasSize(2 + COLUMNS.size());
      String[] previous = table.computeIfAbsent(Role.valueOf(p[0]), r -> new EnumMap<>(Operation.class))
          .put(Operation.valueOf(p[1]), Arrays.copyOfRange(p, 2, p.length));
      assertThat(previous).as("duplicate line %s", line).isNull();
    }
    return table;
  }

  private static boolean expectedAllowed(String who, Relation rel) {
    return switch (who) {
      case "-" -> false;
      case "all" -> true;
      case "mem" -> rel == Relation.OWNER_BODY_MEMBER || rel == Relation.LISTED_EDITOR;
      case "inv" -> rel != Relation.OUTSIDER;
      default -> throw new AssertionError("unknown expectation symbol " + who);
    };
  }

  private static Principal principal(Role role, Relation rel) {
    Set<Body> bodies = rel == Relation.OWNER_BODY_MEMBER ? Set.of(OWNER, new Body("other")) : Set.of(new Body("other"));
    String subject = "user-" + rel.name().toLowerCase();
    return new Principal(subject, subject, "Test " + rel, false, role, bodies, null);
  }

  private static DocumentAccess document(Stage stage) {
    return new DocumentAccess("motion-42", OWNER, Set.of("user-listed_editor"),
        Set.of("user-invited_commenter"), stage);
  }

  @Test
  void expectationTableCoversEveryEnumValue() {
    assertThat(COLUMNS).containsExactly(Stage.values());
    Map<Role, Map<Operation, String[]>> table = expectations();
    for (Role r : Role.values()) {
      assertThat(table).as("expectation rows for role %s", r).containsKey(r);
      for (Operation op : Operation.values()) {
        assertThat(table.get(r)).as("expectation row for %s %s", r, op).containsKey(op);
      }
    }
  }

  @TestFactory
  List<DynamicTest> everyRoleStageOperationAndRelation() {
    Map<Role, Map<Operation, String[]>> table = expectations();
    List<DynamicTest> tests = new ArrayList<>();
    for (Role role : Role.values()) {
      for (Operation op : Operation.values()) {
        String[] row = table.get(role).get(op);
        if (row == null) {
          throw new AssertionError("no expectation row for " + role + " " + op);
        }
        for (int s = 0; s < COLUMNS.size(); s++) {
          Stage stage = COLUMNS.get(s);
          String who = row[s];
          for (Relation rel : Relation.values()) {
            boolean expected = expectedAllowed(who, rel);
            tests.add(DynamicTest.dynamicTest(
                role + " " + stage + " " + op + " as " + rel + " -> " + (expected ? "allow" : "deny"),
                () -> {
                  Decision d = Authorizer.authorize(principal(role, rel), document(stage), op);
                  assertThat(d.allowed()).isEqualTo(expected);
                  assertThat(d.reason() == Decision.Reason.ALLOWED).isEqualTo(expected);
                }));
          }
        }
      }
    }
    assertThat(tests).hasSize(Role.values().length * Operation.values().length
        * Stage.values().length * Relation.values().length);
    return tests;
  }
}
