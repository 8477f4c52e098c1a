package org.pledgepad.server.annotations;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pledgepad.annotations.model.Author;
import org.pledgepad.annotations.model.Post;
import org.pledgepad.annotations.repo.AnnotationRepository;
import org.pledgepad.auth.Principal;
import org.pledgepad.auth.Role;
import org.pledgepad.auth.User;
import org.pledgepad.auth.password.PasswordHasher;
import org.pledgepad.auth.token.AccessTokenIssuer;
import org.pledgepad.auth.token.AccessTokenSettings;
import org.pledgepad.auth.token.SigningKeyFile;
import org.pledgepad.server.access.AccessControl;
import org.pledgepad.server.access.AccessSettings;
import org.pledgepad.server.testing.ServerHarness;

/**
 * A write admitted before its author's erasure, waiting in its document's queue until the
 * erasure has finished, must not be stored under the erased account (review 2026-11-30,
 * annotations item 4c): the erasure runs outside the document queues.
 */
class QueuedWriteErasureTest {
  private static final RepositoryHold HOLD = new RepositoryHold();
  private static final User ZORA = new User("u-zora", "zora", "Zora Zufall", true, Role.CITIZEN, Set.of(), false);
  private static final Principal OTTO = new Principal("otto", "otto", "Otto", false, Role.CITIZEN, Set.of(), null);
  private static final Principal ADMIN = new Principal("admin", "admin", "Admin", false, Role.ADMIN, Set.of(), null);
  private static ServerHarness server;
  private static AccessControl ac;
  private static TokenClient client;
  private static AnnotationRepository repo;
  private static String document;

  @BeforeAll
  static void start() throws Exception {
    Path dataDir = Files.createTempDirectory("pledgepad-queued-erasure");
    AnnotationModule.repositoryInTests = real -> repo = HOLD.around(real);
    try {
      ac = new AccessControl(AccessSettings.fromEnvironment(Map.of()));
      server = ServerHarness.start(Map.of("DATA_DIR", dataDir.toString()), ac);
    } finally {
      AnnotationModule.repositoryInTests = r -> r;
    }
    client = new TokenClient(server.httpBase(), new AccessTokenIssuer(SigningKeyFile.load(dataDir.resolve(AccessControl.KEY_FILE)),
        AccessTokenSettings.defaults(), Clock.systemUTC(), new SecureRandom()));
    ac.users().add(ZORA, PasswordHasher.forTests().hash("korrekt-pferd-batterie-9"), false);
    ac.refresh().toCompletionStage().toCompletableFuture().get();
    JsonArray docs = new JsonArray(send("GET", "/api/documents", null, null).join().body());
    for (int i = 0; i < docs.size() && document == null; i++) {
      if ("consultation".equals(docs.getJsonObject(i).getString("stage"))) {
        document = docs.getJsonObject(i).getString("name");
      }
    }
    assertThat(document).as("a seeded document in consultation").isNotNull();
  }

  @AfterAll
  static void stop() {
    HOLD.release();
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aReplyQueuedBehindAnotherWriteIsRefusedOnceItsAuthorWasErased() throws Exception {
    String thread = seedThread();
    String replies = "/api/documents/" + document + "/threads/" + thread + "/replies";
    // Otto's reply holds the document's queue inside the repository; Zora's waits behind it.
    HOLD.hold((method, args) -> method.equals("insertPost") && ((Post) args[0]).author().is(OTTO.subject()));
    CompletableFuture<HttpResponse<String>> otto = send("POST", replies, OTTO, reply("Ottos Antwort"));
    assertThat(HOLD.entered.await(20, TimeUnit.SECONDS)).as("Otto's reply reached the repository").isTrue();
    CompletableFuture<HttpResponse<String>> zora = send("POST", replies, ZORA.principal(), reply("Zoras Antwort"));

    HttpResponse<String> erased = send("DELETE", "/api/admin/users/" + ZORA.id(), ADMIN, null).get(30, TimeUnit.SECONDS);
    assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
    assertThat(zora).as("still waiting in the queue").isNotDone();
    HOLD.release();

    assertThat(otto.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
    HttpResponse<String> late = zora.get(30, TimeUnit.SECONDS);
    assertThat(late.statusCode()).as(late.body()).isEqualTo(403);
    assertThat(repo.postsByAuthor(ZORA.id())).as("nothing stored under the erased account").isEmpty();
    assertThat(repo.posts(thread)).extracting(Post::body).doesNotContain("Zoras Antwort");
  }

  private static String reply(String body) {
    return new JsonObject().put("body", body).encode();
  }

  private static String seedThread() {
    return TokenClient.seedThread(repo, document, new Author(OTTO.subject(), "Otto", false));
  }

  private static CompletableFuture<HttpResponse<String>> send(String method, String path, Principal p, String json) {
    return client.send(method, path, p, json);
  }
}
