package org.pledgepad.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pledgepad.server.config.Cidr;

/** Which address login throttling counts, with and without trusted proxies, under spoofing. */
class ClientAddressTest {
  private static final List<Cidr> PROXIES = List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("2001:db8::/32"));

  @Test
  void withoutTrustedProxiesTheHeaderIsIgnored() {
    assertThat(ClientAddress.resolve("203.0.113.5", List.of("198.51.100.1"), List.of())).isEqualTo("203.0.113.5");
  }

  @Test
  void anUntrustedPeerCannotChooseItsAddress() {
    assertThat(ClientAddress.resolve("203.0.113.5", List.of("10.0.0.1, 198.51.100.1"), PROXIES)).isEqualTo("203.0.113.5");
  }

  @Test
  void behindATrustedProxyTheRightMostUntrustedHopIsTheClient() {
    assertThat(ClientAddress.resolve("10.0.0.2", List.of("198.51.100.7"), PROXIES)).isEqualTo("198.51.100.7");
    // The client prepended a forged address; the proxy appended the real one.
    assertThat(ClientAddress.resolve("10.0.0.2", List.of("192.0.2.66, 198.51.100.7"), PROXIES)).isEqualTo("198.51.100.7");
    // Two proxies in a row, one header each.
    assertThat(ClientAddress.resolve("10.0.0.2", List.of("192.0.2.66, 198.51.100.7", "10.9.9.9"), PROXIES))
        .isEqualTo("198.51.100.7");
  }

  @Test
  void spoofedTrustedLookingEntriesLeftOfTheClientAreNeverReached() {
    assertThat(ClientAddress.resolve("10.0.0.2", List.of("10.1.1.1, 198.51.100.7"), PROXIES)).isEqualTo("198.51.100.7");
  }

  @Test
  void garbageStopsTheWalkAtTheLastTrustedHop() {
    assertThat(ClientAddress.resolve("10.0.0.2", List.of("198.51.100.7, not-an-ip"), PROXIES)).isEqualTo("10.0.0.2");
    assertThat(ClientAddress.resolve("10.0.0.2", List.of("evil.example"), PROXIES)).isEqualTo("10.0.0.2");
    assertThat(ClientAddress.resolve("10.0.0.2", List.of(""), PROXIES)).isEqualTo("10.0.0.2");
  }

  @Test
  void onlyProxiesInTheChainMeansTheLeftMostIsTheClient() {
    assertThat(ClientAddress.resolve("10.0.0.2", List.of("10.0.0.3"), PROXIES)).isEqualTo("10.0.0.3");
  }

  @Test
  void addressesAreCanonicalSoSpellingsShareACounter() {
    assertThat(ClientAddress.resolve("10.0.0.2", List.of("2001:DB9:0:0::1"), PROXIES)).isEqualTo("2001:db9:0:0:0:0:0:0/64");
    assertThat(ClientAddress.resolve("10.0.0.2", List.of("[2001:db9::1]"), PROXIES)).isEqualTo("2001:db9:0:0:0:0:0:0/64");
    assertThat(ClientAddress.resolve("10.0.0.2", List.of("::ffff:198.51.100.7"), PROXIES)).isEqualTo("198.51.100.7");
  }

  @Test
  void anIpv6ClientIsItsSlash64SoRotatingAddressesSharesOneCounter() {
    // A host with a /64 can send every request from a new address; the throttle must not care.
    String first = ClientAddress.resolve("2a01:4f8:1:2::1", List.of(), List.of());
    assertThat(ClientAddress.resolve("2a01:4f8:1:2:ffff:ab:cd:ef", List.of(), List.of())).isEqualTo(first);
    assertThat(ClientAddress.resolve("10.0.0.2", List.of("2a01:4f8:1:2::9"), PROXIES)).isEqualTo(first);
    assertThat(ClientAddress.resolve("2a01:4f8:1:3::1", List.of(), List.of())).isNotEqualTo(first);
    // Trust is still judged by the full address: one trusted proxy in a /64 does not trust its neighbours.
    List<Cidr> oneProxy = List.of(Cidr.parse("2001:db8::10/128"));
    assertThat(ClientAddress.resolve("2001:db8::11", List.of("198.51.100.7"), oneProxy)).isEqualTo("2001:db8:0:0:0:0:0:0/64");
  }

  @Test
  void veryLongChainsAreCutFromTheClientSide() {
    String forged = "192.0.2.1, " + "10.0.0.5, ".repeat(ClientAddress.MAX_HOPS + 5) + "10.0.0.6";
    // All examined hops are proxies: the left-most examined one stands for the client, never the forged head.
    assertThat(ClientAddress.resolve("10.0.0.2", List.of(forged), PROXIES)).isEqualTo("10.0.0.5");
  }
}
