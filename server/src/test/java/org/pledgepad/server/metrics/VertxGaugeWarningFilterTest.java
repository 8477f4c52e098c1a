package org.pledgepad.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class VertxGaugeWarningFilterTest {

  /** Micrometer's message for a gauge registered twice, with the meter id as Micrometer prints it. */
  private static String duplicateGaugeWarning(String meterName) {
    String id = Gauge.builder(meterName, new AtomicLong(), AtomicLong::get)
        .register(new SimpleMeterRegistry()).getId().toString();
    return "This Gauge has been already registered (" + id
        + "), the registration will be ignored. Note that subsequent logs will be logged at debug level.";
  }

  private static List<String> logged(LoggerContext context, Runnable logging) {
    ListAppender<ILoggingEvent> seen = new ListAppender<>();
    seen.setContext(context);
    seen.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.addAppender(seen);
    try {
      logging.run();
    } finally {
      root.detachAppender(seen);
    }
    return seen.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  @Test
  void dropsOnlyTheWarningAboutVertxOwnGauges() {
    LoggerContext context = new LoggerContext();
    VertxGaugeWarningFilter filter = new VertxGaugeWarningFilter();
    filter.setContext(context);
    filter.start();
    context.addTurboFilter(filter);
    Logger meters = context.getLogger(VertxGaugeWarningFilter.LOGGER);
    Logger other = context.getLogger("org.pledgepad.server.Example");
    String vertx = duplicateGaugeWarning("vertx.http.server.active.connections");
    String ours = duplicateGaugeWarning("pledgepad.connections");

    List<String> out = logged(context, () -> {
      meters.warn(vertx);
      meters.warn(ours);
      meters.info(vertx);
      other.warn(vertx);
      meters.warn("Failed to register meter vertx.x");
    });

    assertEquals(List.of(ours, vertx, vertx, "Failed to register meter vertx.x"), out);
  }

  @Test
  void theServersLogConfigurationInstallsTheFilter() throws Exception {
    LoggerContext context = new LoggerContext();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(VertxGaugeWarningFilterTest.class.getResource("/logback.xml"));

    assertTrue(context.getTurboFilterList().stream().anyMatch(f -> f instanceof VertxGaugeWarningFilter),
        "logback.xml installs VertxGaugeWarningFilter");
    List<String> out = logged(context, () -> context.getLogger(VertxGaugeWarningFilter.LOGGER)
        .warn(duplicateGaugeWarning("vertx.pool.queue.pending")));
    assertEquals(List.of(), out);
  }
}
