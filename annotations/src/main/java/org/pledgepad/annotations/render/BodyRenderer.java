package org.pledgepad.annotations.render;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a comment body — plain text or a small Markdown subset — to HTML that is safe to put
 * into another user's page. Supported: {@code **bold**}, {@code *italic*} / {@code _italic_},
 * {@code [text](https://…)} links (http and https only), line breaks, paragraphs (blank line),
 * bullet lists ({@code - } or {@code * }) and numbered lists ({@code 1. }).
 *
 * <p>Safety by construction: every line is HTML-escaped <em>first</em>; the subset is then
 * recognised in the escaped text, which contains no {@code <}, {@code >} or quotes, so the only
 * tags in the output are the ones this class writes, and a link target cannot leave its
 * attribute. Link targets must start with http:// or https:// in the escaped text, so
 * {@code javascript:} and entity-encoded schemes never match. Emphasis is only applied outside
 * links and its content contains no tag, so tags always nest properly.
 */
public final class BodyRenderer {
  private static final Pattern BULLET = Pattern.compile("^[-*] +(.*)$");
  private static final Pattern NUMBERED = Pattern.compile("^\\d{1,3}[.)] +(.*)$");
  private static final Pattern LINK =
      Pattern.compile("\\[([^\\[\\]\\n]{1,500})\\]\\(((?i:https?)://[^\\s()]{1,2000})\\)");
  private static final Pattern BOLD = Pattern.compile("\\*\\*([^*<\\s](?:[^*<]*?[^*<\\s])?)\\*\\*");
  private static final Pattern ITALIC_STAR =
      Pattern.compile("(?<![*\\w])\\*([^*<\\s](?:[^*<]*?[^*<\\s])?)\\*(?![*\\w])");
  private static final Pattern ITALIC_UNDERSCORE =
      Pattern.compile("(?<![_\\w])_([^_<\\s](?:[^_<]*?[^_<\\s])?)_(?![_\\w])");

  private BodyRenderer() {}

  public static String render(String body) {
    List<String> lines = List.of(TextCleaner.body(body).split("\n", -1));
    StringBuilder out = new StringBuilder(body.length() * 2 + 16);
    List<String> paragraph = new ArrayList<>();
    String listTag = null;
    for (String line : lines) {
      Matcher bullet = BULLET.matcher(line);
      Matcher numbered = NUMBERED.matcher(line);
      String tag = bullet.matches() ? "ul" : numbered.matches() ? "ol" : null;
      if (tag != null) {
        flushParagraph(out, paragraph);
        if (!tag.equals(listTag)) {
          closeList(out, listTag);
          out.append('<').append(tag).append('>');
          listTag = tag;
        }
        String item = tag.equals("ul") ? bullet.group(1) : numbered.group(1);
        out.append("<li>").append(inline(item)).append("</li>");
      } else {
        closeList(out, listTag);
        listTag = null;
        if (line.isBlank()) {
          flushParagraph(out, paragraph);
        } else {
          paragraph.add(line);
        }
      }
    }
    closeList(out, listTag);
    flushParagraph(out, paragraph);
    return out.toString();
  }

  private static void flushParagraph(StringBuilder out, List<String> paragraph) {
    if (paragraph.isEmpty()) {
      return;
    }
    out.append("<p>");
    for (int i = 0; i < paragraph.size(); i++) {
      if (i > 0) {
        out.append("<br>");
      }
      out.append(inline(paragraph.get(i)));
    }
    out.append("</p>");
    paragraph.clear();
  }

  private static void closeList(StringBuilder out, String listTag) {
    if (listTag != null) {
      out.append("</").append(listTag).append('>');
    }
  }

  /** One line: escape, then links, then emphasis in the text between links. */
  static String inline(String raw) {
    String escaped = Html.escape(raw);
    StringBuilder sb = new StringBuilder(escaped.length() + 32);
    Matcher m = LINK.matcher(escaped);
    int last = 0;
    while (m.find()) {
      sb.append(emphasis(escaped.substring(last, m.start())));
      sb.append("<a href=\"").append(m.group(2)).append("\" rel=\"nofollow ugc noopener noreferrer\">")
          .append(m.group(1)).append("</a>");
      last = m.end();
    }
    sb.append(emphasis(escaped.substring(last)));
    return sb.toString();
  }

  private static String emphasis(String escaped) {
    String s = BOLD.matcher(escaped).replaceAll("<strong>$1</strong>");
    s = ITALIC_STAR.matcher(s).replaceAll("<em>$1</em>");
    return ITALIC_UNDERSCORE.matcher(s).replaceAll("<em>$1</em>");
  }
}
