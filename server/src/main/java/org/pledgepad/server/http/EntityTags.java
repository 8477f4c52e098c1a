package org.pledgepad.server.http;

import java.util.Arrays;

/** Conditional GET by entity tag, shared by every route that answers 304. */
public final class EntityTags {
  private EntityTags() {}

  /** RFC 9110 If-None-Match: "*" or a list of entity tags; weak comparison, as GET requires. */
  public static boolean matches(String header, String etag) {
    if (header == null) {
      return false;
    }
    String plain = etag.startsWith("W/") ? etag.substring(2) : etag;
    return Arrays.stream(header.split(","))
        .map(String::trim)
        .map(t -> t.startsWith("W/") ? t.substring(2) : t)
        .anyMatch(t -> t.equals("*") || t.equals(plain));
  }
}
