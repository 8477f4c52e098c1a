package org.pledgepad.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.server.access.AccessControl;
import org.pledgepad.server.access.AccessSettings;
import org.pledgepad.server.testing.ServerHarness;

/**
 * Every embedded database holds secrets or personal data (drafts, who wrote what, comments
 * awaiting moderation, reports, password hashes): none may be readable by other local users,
 * whatever the umask of the process that started the server.
 */
class EmbeddedFileModesTest {
  @TempDir
  Path dataDir;

  @Test
  void everyEmbeddedDatabaseOfAStartedServerIsReadableByItsOwnerOnly() throws Exception {
    ServerHarness server = ServerHarness.start(Map.of("DATA_DIR", dataDir.toString()),
        new AccessControl(AccessSettings.fromEnvironment(Map.of())));
    try {
      // Opens the annotation and pledge databases too, if the start did not.
      String demo = new io.vertx.core.json.JsonArray(get(server, "/api/documents")).getJsonObject(0).getString("name");
      get(server, "/api/pledges/documents");
      get(server, "/api/documents/" + demo + "/annotations");
      Map<String, String> modes = new TreeMap<>();
      try (Stream<Path> files = Files.list(dataDir)) {
        for (Path f : (Iterable<Path>) files.filter(f -> f.getFileName().toString().contains(".sqlite"))::iterator) {
          modes.put(f.getFileName().toString(), PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        }
      }
      assertThat(modes).containsKeys("pledgepad.sqlite", "access.sqlite", "annotations.sqlite", "pledges.sqlite");
      assertThat(modes).allSatisfy((name, mode) -> assertThat(mode).as(name).isEqualTo("rw-------"));
    } finally {
      server.close();
    }
  }

  private static String get(ServerHarness server, String path) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.httpBase() + path))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
    return r.body();
  }
}
