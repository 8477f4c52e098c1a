package org.pledgepad.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.pledgepad.server.testing.Await.result;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetTransportTest {
  @Test
  void nativeIsAskedForUnlessSwitchedOff() {
    assertThat(NetTransport.preferNative(Map.of())).isTrue();
    assertThat(NetTransport.preferNative(Map.of("NATIVE_TRANSPORT", "true"))).isTrue();
    assertThat(NetTransport.preferNative(Map.of("NATIVE_TRANSPORT", " FALSE "))).isFalse();
  }

  @Test
  void onLinuxX8664TheServerRunsOnEpollFromItsOwnDependencies() {
    assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux")
        && System.getProperty("os.arch").matches("amd64|x86_64"), "epoll ships for Linux x86-64 only");
    Vertx vertx = Vertx.vertx(NetTransport.apply(new VertxOptions(), Map.of()));
    try {
      assertThat(vertx.isNativeTransportEnabled())
          .as("native transport (cause if not: %s)", vertx.unavailableNativeTransportCause())
          .isTrue();
    } finally {
      result(vertx.close());
    }
  }

  @Test
  void switchedOffItRunsOnNio() {
    Vertx vertx = Vertx.vertx(NetTransport.apply(new VertxOptions(), Map.of("NATIVE_TRANSPORT", "false")));
    try {
      assertThat(vertx.isNativeTransportEnabled()).isFalse();
    } finally {
      result(vertx.close());
    }
  }
}
