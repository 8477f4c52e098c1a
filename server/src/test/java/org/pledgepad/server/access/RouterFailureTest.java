package org.pledgepad.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Failures the router raises itself (body limits): the right problem type, no ERROR log. */
class RouterFailureTest extends EmbeddedAccessServerTest {
  @Test
  void anOversizedBodyIs413PayloadTooLargeWithoutAnErrorLog() throws Exception {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> seen = new ListAppender<>();
    seen.setContext(context);
    seen.start();
    root.addAppender(seen);
    try {
      HttpResponse<String> r = http.send("POST", "/api/session", "x".repeat(5 * 1024),
          "Content-Type", "application/json");
      assertThat(r.statusCode()).isEqualTo(413);
      assertThat(new JsonObject(r.body()).getString("type")).isEqualTo("urn:pledgepad:problem:payload-too-large");
      assertThat(seen.list).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.ERROR));
    } finally {
      root.detachAppender(seen);
    }
  }
}
