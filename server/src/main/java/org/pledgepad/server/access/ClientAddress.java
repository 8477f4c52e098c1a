package org.pledgepad.server.access;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.pledgepad.server.config.Cidr;

/**
 * The address a request came from, for login throttling and per-client limits (an IPv6 client is
 * its /64 network). X-Forwarded-For is believed only when
 * the TCP peer is a configured trusted proxy; then the list is walked from the right (the end
 * the proxies appended to) and the first address that is not itself a trusted proxy is the
 * client. Anything left of it was written by the client and could be forged, so it is never
 * used. A malformed entry stops the walk at the last trusted hop, which then stands for the
 * client (all clients behind it share one counter: failing closed).
 */
final class ClientAddress {
  /** Hops examined at most; longer chains are cut from the left (client-supplied end). */
  static final int MAX_HOPS = 32;
  static final String UNKNOWN = "unknown";
  /** Bits of an IPv6 address that name one client (see {@link #canonical}). */
  static final int IPV6_CLIENT_PREFIX = 64;

  private ClientAddress() {}

  /** The client of a request or WebSocket from {@code peer} with these headers. */
  static String of(io.vertx.core.net.SocketAddress peer, io.vertx.core.MultiMap headers, List<Cidr> trustedProxies) {
    return resolve(peer == null ? null : peer.hostAddress(), headers.getAll("X-Forwarded-For"), trustedProxies);
  }

  /**
   * Whether a trusted proxy says the client's request came over https (its X-Forwarded-Proto;
   * the right-most value, the one the proxy next to us wrote). From any other peer the header is
   * the client's own word and not believed.
   */
  static boolean forwardedHttps(io.vertx.core.net.SocketAddress peer, io.vertx.core.MultiMap headers,
      List<Cidr> trustedProxies) {
    byte[] from = Cidr.literal(peer == null ? null : peer.hostAddress());
    List<String> proto = headers.getAll("X-Forwarded-Proto");
    if (from == null || !trusted(from, trustedProxies) || proto.isEmpty()) {
      return false;
    }
    String last = proto.get(proto.size() - 1);
    return last.substring(last.lastIndexOf(',') + 1).strip().equalsIgnoreCase("https");
  }

  static String resolve(String peer, List<String> forwardedFor, List<Cidr> trustedProxies) {
    byte[] current = Cidr.literal(peer);
    if (current == null) {
      return peer == null ? UNKNOWN : peer;
    }
    if (!trusted(current, trustedProxies) || forwardedFor == null || forwardedFor.isEmpty()) {
      return canonical(current);
    }
    List<String> hops = new ArrayList<>();
    for (String header : forwardedFor) {
      for (String part : header.split(",", -1)) {
        hops.add(part.strip());
      }
    }
    int stop = Math.max(0, hops.size() - MAX_HOPS);
    for (int i = hops.size() - 1; i >= stop; i--) {
      byte[] hop = Cidr.literal(hops.get(i));
      if (hop == null) {
        return canonical(current);
      }
      current = hop;
      if (!trusted(hop, trustedProxies)) {
        return canonical(hop);
      }
    }
    return canonical(current); // every hop is a proxy: the left-most one examined is the client
  }

  private static boolean trusted(byte[] address, List<Cidr> proxies) {
    for (Cidr c : proxies) {
      if (c.contains(address)) {
        return true;
      }
    }
    return false;
  }

  /**
   * IPv4 as the address; IPv6 as its /64 network ("2001:db8:1:2:0:0:0:0/64"): one subscriber or
   * host is given a whole /64 and can pick any of its 2^64 addresses, so counting single IPv6
   * addresses would give one attacker a fresh login-throttle and per-client budget per request.
   */
  private static String canonical(byte[] address) {
    try {
      if (address.length == 16) {
        byte[] network = java.util.Arrays.copyOf(address, 16);
        java.util.Arrays.fill(network, 8, 16, (byte) 0);
        return InetAddress.getByAddress(network).getHostAddress() + "/" + IPV6_CLIENT_PREFIX;
      }
      return InetAddress.getByAddress(address).getHostAddress();
    } catch (UnknownHostException e) {
      return UNKNOWN;
    }
  }
}
