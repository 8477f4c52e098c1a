package org.pledgepad.server.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An address block such as {@code 10.0.0.0/8}, {@code 192.0.2.7} or {@code fd00::/8}. Only IP
 * literals are accepted, so parsing never triggers a DNS lookup. IPv4 and IPv6 blocks never
 * match each other's addresses (an IPv4-mapped IPv6 peer is compared as IPv4).
 */
public record Cidr(byte[] network, int prefixLength) {
  public Cidr {
    network = network.clone();
    if (network.length != 4 && network.length != 16 || prefixLength < 0 || prefixLength > network.length * 8) {
      throw new IllegalArgumentException("invalid CIDR");
    }
  }

  /** Parses one block; throws IllegalArgumentException with a fixed message if it is not one. */
  public static Cidr parse(String text) {
    String s = text.strip();
    int slash = s.indexOf('/');
    String addr = slash < 0 ? s : s.substring(0, slash);
    byte[] bytes = literal(addr);
    if (bytes == null) {
      throw new IllegalArgumentException("not an IP address or CIDR block");
    }
    int prefix = bytes.length * 8;
    if (slash >= 0) {
      String p = s.substring(slash + 1);
      if (!p.matches("[0-9]{1,3}") || Integer.parseInt(p) > bytes.length * 8) {
        throw new IllegalArgumentException("invalid prefix length");
      }
      prefix = Integer.parseInt(p);
    }
    return new Cidr(bytes, prefix);
  }

  /** The bytes of an IP literal (IPv4-mapped IPv6 folded to IPv4), or null if it is no literal. */
  public static byte[] literal(String addr) {
    if (addr == null || addr.isEmpty() || addr.length() > 45) {
      return null;
    }
    String a = addr.startsWith("[") && addr.endsWith("]") ? addr.substring(1, addr.length() - 1) : addr;
    boolean v4 = a.matches("(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}");
    boolean v6 = a.indexOf(':') >= 0 && a.matches("[0-9A-Fa-f:.]+");
    if (!v4 && !v6) {
      return null; // never hand a host name to InetAddress: it would resolve it
    }
    try {
      return InetAddress.getByName(a).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }

  public boolean contains(byte[] address) {
    if (address == null || address.length != network.length) {
      return false;
    }
    int full = prefixLength / 8;
    for (int i = 0; i < full; i++) {
      if (address[i] != network[i]) {
        return false;
      }
    }
    int rest = prefixLength % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (address[full] & mask) == (network[full] & mask);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cidr c && c.prefixLength == prefixLength && Arrays.equals(c.network, network);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(network) * 31 + prefixLength;
  }

  @Override
  public String toString() {
    try {
      return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixLength;
    } catch (UnknownHostException e) {
      return "invalid";
    }
  }
}
