package org.pledgepad.server.seed;

import java.util.ArrayList;
import java.util.List;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.Y;
import org.pledgepad.crdt.YXmlElement;
import org.pledgepad.crdt.YXmlFragment;
import org.pledgepad.crdt.YXmlText;

/**
 * Writes blocks as Tiptap/y-prosemirror expect them in the "default" XML fragment: elements
 * named after the node type ("heading" with a numeric "level" attribute, "paragraph"), each
 * holding one XmlText.
 */
public final class ProseMirrorSeedEncoder {
  public static final String FRAGMENT = "default";

  private ProseMirrorSeedEncoder() {}

  public static byte[] encode(List<Block> blocks) {
    Doc doc = new Doc();
    YXmlFragment fragment = doc.getXmlFragment(FRAGMENT);
    doc.transact(tr -> {
      List<Object> nodes = new ArrayList<>();
      for (Block b : blocks) {
        YXmlElement el;
        if (b.kind() == Block.Kind.HEADING) {
          el = new YXmlElement("heading");
          el.setAttribute("level", (long) b.level());
          if (b.pledgeId() != null) {
            el.setAttribute("pledgeId", b.pledgeId());
          }
        } else {
          el = new YXmlElement("paragraph");
        }
        el.insert(0, List.of(new YXmlText(b.text())));
        nodes.add(el);
      }
      fragment.insert(0, nodes);
    });
    return Y.encodeStateAsUpdate(doc);
  }
}
