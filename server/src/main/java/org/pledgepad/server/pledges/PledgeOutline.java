package org.pledgepad.server.pledges;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.YXmlElement;
import org.pledgepad.crdt.YXmlFragment;
import org.pledgepad.crdt.YXmlText;
import org.pledgepad.pledges.model.Pledge;

/**
 * Reads the pledges back out of a document's "default" XML fragment, after any number of edits:
 * a pledge starts at a heading that carries the attribute {@code pledgeId} and runs until the next
 * heading; its first paragraph is the body, further paragraphs the full text. Paragraphs before
 * the first pledge heading are the preamble. The id is read, never recomputed, so retitling keeps
 * links and statuses. A heading whose id repeats an earlier one (a copy-paste in the editor) is
 * treated as a plain heading, so an id always names one pledge.
 */
public final class PledgeOutline {
  public static final String FRAGMENT = "default";
  public static final String PLEDGE_ID_ATTRIBUTE = "pledgeId";

  /** What the index stores for one document. */
  public record Outline(List<String> preamble, List<Pledge> pledges) {}

  private PledgeOutline() {}

  public static Outline read(Doc doc, String chapter) {
    YXmlFragment fragment = doc.getXmlFragment(FRAGMENT);
    List<String> preamble = new ArrayList<>();
    List<Pledge> pledges = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    String id = null;
    String title = null;
    List<String> paragraphs = new ArrayList<>();
    boolean beforeFirst = true;
    for (Object node : fragment.toArray()) {
      if (!(node instanceof YXmlElement el)) {
        continue;
      }
      if ("heading".equals(el.nodeName)) {
        if (id != null) {
          pledges.add(pledge(id, title, chapter, paragraphs));
        }
        id = null;
        paragraphs = new ArrayList<>();
        Object attr = el.getAttribute(PLEDGE_ID_ATTRIBUTE);
        if (attr instanceof String s && !s.isBlank() && seen.add(s)) {
          id = s;
          title = text(el);
          beforeFirst = false;
        }
      } else {
        String t = text(el);
        if (t.isBlank()) {
          continue;
        }
        if (id != null) {
          paragraphs.add(t);
        } else if (beforeFirst) {
          preamble.add(t);
        }
      }
    }
    if (id != null) {
      pledges.add(pledge(id, title, chapter, paragraphs));
    }
    return new Outline(preamble, pledges);
  }

  private static Pledge pledge(String id, String title, String chapter, List<String> paragraphs) {
    String body = paragraphs.isEmpty() ? "" : paragraphs.get(0);
    List<String> full = paragraphs.size() > 1 ? paragraphs.subList(1, paragraphs.size()) : List.of();
    return new Pledge(id, title, body, chapter, full);
  }

  /** Plain text of an element: its text children's inserts, formatting dropped, nested blocks flattened. */
  static String text(YXmlElement el) {
    StringBuilder sb = new StringBuilder();
    appendText(el, sb);
    return sb.toString().strip();
  }

  private static void appendText(YXmlElement el, StringBuilder sb) {
    for (Object child : el.toArray()) {
      if (child instanceof YXmlText t) {
        for (Map<String, Object> op : t.toDelta()) {
          if (op.get("insert") instanceof String s) {
            sb.append(s);
          }
        }
      } else if (child instanceof YXmlElement inner) {
        if ("hardBreak".equals(inner.nodeName) || "hard_break".equals(inner.nodeName)) {
          sb.append(' ');
        } else {
          appendText(inner, sb);
        }
      }
    }
  }
}
