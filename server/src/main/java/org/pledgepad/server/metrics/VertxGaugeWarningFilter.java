package org.pledgepad.server.metrics;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Drops Micrometer's warning that one of Vert.x's own gauges "has been already registered"
 * (logged at the first WebSocket connection of every process). Vert.x registers a connection
 * gauge again for every socket, on purpose: the registrations share one counter, so the value
 * is right (vert-x3/vertx-micrometer-metrics issue 259, micrometer issue 6931). A warning in
 * every start-up log would teach operators to ignore warnings. Only Vert.x's meters
 * ({@code vertx.*}) are filtered; the same warning about any other meter is not.
 *
 * <p>Micrometer itself logs only the first such warning of a process at WARN and later ones at
 * DEBUG, whether or not the first was shown. Since Vert.x's comes at the first connection, a
 * later double registration of one of our own gauges would show only with LOG_LEVEL=DEBUG. Our
 * gauges are registered once, at start, and their tests check their values.
 */
public final class VertxGaugeWarningFilter extends TurboFilter {
  static final String LOGGER = "io.micrometer.core.instrument.MeterRegistry";
  static final String VERTX_GAUGE = "This Gauge has been already registered (MeterId{name='vertx.";

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
      Throwable t) {
    if (level == Level.WARN && format != null && format.startsWith(VERTX_GAUGE) && LOGGER.equals(logger.getName())) {
      return FilterReply.DENY;
    }
    return FilterReply.NEUTRAL;
  }
}
