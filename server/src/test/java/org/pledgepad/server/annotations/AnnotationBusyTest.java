package org.pledgepad.server.annotations;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pledgepad.server.access.AccessControl;
import org.pledgepad.server.access.AccessSettings;
import org.pledgepad.server.testing.ServerHarness;

/** A flood of reads on one document: beyond the read cap 503 + Retry-After, then it recovers. */
@Timeout(120)
class AnnotationBusyTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void readsBeyondTheReadCapAre503AndReadsRecover() throws Exception {
    Path dataDir = Files.createTempDirectory("pledgepad-annotations-busy");
    AnnotationReads.defaultMaxPerDocument = 1;
    ServerHarness server;
    try {
      server = ServerHarness.start(Map.of("DATA_DIR", dataDir.toString()),
          new AccessControl(AccessSettings.fromEnvironment(Map.of())));
    } finally {
      AnnotationReads.defaultMaxPerDocument = AnnotationReads.MAX_PER_DOCUMENT;
    }
    try {
      String document = null;
      JsonArray docs = new JsonArray(get(server, "/api/documents").body());
      for (int i = 0; i < docs.size(); i++) {
        if ("consultation".equals(docs.getJsonObject(i).getString("stage"))) {
          document = docs.getJsonObject(i).getString("name");
          break;
        }
      }
      assertThat(document).isNotNull();
      String path = "/api/documents/" + document + "/annotations";
      assertThat(get(server, path).statusCode()).isEqualTo(200); // guests may read it
      HttpResponse<String> busy = null;
      for (int round = 0; round < 20 && busy == null; round++) {
        List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
          all.add(HTTP.sendAsync(request(server, path), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> f : all) {
          HttpResponse<String> r = f.join();
          assertThat(r.statusCode()).isIn(200, 503);
          if (r.statusCode() == 503) {
            busy = r;
          }
        }
      }
      assertThat(busy).as("some of 40 concurrent reads found the read capacity taken").isNotNull();
      assertThat(busy.headers().firstValue("Retry-After")).hasValue("2");
      assertThat(new JsonObject(busy.body()).getString("type")).isEqualTo("urn:pledgepad:problem:annotations-busy");
      // Once the flood passed, reads are answered again.
      assertThat(get(server, path).statusCode()).isEqualTo(200);
    } finally {
      server.close();
    }
  }

  private static HttpRequest request(ServerHarness server, String path) {
    return HttpRequest.newBuilder(URI.create(server.httpBase() + path)).GET().build();
  }

  private static HttpResponse<String> get(ServerHarness server, String path) throws Exception {
    return HTTP.send(request(server, path), HttpResponse.BodyHandlers.ofString());
  }
}
