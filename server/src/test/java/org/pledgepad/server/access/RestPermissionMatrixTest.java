package org.pledgepad.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.auth.Authorizer;
import org.pledgepad.auth.Body;
import org.pledgepad.auth.DocumentAccess;
import org.pledgepad.auth.Operation;
import org.pledgepad.auth.Principal;
import org.pledgepad.auth.Role;
import org.pledgepad.auth.password.DemoAccounts;
import org.pledgepad.server.store.DocumentStage;
import org.pledgepad.server.testing.Await;

/**
 * Role x stage x operation over REST, with the auth library's Authorizer (the one permission
 * table) as the expectation, as AccessWebSocketTest does for the WebSocket protocols: allowed →
 * 2xx, refused → 401/403 problem+json (or 404 where the caller may not read the document at all). Each REST row names the {@link Operation} it needs; every
 * operation must have a row or be listed in {@link #NOT_OVER_REST} with the reason, so adding an
 * operation without a row fails {@link #everyOperationHasARestRowOrAReasonWhyNot}.
 *
 * <p>Per stage, the things the requests act on (a passage, a comment to hide, one open
 * suggestion per caller to accept) are made while the document is in consultation; then the
 * document moves to the stage and every caller tries every row.
 */
class RestPermissionMatrixTest {
  /** Operations with no REST request, and why. */
  private static final Map<Operation, String> NOT_OVER_REST = Map.of(
      Operation.AWARENESS, "presence exists only on the WebSocket protocols (AccessWebSocketTest)");

  @TempDir
  static Path dataDir;
  private static AccessTestServer server;
  private static AccessHttp http;
  private static final AtomicLong UNIQUE = new AtomicLong();
  private static final String DOC = AccessTestServer.CONSULTATION_DOC;

  /** A caller: its principal for the expectation, its bearer token (null: guest). */
  private record Caller(String name, Principal principal, String token) {}

  /** What one stage's requests act on. */
  private record Targets(Passages.Passage passage, String commentPostId, Map<String, JsonObject> suggestionFor, long headSeq) {}

  @FunctionalInterface
  private interface Request {
    HttpResponse<String> send(Caller caller, Targets targets) throws Exception;
  }

  /** Whether the table lets {@code p} do the row on a document with {@code access}. */
  private interface Rule {
    boolean allows(Principal p, DocumentAccess access);
  }

  /** A REST request, the operation it is counted under, and who the table lets do it. */
  private record Row(String name, Operation operation, Rule rule, Request request) {
    Row(String name, Operation operation, Request request) {
      this(name, operation, (p, access) -> Authorizer.isAllowed(p, access, operation), request);
    }
  }

  private static final List<Row> ROWS = List.of(
      new Row("GET history", Operation.READ, (c, t) -> call(c, "GET", "/history", null)),
      new Row("POST comment", Operation.COMMENT, (c, t) -> call(c, "POST", "/comments", new JsonObject()
          .put("start", t.passage().start()).put("end", t.passage().end()).put("body", "Welche Daten genau?"))),
      new Row("POST suggestion", Operation.SUGGEST, (c, t) -> call(c, "POST", "/suggestions", new JsonObject()
          .put("start", t.passage().start()).put("end", t.passage().end()).put("replacement", "offene Datensätze")
          .put("rationale", "Genauer."))),
      new Row("POST hide comment", Operation.MODERATE, (c, t) -> call(c, "POST", "/posts/" + t.commentPostId() + "/hide",
          new JsonObject().put("reason", "Prüfung"))),
      new Row("POST restore", Operation.RESTORE, (c, t) -> call(c, "POST", "/restore", new JsonObject().put("seq", t.headSeq()))),
      new Row("POST named version", Operation.SYNC_WRITE, (c, t) -> call(c, "POST", "/versions",
          new JsonObject().put("name", "Fassung " + UNIQUE.incrementAndGet()))),
      new Row("POST accept suggestion", Operation.SYNC_WRITE, (c, t) -> call(c, "POST",
          "/suggestions/" + t.suggestionFor().get(c.name()).getString("id") + "/accept",
          org.pledgepad.server.annotations.AcceptBodies.reviewed(t.suggestionFor().get(c.name())))),
      // Title and kind (its current value): a stage or owner change here would change the very
      // matrix being tested. More than the title is ADMIN in every stage.
      new Row("PATCH document settings", Operation.ADMIN, (c, t) -> call(c, "PATCH", "",
          new JsonObject().put("title", "Digitalisierung " + UNIQUE.incrementAndGet()).put("kind", "programme"))),
      // The title alone: also whoever writes the document while it is a draft.
      new Row("PATCH title", Operation.ADMIN, (p, access) -> Authorizer.isAllowed(p, access, Operation.ADMIN)
          || access.stage() == org.pledgepad.auth.Stage.DRAFT && Authorizer.isAllowed(p, access, Operation.SYNC_WRITE),
          (c, t) -> call(c, "PATCH", "", new JsonObject().put("title", "Digitalisierung " + UNIQUE.incrementAndGet()))));

  private static List<Caller> callers;

