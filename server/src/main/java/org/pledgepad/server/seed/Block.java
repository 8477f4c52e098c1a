package org.pledgepad.server.seed;

/**
 * One block of ProseMirror-shaped content: a heading (level 1–6) or a paragraph (level 0).
 */
public record Block(Kind kind, int level, String text) {
  public enum Kind { HEADING, PARAGRAPH }

  public static Block heading(int level, String text) {
    return new Block(Kind.HEADING, level, text);
  }

  public static Block paragraph(String text) {
    return new Block(Kind.PARAGRAPH, 0, text);
  }
}
