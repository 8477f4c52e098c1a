package org.pledgepad.server.doc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pledgepad.crdt.AbstractStruct;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.Item;
import org.pledgepad.crdt.YXmlElement;
import org.pledgepad.crdt.YXmlText;

class StructUnlinkerTest {
  @Test
  void noStructOfAnUnlinkedDocumentReachesAnotherOrItsContent() {
    Doc doc = new Doc();
    for (int i = 0; i < 200; i++) { // separate items, like typing at random positions
      doc.getText("text").insert((i * 7) % (doc.getText("text").length() + 1), "ab");
    }
    doc.getMap("meta").set("title", "Antrag");
    YXmlElement paragraph = new YXmlElement("paragraph");
    doc.getXmlFragment("prosemirror").insert(0, List.of(paragraph));
    YXmlText inner = new YXmlText();
    paragraph.insert(0, List.of(inner));
    inner.insert(0, "Absatz");
    List<Item> items = new ArrayList<>();
    for (List<AbstractStruct> structs : doc.store.clients.values()) {
      structs.stream().filter(s -> s instanceof Item).forEach(s -> items.add((Item) s));
    }
    assertThat(items).hasSizeGreaterThan(200);

    StructUnlinker.unlink(doc);

    assertThat(doc.store.clients.values()).allMatch(List::isEmpty);
    for (Item item : items) {
      assertThat(List.of(item.left == null, item.right == null, item.redone == null,
          item.parent == null, item.content == null)).containsOnly(true);
    }
    assertThat(doc.getText("text")._start).isNull();
    assertThat(doc.getMap("meta")._map).isEmpty();
    assertThat(paragraph._start).as("nested types too").isNull();
    assertThat(inner._start).isNull();
  }
}
