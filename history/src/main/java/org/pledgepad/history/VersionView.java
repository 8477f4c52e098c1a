package org.pledgepad.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pledgepad.crdt.ContentType;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.Item;
import org.pledgepad.crdt.YXmlElement;
import org.pledgepad.crdt.YXmlFragment;
import org.pledgepad.crdt.YXmlText;
import org.pledgepad.crdt.lib0.Json;

/**
 * One version's content in the three forms the history API serves: plain text (for diffs and
 * search), JSON (ProseMirror's document shape for XML, {"type":"text"} for plain text) and
 * escaped HTML. Reads the document without changing it.
 */
public final class VersionView {
  private final Doc doc;
  private final ContentKind kind;

  public VersionView(Doc doc, ContentKind kind) {
    this.doc = doc;
    this.kind = kind;
  }

  public ContentKind kind() {
    return kind;
  }

  public String text() {
    return kind == ContentKind.TEXT ? doc.getText(ContentKind.ROOT).toString() : TextProjection.of(doc, kind).text;
  }

  /** JSON-ready value (maps, lists, strings, numbers). */
  public Map<String, Object> json() {
    Map<String, Object> out = new LinkedHashMap<>();
    if (kind == ContentKind.TEXT) {
      out.put("type", "text");
      out.put("text", doc.getText(ContentKind.ROOT).toString());
    } else {
      out.put("type", "doc");
      out.put("content", children(doc.getXmlFragment(ContentKind.ROOT)));
    }
    return out;
  }

  public String jsonString() {
    return Json.stringify(json());
  }

  public String html() {
    StringBuilder sb = new StringBuilder();
    if (kind == ContentKind.TEXT) {
      for (String para : doc.getText(ContentKind.ROOT).toString().split("\n", -1)) {
        sb.append("<p>");
        Html.escapeInto(sb, para);
        sb.append("</p>");
      }
    } else {
      htmlChildren(sb, doc.getXmlFragment(ContentKind.ROOT));
    }
    return sb.toString();
  }

  private static List<Object> children(YXmlFragment parent) {
    List<Object> out = new ArrayList<>();
    for (Item n = parent._start; n != null; n = n.right) {
      if (n.deleted() || !(n.content instanceof ContentType ct)) {
        continue;
      }
      if (ct.type instanceof YXmlText t) {
        for (Map<String, Object> d : t.toDelta()) {
          if (!(d.get("insert") instanceof String s)) {
            continue;
          }
          Map<String, Object> node = new LinkedHashMap<>();
          node.put("type", "text");
          node.put("text", s);
          if (d.get("attributes") instanceof Map<?, ?> attrs && !attrs.isEmpty()) {
            List<Object> marks = new ArrayList<>();
            attrs.forEach((k, v) -> {
              Map<String, Object> mark = new LinkedHashMap<>();
              mark.put("type", k);
              if (v instanceof Map<?, ?> mv && !mv.isEmpty()) {
                mark.put("attrs", v);
              }
              marks.add(mark);
            });
            node.put("marks", marks);
          }
          out.add(node);
        }
      } else if (ct.type instanceof YXmlElement e) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("type", e.nodeName);
        Map<String, Object> attrs = e.getAttributes();
        if (!attrs.isEmpty()) {
          node.put("attrs", new LinkedHashMap<>(attrs));
        }
        List<Object> content = children(e);
        if (!content.isEmpty()) {
          node.put("content", content);
        }
        out.add(node);
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void htmlChildren(StringBuilder sb, YXmlFragment parent) {
    for (Item n = parent._start; n != null; n = n.right) {
      if (n.deleted() || !(n.content instanceof ContentType ct)) {
        continue;
      }
      if (ct.type instanceof YXmlText t) {
        for (Map<String, Object> d : t.toDelta()) {
          if (d.get("insert") instanceof String s) {
            Html.markedText(sb, s, (Map<String, Object>) d.get("attributes"));
          }
        }
      } else if (ct.type instanceof YXmlElement e) {
        String v = Html.voidTag(e.nodeName);
        if (v != null) {
          sb.append(v);
          continue;
        }
        Map<String, Object> attrs = e.getAttributes();
        sb.append(Html.openTag(e.nodeName, attrs));
        htmlChildren(sb, e);
        sb.append(Html.closeTag(e.nodeName, attrs));
      }
    }
  }
}
