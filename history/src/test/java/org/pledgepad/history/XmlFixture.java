package org.pledgepad.history;

import java.util.List;
import java.util.Map;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.YXmlElement;
import org.pledgepad.crdt.YXmlFragment;
import org.pledgepad.crdt.YXmlText;

/** ProseMirror-shaped content as Tiptap writes it into the Y.XmlFragment "default". */
final class XmlFixture {
  private XmlFixture() {}

  static YXmlElement heading(int level, String text) {
    YXmlElement h = new YXmlElement("heading");
    h.setAttribute("level", level);
    h.insert(0, List.of(new YXmlText(text)));
    return h;
  }

  static YXmlElement paragraph(String text) {
    YXmlElement p = new YXmlElement("paragraph");
    p.insert(0, List.of(new YXmlText(text)));
    return p;
  }

  static YXmlElement bulletList(String... items) {
    YXmlElement ul = new YXmlElement("bulletList");
    for (int i = 0; i < items.length; i++) {
      YXmlElement li = new YXmlElement("listItem");
      li.insert(0, List.of(paragraph(items[i])));
      ul.insert(i, List.of(li));
    }
    return ul;
  }

  /** A heading, a paragraph with a bold word and a hostile link, and a list. */
  static void fill(Doc doc) {
    YXmlFragment f = doc.getXmlFragment(ContentKind.ROOT);
    doc.transact(tr -> {
      f.insert(0, List.of(heading(2, "Digitalisierung <Kassel>"),
          paragraph("Open Data & freie Software"),
          bulletList("WLAN", "Bürgerportal")));
      YXmlText t = (YXmlText) ((YXmlElement) f.get(1)).get(0);
      t.format(0, 4, Map.of("bold", Map.of()));
      t.insert(t.length(), " Mehr", Map.of("link", Map.of("href", "javascript:alert(1)")));
    });
  }
}
