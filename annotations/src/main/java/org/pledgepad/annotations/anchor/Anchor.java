package org.pledgepad.annotations.anchor;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * What an annotation is attached to: two encoded Yjs relative positions (the bytes of
 * {@code Y.encodeRelativePosition}, as the browser computes them with y-prosemirror) and the
 * passage's text at creation. The positions name characters, not offsets, so the anchor follows
 * its words through every later edit; the quote survives when the words do not.
 *
 * @param start encoded relative position of the passage's first character
 * @param end   encoded relative position just after the passage's last character
 * @param quote the passage as it read when the annotation was made (or last re-anchored)
 */
public record Anchor(byte[] start, byte[] end, String quote) {
  public Anchor {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(quote, "quote");
    start = start.clone();
    end = end.clone();
  }

  @Override
  public byte[] start() {
    return start.clone();
  }

  @Override
  public byte[] end() {
    return end.clone();
  }

  /**
   * Decodes one position as the browser sends it: standard base64 (lib0's {@code toBase64}) of
   * {@code Y.encodeRelativePosition}. Oversized or malformed text is refused before decoding.
   *
   * @throws InvalidAnchorException if the text is not such a position
   */
  public static byte[] positionFromBase64(String base64) {
    if (base64 == null || base64.isEmpty() || base64.length() > (AnchorResolver.MAX_ENCODED_POSITION / 3 + 1) * 4) {
      throw new InvalidAnchorException("position missing or too long");
    }
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new InvalidAnchorException("position is not base64");
    }
  }

  public String startBase64() {
    return Base64.getEncoder().encodeToString(start);
  }

  public String endBase64() {
    return Base64.getEncoder().encodeToString(end);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Anchor a && Arrays.equals(start, a.start) && Arrays.equals(end, a.end)
        && quote.equals(a.quote);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(start), Arrays.hashCode(end), quote);
  }

  @Override
  public String toString() {
    return "Anchor[" + startBase64() + ".." + endBase64() + ", quote=" + quote.length() + " chars]";
  }
}
