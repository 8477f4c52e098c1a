package org.pledgepad.server.pledges;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.pledgepad.server.testing.Eventually;

/**
 * What the public pledge reads cost (review 2026-11-30, pledges item 10): comparisons and open-data
 * files limited per client, and a conditional GET of an unchanged file answered without a render.
 * Embedded store here; {@link PgPledgeReadLimitsTest} runs the same over PostgreSQL.
 */
class PledgeReadLimitsTest extends PledgeServerTest {
  static final String COMPARE = "/api/pledges/compare?a=" + KasselPledgeSeed.PROGRAMME_NAME
      + "&b=" + KasselPledgeSeed.COALITION_NAME;
  static final String REPORT = "/open-data/compare/" + KasselPledgeSeed.PROGRAMME_NAME + "/"
      + KasselPledgeSeed.COALITION_NAME + ".html";

  @Test
  void aSignedInClientOverItsLimitOfComparisonsGets429WhileAnotherIsServed() throws Exception {
    Map<String, String> anna = Map.of("X-Test-User", "CITIZEN anna");
    overTheLimit(COMPARE, anna, "subject anna", anna, Map.of("X-Test-User", "CITIZEN ben"), "subject ben");
  }

  @Test
  void openDataCountsItsClientsByAddressWhoeverSignedIn() throws Exception {
    // Two people behind one address share its slots on open data; another address is served.
    overTheLimit(REPORT, Map.of("X-Test-Address", "192.0.2.1", "X-Test-User", "CITIZEN anna"),
        "address 192.0.2.1", Map.of("X-Test-Address", "192.0.2.1", "X-Test-User", "CITIZEN ben"),
        Map.of("X-Test-Address", "192.0.2.2"), "address 192.0.2.2");
  }

  @Test
  void anUnchangedFileAnswersAConditionalGetWithoutRendering() {
    // OpenDataTest checks every file on the embedded store, and that a change renders again.
    for (String path : List.of("/open-data/status.csv", REPORT)) {
      String etag = server.get(path).headers().firstValue("ETag").orElseThrow();
      long renders = server.module.files().renders();
      assertThat(server.get(path, "If-None-Match", etag).statusCode()).as(path).isEqualTo(304);
      assertThat(server.module.files().renders()).as(path + ": a 304 renders nothing").isEqualTo(renders);
    }
  }

  /**
   * Fills every slot of a client ({@code holder}, counted as {@code holderKey}) with held requests,
   * checks that one more ({@code sameClient}) is refused while {@code other} is served, and that
   * the slots come back.
   */
  private void overTheLimit(String path, Map<String, String> holder, String holderKey, Map<String, String> sameClient,
      Map<String, String> other, String otherKey) throws Exception {
    server.held.hold();
    List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
    for (int i = 0; i < PledgeReadLimit.MAX_PER_CLIENT; i++) {
      held.add(server.getAsync(path, holder));
    }
    Eventually.until("every slot of " + holderKey + " taken",
        () -> server.module.readLimit().held(holderKey) == PledgeReadLimit.MAX_PER_CLIENT);
    HttpResponse<String> over = server.get(path, sameClient);
    CompletableFuture<HttpResponse<String>> otherAnswer = server.getAsync(path, other);
    Eventually.until("the other client holds a slot", () -> server.module.readLimit().held(otherKey) == 1);
    server.held.release();

    assertRefused(over);
    assertThat(otherAnswer.get().statusCode()).as(otherAnswer.get().body()).isEqualTo(200);
    for (CompletableFuture<HttpResponse<String>> f : held) {
      assertThat(f.get().statusCode()).as(f.get().body()).isEqualTo(200);
    }
    Eventually.until("the slots given back", () -> server.module.readLimit().held(holderKey) == 0);
    assertThat(server.get(path, sameClient).statusCode()).isEqualTo(200);
  }

  private static void assertRefused(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(429);
    assertThat(r.headers().firstValue("Retry-After")).hasValue("2");
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(r.body()).contains(PledgeProblems.TOO_MANY_REQUESTS);
  }
}
