package org.pledgepad.server.seed;

/**
 * One block of ProseMirror-shaped content: a heading (level 1–6) or a paragraph (level 0).
 * {@code pledgeId} (null for other blocks) marks a heading that starts a pledge; it is written as
 * the XML attribute "pledgeId", which the pledge index reads back after edits.
 */
public record Block(Kind kind, int level, String text, String pledgeId) {
  public enum Kind { HEADING, PARAGRAPH }

  public static Block heading(int level, String text) {
    return new Block(Kind.HEADING, level, text, null);
  }

  public static Block pledgeHeading(int level, String text, String pledgeId) {
    return new Block(Kind.HEADING, level, text, pledgeId);
  }

  public static Block paragraph(String text) {
    return new Block(Kind.PARAGRAPH, 0, text, null);
  }
}
