package org.pledgepad.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pledgepad.server.testing.Await.result;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pledgepad.server.wire.WireReader;
import org.pledgepad.server.wire.WireWriter;

/** What the presence relay hands to pg_notify, whose payload limit is in bytes. */
class AwarenessRelayTest {
  private final Vertx vertx = Vertx.vertx();
  private final List<String> notified = new CopyOnWriteArrayList<>();
  private final AwarenessRelay relay = new AwarenessRelay(vertx, vertx.getOrCreateContext(), payload -> {
    notified.add(payload);
    return Future.succeededFuture();
  }, null);

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  /**
   * States were weighed in characters: a state of 2,000 characters, most of them three bytes,
   * passed the 2,000-character limit and made a notification of over 8,000 bytes, which
   * PostgreSQL refused.
   */
  @Test
  void aStateIsWeighedInBytesWhateverItsCharacters() {
    Map<Long, String> states = Map.of(
        1L, state("€".repeat(1_980)), // 2,000 characters, 5,960 bytes of them: too large
        2L, state("x".repeat(5_960)), // the same bytes, ASCII
        3L, state("€".repeat(1_500)), // 4,500 bytes: fit
        4L, state("x".repeat(4_500)));
    WireWriter update = new WireWriter().writeVarUint(states.size());
    states.forEach((client, json) -> update.writeVarUint(client).writeVarUint(1).writeVarString(json));
    relay.published("motion-1", update.toByteArray());
    result(relay.flush());

    assertThat(notified).isNotEmpty();
    assertThat(notified).allSatisfy(p ->
        assertThat(p.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(AwarenessRelay.MAX_PAYLOAD));
    Map<Long, String> relayed = new HashMap<>();
    notified.forEach(p -> relayed.putAll(decode(p)));
    assertThat(relayed).containsOnlyKeys(3L, 4L);
    assertThat(relayed.get(3L)).isEqualTo(states.get(3L));
    assertThat(relayed.get(4L)).isEqualTo(states.get(4L));
  }

  private static String state(String name) {
    return "{\"user\":{\"name\":\"" + name + "\"}}";
  }

  /** clientID → state of one notification (node\ndocument\nbase64 of an awareness update). */
  private static Map<Long, String> decode(String payload) {
    String body = payload.substring(payload.indexOf('\n', payload.indexOf('\n') + 1) + 1);
    WireReader r = new WireReader(Base64.getDecoder().decode(body));
    Map<Long, String> out = new HashMap<>();
    for (long i = r.readVarUint(); i > 0; i--) {
      long client = r.readVarUint();
      r.readVarUint();
      out.put(client, r.readVarString());
    }
    return out;
  }
}
