package org.pledgepad.server.pledges;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.pledges.export.JsonExport;
import org.pledgepad.pledges.export.OpenDataBundle;

class OpenDataTest {
  @TempDir
  Path first;
  @TempDir
  Path second;

  @Test
  void exportThenImportElsewhereGivesTheSamePledgesLinksAndStatuses() {
    String exported;
    try (PledgeTestServer a = PledgeTestServer.start(first, true)) {
      List<String> ids = PledgeApiTest.importPair(a);
      assertThat(a.send("POST", "/api/pledges/links", PledgeApiTest.MEMBER, "application/json",
          new JsonObject().put("a", ids.get(0)).put("b", ids.get(2)).put("kind", "SAME").encode()).statusCode()).isEqualTo(201);
      assertThat(a.send("PUT", "/api/pledges/" + ids.get(2) + "/status", PledgeApiTest.ADMIN, "application/json",
          "{\"status\":\"IN_ARBEIT\",\"evidence\":{\"date\":\"2024-02-03\",\"text\":\"Vergabe\",\"link\":\"\"}}").statusCode()).isEqualTo(200);
      HttpResponse<String> r = a.get("/open-data/pledges.json");
      assertThat(r.statusCode()).isEqualTo(200);
      exported = r.body();
    }
    OpenDataBundle bundle = JsonExport.read(exported);
    assertThat(bundle.documents()).hasSize(4);   // the two seed documents and the two imported ones
    assertThat(bundle.links()).hasSize(1);
    assertThat(bundle.statuses()).hasSize(1);
    try (PledgeTestServer b = PledgeTestServer.start(second, false)) {
      HttpResponse<String> imported = b.send("POST", "/api/pledges/import?stage=published", PledgeApiTest.ADMIN,
          "application/json", exported);
      assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
      assertThat(b.get("/open-data/pledges.json").body()).isEqualTo(exported);
      assertThat(b.send("POST", "/api/pledges/import", PledgeApiTest.ADMIN, "application/json", exported).statusCode())
          .isEqualTo(409);
    }
  }

  @Test
  void exportsCarryStrongEtagsAndAnswerIfNoneMatchWith304UntilTheDataChanges(@TempDir Path dir) {
    try (PledgeTestServer s = PledgeTestServer.start(dir, true)) {
      for (String path : List.of("/open-data/pledges.json", "/open-data/pledges.csv", "/open-data/links.csv",
          "/open-data/documents/" + KasselPledgeSeed.PROGRAMME_NAME + ".md",
          "/open-data/compare/" + KasselPledgeSeed.PROGRAMME_NAME + "/" + KasselPledgeSeed.COALITION_NAME + ".html")) {
        HttpResponse<String> r = s.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        String etag = r.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).startsWith("\"").doesNotStartWith("W/");
        assertThat(r.headers().firstValue("Link").orElseThrow()).contains("rel=\"license\"");
        long renders = s.module.files().renders();
        HttpResponse<String> again = s.get(path, "If-None-Match", etag);
        assertThat(again.statusCode()).as(path).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(s.module.files().renders()).as(path + ": a 304 renders nothing").isEqualTo(renders);
        assertThat(s.get(path).headers().firstValue("ETag")).contains(etag);
      }
      assertThat(s.get("/open-data/pledges.csv").body()).contains("Glasfaser in der ganzen Stadt");
      assertThat(s.get("/open-data/pledges.json").body()).contains("Datenlizenz Deutschland");
      String etag = s.get("/open-data/pledges.json").headers().firstValue("ETag").orElseThrow();
      String id = new JsonObject(s.get("/api/pledges/documents/" + KasselPledgeSeed.COALITION_NAME).body())
          .getJsonArray("pledges").getJsonObject(0).getString("id");
      long renders = s.module.files().renders();
      assertThat(s.send("PUT", "/api/pledges/" + id + "/status", PledgeApiTest.ADMIN, "application/json",
          "{\"status\":\"UMGESETZT\"}").statusCode()).isEqualTo(200);
      HttpResponse<String> changed = s.get("/open-data/pledges.json", "If-None-Match", etag);
      assertThat(changed.statusCode()).isEqualTo(200);
      assertThat(changed.headers().firstValue("ETag")).isNotEqualTo(java.util.Optional.of(etag));
      assertThat(s.module.files().renders()).as("the changed file is rendered once").isEqualTo(renders + 1);
    }
  }

  @Test
  void draftsAreNotOpenData(@TempDir Path dir) {
    try (PledgeTestServer s = PledgeTestServer.start(dir, false)) {
      assertThat(s.send("POST", "/api/pledges/import?name=entwurf", PledgeApiTest.ADMIN, "text/markdown",
          "# Entwurf\n\n## Geheim\n\nNoch nicht öffentlich.\n").statusCode()).isEqualTo(201);
      assertThat(s.get("/open-data/pledges.json").body()).doesNotContain("Geheim");
      assertThat(s.get("/open-data/documents/entwurf.md").statusCode()).isEqualTo(404);
      assertThat(s.get("/open-data/documents/..%2Fetc.md").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void theOperatorChoosesTheLicenceOfTheExports(@TempDir Path dir) {
    try (PledgeTestServer s = PledgeTestServer.start(java.util.Map.of("DATA_DIR", dir.toString(),
        "OPEN_DATA_LICENCE", "cc-by-4.0", "OPEN_DATA_ATTRIBUTION", "Stadt Kassel"), true)) {
      HttpResponse<String> json = s.get("/open-data/pledges.json");
      assertThat(JsonExport.read(json.body()).licence().name()).isEqualTo("Creative Commons Namensnennung 4.0 International (CC BY 4.0)");
      assertThat(JsonExport.read(json.body()).licence().attribution()).isEqualTo("Stadt Kassel");
      assertThat(json.headers().firstValue("Link").orElseThrow()).isEqualTo("<https://creativecommons.org/licenses/by/4.0/>; rel=\"license\"");
      assertThat(s.get("/open-data/pledges.csv").body()).contains("CC BY 4.0").doesNotContain("Datenlizenz");
      assertThat(s.get("/open-data/documents/" + KasselPledgeSeed.PROGRAMME_NAME + ".md").body()).contains("Namensnennung: Stadt Kassel");
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> OpenDataLicence.fromEnv(java.util.Map.of("OPEN_DATA_LICENCE", "gpl")))
        .hasMessageContaining("OPEN_DATA_LICENCE");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> OpenDataLicence.fromEnv(java.util.Map.of("OPEN_DATA_ATTRIBUTION", "a\nb")))
        .hasMessageContaining("OPEN_DATA_ATTRIBUTION");
    assertThat(OpenDataLicence.fromEnv(java.util.Map.of()).name()).isEqualTo("Datenlizenz Deutschland – Namensnennung – 2.0");
  }
}
