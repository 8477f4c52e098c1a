package org.pledgepad.server.annotations;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pledgepad.annotations.repo.InMemoryAnnotationRepository;
import org.pledgepad.annotations.service.Annotations;

/**
 * The OpenAPI file and the router describe the same routes: every method and path mounted by
 * {@link AnnotationRoutes} is in openapi/annotations.yaml and nothing else is, and the file is
 * served as it is stored.
 */
class AnnotationOpenApiTest {
  private static final String OPENAPI_PATH = "/api/openapi/annotations.yaml";
  private static final Pattern PATH_LINE = Pattern.compile("^  (/\\S+):\\s*$");
  private static final Pattern METHOD_LINE = Pattern.compile("^    (get|put|post|delete|patch|head|options):.*$");
  private static final Pattern PARAM = Pattern.compile(":([A-Za-z0-9_]+)");

  private Vertx vertx;
  private Router router;

  @BeforeEach
  void mount() {
    vertx = Vertx.vertx();
    router = Router.router(vertx);
    InMemoryAnnotationRepository repo = new InMemoryAnnotationRepository();
    // Mounting only registers handlers: no store or session is touched until a request comes.
    new AnnotationRoutes(vertx, null, null, Annotations.withDefaults(repo), repo,
        AnnotationCallers.guestsOnly(), StatusEntries.NONE).mount(router);
  }

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void everyRouteIsInTheFileAndTheFileNamesNoOtherRoute() throws Exception {
    Set<String> mounted = new TreeSet<>();
    for (Route r : router.getRoutes()) {
      assertThat(r.getPath()).as("every annotation route has a plain path").isNotNull();
      assertThat(r.methods()).as("every annotation route names its method: " + r.getPath()).isNotEmpty();
      if (r.getPath().equals(OPENAPI_PATH)) {
        continue; // the description does not describe itself, like the other OpenAPI files
      }
      String path = PARAM.matcher(r.getPath()).replaceAll("{$1}");
      r.methods().forEach(m -> mounted.add(m.name() + " " + path));
    }
    Set<String> described = described(yaml());
    assertThat(mounted).as("routes in the router and in openapi/annotations.yaml").isEqualTo(described);
    assertThat(described).hasSizeGreaterThan(20);
  }

  /** The routes that read {@code ?limit=} and {@code ?cursor=} (AnnotationRoutes.pageLimit). */
  private static final List<String> PAGED = List.of("/api/documents/{name}/annotations",
      "/api/documents/{name}/threads/{id}", "/api/documents/{name}/pledges/{pledge}/status/{entry}/comments");

  @Test
  void thePagedListsDocumentTheirLimitAndCursor() throws Exception {
    for (String path : PAGED) {
      String get = operation(yaml(), path, "get");
      assertThat(get).as("GET " + path).contains("{name: limit, in: query").contains("{name: cursor, in: query")
          .contains("`invalid`: limit");
    }
  }

  /** The text of one operation of the file, from its method line to the next method or path. */
  private static String operation(String yaml, String path, String method) {
    StringBuilder out = new StringBuilder();
    boolean inPath = false;
    boolean inOperation = false;
    for (String line : yaml.split("\n")) {
      if (PATH_LINE.matcher(line).matches()) {
        inPath = line.trim().equals(path + ":");
        inOperation = false;
      } else if (METHOD_LINE.matcher(line).matches()) {
        inOperation = inPath && line.trim().startsWith(method + ":");
      } else if (inOperation) {
        out.append(line).append('\n');
      }
    }
    assertThat(out).as(method + " " + path + " in the file").isNotEmpty();
    return out.toString();
  }

  @Test
  void theFileIsServedAsStored() throws Exception {
    HttpServer server = vertx.createHttpServer(org.pledgepad.server.http.HttpProtocol.options()).requestHandler(router).listen(0).await();
    // The client's default (an h2c upgrade) is kept on purpose: the server must answer it in HTTP/1.1.
    HttpResponse<String> got = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.actualPort() + OPENAPI_PATH)).timeout(Duration.ofSeconds(30)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(got.statusCode()).isEqualTo(200);
    assertThat(got.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/yaml"));
    assertThat(got.body()).isEqualTo(yaml());
  }

  /** "METHOD /path" of every operation under {@code paths:} (the files' style: two-space indents). */
  static Set<String> described(String yaml) {
    Set<String> out = new TreeSet<>();
    boolean inPaths = false;
    String path = null;
    for (String line : yaml.split("\n")) {
      if (!line.startsWith(" ") && !line.isBlank()) {
        inPaths = line.startsWith("paths:");
        path = null;
        continue;
      }
      if (!inPaths) {
        continue;
      }
      Matcher p = PATH_LINE.matcher(line);
      if (p.matches()) {
        path = p.group(1);
        continue;
      }
      Matcher m = METHOD_LINE.matcher(line);
      if (m.matches() && path != null) {
        out.add(m.group(1).toUpperCase(Locale.ROOT) + " " + path);
      }
    }
    return out;
  }

  private static String yaml() throws Exception {
    try (InputStream in = AnnotationOpenApiTest.class.getResourceAsStream("/openapi/annotations.yaml")) {
      assertThat(in).as("openapi/annotations.yaml on the class path").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
