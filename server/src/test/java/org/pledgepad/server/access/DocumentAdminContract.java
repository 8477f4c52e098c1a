package org.pledgepad.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pledgepad.auth.Body;
import org.pledgepad.auth.Role;
import org.pledgepad.auth.User;
import org.pledgepad.server.testing.Await;

/**
 * Starting a motion and listing a document's editors and commenters on each store (the access
 * tables are the embedded access.sqlite or PostgreSQL's): what the routes wrote is what a
 * restarted server reads back, so it holds for every node of a cluster too.
 */
abstract class DocumentAdminContract extends AccessStoreContract {
  DocumentAdminContract(Store store) {
    super(store);
  }

  private HttpResponse<String> send(String method, String path, Role role, JsonObject body) throws Exception {
    return http.send(method, path, body == null ? null : body.encode(), "Content-Type", "application/json",
        "Authorization", "Bearer " + server.tokenFor(role));
  }

  @Test
  void aStartedMotionAndItsListsOutliveARestart() throws Exception {
    start(Duration.ofHours(1));
    server.access.users().add(new User("partnerin", "partnerin", "Partnerin", false, Role.COUNCILLOR,
        Set.of(new Body("fraktion-rot")), false), null, false);
    Await.result(server.access.refresh());

    HttpResponse<String> created = send("POST", "/api/documents", Role.COUNCILLOR, new JsonObject().put("title", "Antrag: Bänke am Fluss"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String name = new JsonObject(created.body()).getString("name");
    HttpResponse<String> patched = send("PATCH", "/api/documents/" + name, Role.ADMIN, new JsonObject()
        .put("editors", new JsonArray().add("partnerin")).put("commenters", new JsonArray().add("demo-citizen")));
    assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);

    stopServer();
    start(Duration.ofHours(1));
    HttpResponse<String> r = send("GET", "/api/documents/" + name + "/settings", Role.ADMIN, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonObject settings = new JsonObject(r.body());
    assertThat(settings.getString("title")).isEqualTo("Antrag: Bänke am Fluss");
    assertThat(settings.getString("stage")).isEqualTo("draft");
    assertThat(settings.getString("ownerBody")).isEqualTo("demo-council");
    assertThat(settings.getString("ownerBodyName")).isEqualTo(DemoAccess.DEMO_BODY_NAME);
    assertThat(settings.getJsonArray("editors").getJsonObject(0).getString("login")).isEqualTo("partnerin");
    assertThat(settings.getJsonArray("commenters").getJsonObject(0).getString("login")).isEqualTo("demo-citizen");
    assertThat(send("GET", "/api/documents/" + name, Role.CITIZEN, null).statusCode()).as("invited").isEqualTo(200);

    HttpResponse<String> cleared = send("PATCH", "/api/documents/" + name, Role.ADMIN, new JsonObject()
        .put("commenters", new JsonArray()));
    assertThat(new JsonObject(cleared.body()).getJsonArray("commenters")).isEmpty();
    assertThat(new JsonObject(cleared.body()).getJsonArray("editors")).as("untouched").hasSize(1);
    assertThat(send("GET", "/api/documents/" + name, Role.CITIZEN, null).statusCode()).isEqualTo(404);

    // Still empty: its writer deletes it, with its access rows (PostgreSQL's foreign keys hold).
    HttpResponse<String> deleted = send("DELETE", "/api/documents/" + name, Role.COUNCILLOR, null);
    assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
    assertThat(send("GET", "/api/documents/" + name, Role.ADMIN, null).statusCode()).isEqualTo(404);
    stopServer();
    start(Duration.ofHours(1));
    assertThat(send("GET", "/api/documents/" + name + "/settings", Role.ADMIN, null).statusCode()).isEqualTo(404);
    // Its name stays deleted for everyone across the restart; a deletion that did not happen
    // (someone wrote in between) takes it off the list again.
    assertThat(server.access.documentAccess(name).deleted()).isTrue();
    assertThat(server.access.documentAccess(name + "-x").deleted()).isFalse();
    server.access.documentAccessStore().unretire(name);
    Await.result(server.access.refresh());
    assertThat(server.access.documentAccess(name).deleted()).isFalse();
  }

  /** {@code ARGS...} of the server jar against this store: exit code and what it printed. */
  private Map.Entry<Integer, String> command(String... args) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    Map<String, String> env = new java.util.HashMap<>(storeEnv());
    env.put("DATA_DIR", dataDir.toString());
    int code = LauncherCommands.run(args, env, new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
        new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
    return Map.entry(code, out.toString(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void operatorsNameBodiesAndMoveAccountsBetweenThem() throws Exception {
    start(Duration.ofHours(1));
    assertThat(command("body", "name", "fraktion-rot", "Fraktion Rot im Rathaus").getKey()).isZero();
    Map.Entry<Integer, String> moved = command("user", "update", "demo-citizen", "--role", "COUNCILLOR", "--body", "fraktion-rot");
    assertThat(moved.getKey()).as(moved.getValue()).isZero();
    assertThat(command("body", "name", "no-owner", "Niemand").getKey()).isEqualTo(2);
    assertThat(command("body", "name", "fraktion-rot", " ").getKey()).isEqualTo(2);
    Map.Entry<Integer, String> list = command("body", "list");
    assertThat(list.getValue()).containsPattern("demo-council\\s+1\\s+3\\s+Fraktionen Grüne und SPD \\(Demo\\)")
        .containsPattern("fraktion-rot\\s+1\\s+0\\s+Fraktion Rot im Rathaus");
    Await.result(server.access.refresh()); // as the 2 s re-check would

    AccessHttp.Browser moved2 = server.signIn(http, "demo-citizen");
    JsonObject me = http.me(moved2.cookie());
    assertThat(me.getString("role")).isEqualTo("councillor");
    assertThat(me.getJsonObject("user").getJsonArray("bodies")).containsExactly(new JsonObject()
        .put("id", "fraktion-rot").put("name", "Fraktion Rot im Rathaus"));
    // … and starts a motion of the new body from the browser session.
    HttpResponse<String> created = http.send("POST", "/api/documents", new JsonObject().put("title", "Erster Antrag").encode(),
        "Content-Type", "application/json", "Cookie", moved2.cookie(), AccessGuard.CSRF_HEADER, moved2.csrf());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(new JsonObject(created.body()).getString("ownerBody")).isEqualTo("fraktion-rot");
  }
}
