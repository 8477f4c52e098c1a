package org.pledgepad.history;

import java.util.List;
import java.util.Map;

/**
 * HTML for ProseMirror-shaped content: the node and mark names Tiptap's StarterKit writes into
 * the Y.XmlFragment. Every text and attribute value is escaped; unknown nodes become a div with
 * data-type so nothing a client writes can turn into markup or script.
 */
public final class Html {
  private Html() {}

  public static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    escapeInto(sb, s);
    return sb.toString();
  }

  public static void escapeInto(StringBuilder sb, String s) {
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
  }

  static boolean isInlineBreak(String nodeName) {
    return "hardBreak".equals(nodeName);
  }

  /** Opening tag for a node, or null for a void node rendered by {@link #voidTag}. */
  static String openTag(String nodeName, Map<String, Object> attrs) {
    return switch (nodeName) {
      case "paragraph" -> "<p>";
      case "heading" -> "<h" + headingLevel(attrs) + ">";
      case "bulletList" -> "<ul>";
      case "orderedList" -> attrs.get("start") instanceof Number n && n.longValue() != 1
          ? "<ol start=\"" + n.longValue() + "\">" : "<ol>";
      case "listItem" -> "<li>";
      case "blockquote" -> "<blockquote>";
      case "codeBlock" -> "<pre><code>";
      default -> "<div data-type=\"" + escape(nodeName) + "\">";
    };
  }

  static String closeTag(String nodeName, Map<String, Object> attrs) {
    return switch (nodeName) {
      case "paragraph" -> "</p>";
      case "heading" -> "</h" + headingLevel(attrs) + ">";
      case "bulletList" -> "</ul>";
      case "orderedList" -> "</ol>";
      case "listItem" -> "</li>";
      case "blockquote" -> "</blockquote>";
      case "codeBlock" -> "</code></pre>";
      default -> "</div>";
    };
  }

  static String voidTag(String nodeName) {
    return switch (nodeName) {
      case "hardBreak" -> "<br>";
      case "horizontalRule" -> "<hr>";
      default -> null;
    };
  }

  static int headingLevel(Map<String, Object> attrs) {
    Object l = attrs.get("level");
    long level = l instanceof Number n ? n.longValue() : l instanceof String s && s.matches("[1-6]") ? Long.parseLong(s) : 1;
    return (int) Math.max(1, Math.min(6, level));
  }

  /** Text with its marks (the attributes of a Y.XmlText delta entry) as nested inline tags. */
  static void markedText(StringBuilder sb, String text, Map<String, Object> marks) {
    List<String> names = marks == null ? List.of() : marks.keySet().stream().sorted().toList();
    StringBuilder close = new StringBuilder();
    for (String m : names) {
      String[] tags = markTags(m, marks.get(m));
      sb.append(tags[0]);
      close.insert(0, tags[1]);
    }
    escapeInto(sb, text);
    sb.append(close);
  }

  private static String[] markTags(String mark, Object attrs) {
    return switch (mark) {
      case "bold" -> new String[] {"<strong>", "</strong>"};
      case "italic" -> new String[] {"<em>", "</em>"};
      case "strike" -> new String[] {"<s>", "</s>"};
      case "underline" -> new String[] {"<u>", "</u>"};
      case "code" -> new String[] {"<code>", "</code>"};
      case "subscript" -> new String[] {"<sub>", "</sub>"};
      case "superscript" -> new String[] {"<sup>", "</sup>"};
      case "link" -> {
        Object href = attrs instanceof Map<?, ?> m ? m.get("href") : null;
        yield href instanceof String h && safeHref(h)
            ? new String[] {"<a href=\"" + escape(h) + "\" rel=\"noopener nofollow\">", "</a>"}
            : new String[] {"<span data-mark=\"link\">", "</span>"};
      }
      default -> new String[] {"<span data-mark=\"" + escape(mark) + "\">", "</span>"};
    };
  }

  /** Only web and mail links: javascript: and data: URLs must not survive into the history view. */
  static boolean safeHref(String href) {
    String h = href.trim().toLowerCase(java.util.Locale.ROOT);
    return h.startsWith("https://") || h.startsWith("http://") || h.startsWith("mailto:");
  }
}
