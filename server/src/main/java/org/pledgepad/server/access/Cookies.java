package org.pledgepad.server.access;

import java.util.List;

/** Reads one cookie from raw Cookie headers (WebSocket upgrades have no RoutingContext). */
final class Cookies {
  private Cookies() {}

  static String find(List<String> headers, String name) {
    if (headers == null) {
      return null;
    }
    for (String header : headers) {
      for (String part : header.split(";")) {
        String p = part.strip();
        int eq = p.indexOf('=');
        if (eq > 0 && p.substring(0, eq).equals(name)) {
          String v = p.substring(eq + 1);
          return v.length() <= 128 ? v : null;
        }
      }
    }
    return null;
  }
}
