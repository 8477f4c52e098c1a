package org.pledgepad.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.pledgepad.server.testing.Await.result;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pledgepad.server.config.ConfigException;

class NetTransportTest {
  @Test
  void nativeIsAskedForUnlessSwitchedOff() {
    assertThat(NetTransport.preferNative(Map.of())).isTrue();
    assertThat(NetTransport.preferNative(Map.of("NATIVE_TRANSPORT", "true"))).isTrue();
    assertThat(NetTransport.preferNative(Map.of("NATIVE_TRANSPORT", " FALSE "))).isFalse();
  }

  @Test
  void onlyTrueOrFalseIsAcceptedAndAnythingElseNamesTheSetting() {
    assertThat(NetTransport.preferNative(Map.of("NATIVE_TRANSPORT", " True"))).isTrue();
    assertThat(NetTransport.preferNative(Map.of("NATIVE_TRANSPORT", "false"))).isFalse();
    for (String bad : new String[] {"no", "0", "off", "flase", "io_uring", "epoll", ""}) {
      assertThatThrownBy(() -> NetTransport.preferNative(Map.of("NATIVE_TRANSPORT", bad)))
          .as(bad).isInstanceOf(ConfigException.class).hasMessageContaining("NATIVE_TRANSPORT");
    }
  }

  @Test
  void onLinuxX8664TheServerRunsOnEpollFromItsOwnDependencies() {
    // Our epoll dependency ships for Linux x86-64 only (CI's platform, where this runs and must
    // pass); elsewhere the server runs on NIO and there is nothing to check.
    assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux")
        && System.getProperty("os.arch").matches("amd64|x86_64"), "epoll ships for Linux x86-64 only");
    Vertx vertx = Vertx.vertx(NetTransport.apply(new VertxOptions(), NetTransport.preferNative(Map.of())));
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
    Vertx vertx = Vertx.vertx(NetTransport.apply(new VertxOptions(),
        NetTransport.preferNative(Map.of("NATIVE_TRANSPORT", "false"))));
    try {
      assertThat(vertx.isNativeTransportEnabled()).isFalse();
    } finally {
      result(vertx.close());
    }
  }
}
