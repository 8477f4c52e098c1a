package org.pledgepad.annotations.model;

import java.util.regex.Pattern;

/**
 * Names of the things other than passages that a comment thread may be about. The library only
 * checks their shape (whoever offers such comments checks that the thing exists); the server
 * uses {@link #pledgeStatus} for an entry of a pledge's status history.
 */
public final class ThreadTargets {
  /** Plain ASCII, no spaces: a target travels in URLs and is compared byte for byte. */
  private static final Pattern SHAPE = Pattern.compile("[a-z-]{1,32}/[A-Za-z0-9._-]{1,160}(/[0-9]{1,9})?");

  private ThreadTargets() {}

  public static boolean valid(String target) {
    return target != null && SHAPE.matcher(target).matches();
  }

  /** Entry {@code entry} (0 = the first) of the status history of pledge {@code pledgeId}. */
  public static String pledgeStatus(String pledgeId, int entry) {
    String t = "pledge-status/" + pledgeId + "/" + entry;
    if (entry < 0 || !valid(t)) {
      throw new IllegalArgumentException("not a pledge status entry");
    }
    return t;
  }
}
