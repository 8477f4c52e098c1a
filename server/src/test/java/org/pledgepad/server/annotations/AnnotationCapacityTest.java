package org.pledgepad.server.annotations;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pledgepad.annotations.model.Author;
import org.pledgepad.annotations.repo.AnnotationRepository;
import org.pledgepad.auth.Principal;
import org.pledgepad.auth.Role;
import org.pledgepad.auth.token.AccessTokenIssuer;
import org.pledgepad.auth.token.AccessTokenSettings;
import org.pledgepad.auth.token.SigningKeyFile;
import org.pledgepad.server.access.AccessControl;
import org.pledgepad.server.access.AccessSettings;
import org.pledgepad.server.testing.ServerHarness;

/**
 * Reads and personal requests held in flight (a repository that stops a chosen call until
 * released) must use up only their own capacity: not a document's writes, not another person's
 * export. Capacities are lowered to 1–2 so a handful of requests fills them.
 */
@Timeout(120)
class AnnotationCapacityTest {
  private static final Principal CITIZEN = principal("citizen-cap");
  private static final Principal OTHER = principal("citizen-other");
  private static final RepositoryHold HOLD = new RepositoryHold();
  private static ServerHarness server;
  private static TokenClient client;
  private static AnnotationRepository repo;
  private static String document;

  private static Principal principal(String subject) {
    return new Principal(subject, subject, "Name " + subject, false, Role.CITIZEN, Set.of(), null);
  }

  @BeforeAll
  static void start() throws Exception {
    Path dataDir = Files.createTempDirectory("pledgepad-annotations-capacity");
    DocumentQueues.defaultMaxWaiting = 1;
    AnnotationReads.defaultMaxPerDocument = 2;
    AnnotationModule.repositoryInTests = real -> repo = HOLD.around(real);
    try {
      server = ServerHarness.start(Map.of("DATA_DIR", dataDir.toString()),
          new AccessControl(AccessSettings.fromEnvironment(Map.of())));
    } finally {
      DocumentQueues.defaultMaxWaiting = DocumentQueues.MAX_WAITING;
      AnnotationReads.defaultMaxPerDocument = AnnotationReads.MAX_PER_DOCUMENT;
      AnnotationModule.repositoryInTests = r -> r;
    }
    client = new TokenClient(server.httpBase(), new AccessTokenIssuer(SigningKeyFile.load(dataDir.resolve(AccessControl.KEY_FILE)),
        AccessTokenSettings.defaults(), Clock.systemUTC(), new SecureRandom()));
    JsonArray docs = new JsonArray(send("GET", "/api/documents", null, null).join().body());
    for (int i = 0; i < docs.size(); i++) {
      if ("consultation".equals(docs.getJsonObject(i).getString("stage"))) {
        document = docs.getJsonObject(i).getString("name");
        break;
      }
    }
    assertThat(document).as("a seeded document in consultation").isNotNull();
  }

  @AfterEach
  void release() {
    HOLD.release();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void writesSucceedWhileOneClientsReadsFillTheReadCapacity() throws Exception {
    String thread = seedThread();
    // The posts of the list's page (the first few of each thread), not the opening-post lookups
    // (one post of one thread) that writes and single-thread views make.
    HOLD.hold((method, args) -> method.equals("firstPosts") && !Integer.valueOf(1).equals(args[1]));
    String list = "/api/documents/" + document + "/annotations";
    List<CompletableFuture<HttpResponse<String>>> reads = new ArrayList<>();
    reads.add(send("GET", list, null, null));
    assertThat(HOLD.entered.await(20, TimeUnit.SECONDS)).as("a read reached the repository").isTrue();
    for (int i = 0; i < 5; i++) {
      reads.add(send("GET", list, null, null));
    }
    // The reads beyond the capacity come back at once: the capacity is taken.
    assertThat(CompletableFuture.anyOf(reads.subList(1, reads.size()).toArray(CompletableFuture[]::new))
        .get(20, TimeUnit.SECONDS)).extracting(r -> ((HttpResponse<?>) r).statusCode()).isEqualTo(503);

    HttpResponse<String> reply = send("POST", "/api/documents/" + document + "/threads/" + thread + "/replies",
        CITIZEN, new JsonObject().put("body", "Trotzdem eine Antwort").encode()).get(20, TimeUnit.SECONDS);
    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);

    HOLD.release();
    int ok = 0;
    for (CompletableFuture<HttpResponse<String>> r : reads) {
      assertThat(r.get(20, TimeUnit.SECONDS).statusCode()).isIn(200, 503);
      ok += r.join().statusCode() == 200 ? 1 : 0;
    }
    assertThat(ok).as("the held reads finish once released").isGreaterThanOrEqualTo(1);
  }

  @Test
  void onePersonsParallelExportsDoNotFailAnotherPersonsExport() throws Exception {
    HOLD.hold((method, args) -> args != null && args.length == 1 && CITIZEN.subject().equals(args[0]));
    String export = "/api/me/annotations/export";
    List<CompletableFuture<HttpResponse<String>>> mine = new ArrayList<>();
    mine.add(send("GET", export, CITIZEN, null));
    assertThat(HOLD.entered.await(20, TimeUnit.SECONDS)).as("the export reached the repository").isTrue();
    for (int i = 0; i < 5; i++) {
      mine.add(send("GET", export, CITIZEN, null));
    }
    HttpResponse<?> refused = (HttpResponse<?>) CompletableFuture.anyOf(
        mine.subList(1, mine.size()).toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);

    HttpResponse<String> theirs = send("GET", export, OTHER, null).get(20, TimeUnit.SECONDS);
    assertThat(theirs.statusCode()).as(theirs.body()).isEqualTo(200);

    // The one person flooding is told to wait.
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    HOLD.release();
    for (CompletableFuture<HttpResponse<String>> r : mine) {
      assertThat(r.get(20, TimeUnit.SECONDS).statusCode()).isIn(200, 429);
    }
    assertThat(mine.get(0).join().statusCode()).isEqualTo(200);
  }

  private static String seedThread() {
    return TokenClient.seedThread(repo, document, new Author(CITIZEN.subject(), "Name", false));
  }

  private static CompletableFuture<HttpResponse<String>> send(String method, String path, Principal p, String json) {
    return client.send(method, path, p, json);
  }
}
