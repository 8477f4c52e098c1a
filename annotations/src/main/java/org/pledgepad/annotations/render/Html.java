package org.pledgepad.annotations.render;

/**
 * HTML escaping for text placed in element content or in double-quoted attribute values. Every
 * character that can open a tag, an entity or leave an attribute is replaced, so escaped user
 * text can never become markup.
 */
public final class Html {
  private Html() {}

  public static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