  @BeforeAll
  static void start() throws Exception {
    server = AccessTestServer.start(dataDir, Map.of());
    http = new AccessHttp(server.harness.httpBase());
    Principal otherCouncillor = new Principal("councillor-other", "councillor-other", "Andere Fraktion", false,
        Role.COUNCILLOR, Set.of(new Body("other-body")), null);
    callers = new ArrayList<>();
    callers.add(new Caller("guest", Principal.anonymous(), null));
    for (Role role : List.of(Role.CITIZEN, Role.COUNCILLOR, Role.MODERATOR, Role.ADMIN)) {
      String login = "demo-" + role.name().toLowerCase(java.util.Locale.ROOT);
      Principal p = new Principal(login, login, "Demo", true, role,
          role == Role.COUNCILLOR ? Set.of(DemoAccounts.DEMO_BODY) : Set.of(), null);
      callers.add(new Caller(login, p, server.tokenFor(role)));
    }
    callers.add(new Caller("councillor-other", otherCouncillor, server.issue(otherCouncillor, Duration.ofMinutes(30))));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> call(Caller c, String method, String path, JsonObject body) throws Exception {
    List<String> headers = new ArrayList<>(List.of("Content-Type", "application/json"));
    if (c.token() != null) {
      headers.add("Authorization");
      headers.add("Bearer " + c.token());
    }
    return http.send(method, "/api/documents/" + DOC + path, body == null ? null : body.encode(),
        headers.toArray(String[]::new));
  }

  private static Caller caller(Role role) {
    String login = "demo-" + role.name().toLowerCase(java.util.Locale.ROOT);
    return callers.stream().filter(c -> c.name().equals(login)).findFirst().orElseThrow();
  }

  /** Made in consultation by the body's councillor (text) and an admin (comment, suggestions). */
  private static Targets prepare() throws Exception {
    server.setStage(DOC, DocumentStage.CONSULTATION);
    Await.result(server.access.refresh());
    String writer = caller(Role.COUNCILLOR).token();
    // A fresh admin (service principal) per stage: annotation writes are rate-limited per person.
    Principal setup = new Principal("setup-" + UNIQUE.incrementAndGet(), "setup", "Vorbereitung", false, Role.ADMIN,
        Set.of(), null);
    Caller admin = new Caller(setup.subject(), setup, server.issue(setup, Duration.ofMinutes(30)));
    Passages.Passage passage = Passages.write(server.harness.wsBase(), DOC, writer, "offene Daten");
    HttpResponse<String> comment = call(admin, "POST", "/comments", new JsonObject()
        .put("start", passage.start()).put("end", passage.end()).put("body", "Zur Prüfung."));
    assertThat(comment.statusCode()).as(comment.body()).isEqualTo(201);
    String postId = new JsonObject(comment.body()).getJsonArray("posts").getJsonObject(0).getString("id");
    Map<String, JsonObject> suggestions = new LinkedHashMap<>();
    for (Caller c : callers) {
      Passages.Passage own = Passages.write(server.harness.wsBase(), DOC, writer, "freie Software");
      HttpResponse<String> s = call(admin, "POST", "/suggestions", new JsonObject().put("start", own.start())
          .put("end", own.end()).put("replacement", "offene Software").put("rationale", "Klarer."));
      assertThat(s.statusCode()).as(s.body()).isEqualTo(201);
      suggestions.put(c.name(), new JsonObject(s.body()));
    }
    HttpResponse<String> doc = call(admin, "GET", "", null);
    return new Targets(passage, postId, suggestions, new JsonObject(doc.body()).getLong("headSeq"));
  }

  @Test
  void everyCallerGetsWhatThePermissionTableSaysInEveryStage() throws Exception {
    List<String> failures = new ArrayList<>();
    int allowed = 0;
    int refused = 0;
    for (DocumentStage stage : DocumentStage.values()) {
      Targets targets = prepare();
      server.setStage(DOC, stage);
      Await.result(server.access.refresh());
      DocumentAccess access = server.access.documentAccess(DOC);
      assertThat(access.stage().name()).isEqualTo(stage.name());
      for (Row row : ROWS) {
        for (Caller c : callers) {
          boolean expected = row.rule().allows(c.principal(), access);
          HttpResponse<String> r = row.request().send(c, targets);
          String cell = stage + " " + row.name() + " as " + c.name() + ": expected "
              + (expected ? "2xx" : "401/403") + ", got " + r.statusCode() + " " + r.body();
          if (expected) {
            allowed++;
            if (r.statusCode() / 100 != 2) {
              failures.add(cell);
            }
          } else {
            refused++;
            boolean problem = r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
            // A caller who may not even read the document may get 404 instead: the annotation
            // routes answer an unreadable document like a missing one (a draft is not public).
            boolean hidden = r.statusCode() == 404 && !Authorizer.isAllowed(c.principal(), access, Operation.READ);
            if ((r.statusCode() != 401 && r.statusCode() != 403 && !hidden) || !problem) {
              failures.add(cell);
            }
          }
        }
      }
    }
    assertThat(failures).isEmpty();
    // The table grants and refuses something in this matrix (a run that only refused would prove little).
    assertThat(allowed).isPositive();
    assertThat(refused).isPositive();
  }

  @Test
  void everyOperationHasARestRowOrAReasonWhyNot() {
    Set<Operation> covered = EnumSet.noneOf(Operation.class);
    ROWS.forEach(r -> covered.add(r.operation()));
    for (Operation op : Operation.values()) {
      assertThat(covered.contains(op) || NOT_OVER_REST.containsKey(op))
          .as(op + " needs a REST row in RestPermissionMatrixTest or a reason in NOT_OVER_REST").isTrue();
      assertThat(covered.contains(op) && NOT_OVER_REST.containsKey(op)).as(op + " has a row and is excused").isFalse();
    }
  }
}
