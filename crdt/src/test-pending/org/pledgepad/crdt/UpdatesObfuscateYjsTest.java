package org.pledgepad.crdt;

// Follows yjs/tests/updates.tests.js (yjs v13.6.31): testObfuscateUpdates.
// Pending: Updates.obfuscateUpdate / Y.obfuscateUpdate are not ported yet.

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pledgepad.crdt.YjsTestHelper.delta;
import static org.pledgepad.crdt.YjsTestHelper.list;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pledgepad.crdt.lib0.Undefined;

class UpdatesObfuscateYjsTest {

  @Test
  @SuppressWarnings("unchecked")
  void testObfuscateUpdates() {
    Doc ydoc = new Doc();
    YText ytext = ydoc.getText("text");
    YMap<Object> ymap = ydoc.getMap("map");
    YArray<Object> yarray = ydoc.getArray("array");
    ytext.applyDelta(delta("[{ insert: 'text', attributes: { bold: true } }, { insert: { href: 'supersecreturl' } }]"));
    ymap.set("key", "secret1");
    ymap.set("key", "secret2");
    YXmlElement subtype = new YXmlElement("secretnodename");
    Doc subdoc = new Doc(new DocOptions().guid("secret"));
    subtype.setAttribute("attr", "val");
    yarray.insert(0, list("teststring", 42, subtype, subdoc));
    byte[] obfuscatedUpdate = Y.obfuscateUpdate(Y.encodeStateAsUpdate(ydoc));
    Doc odoc = new Doc();
    Y.applyUpdate(odoc, obfuscatedUpdate);
    YText otext = odoc.getText("text");
    YMap<Object> omap = odoc.getMap("map");
    YArray<Object> oarray = odoc.getArray("array");
    List<Map<String, Object>> d = otext.toDelta();
    assertEquals(2, d.size());
    assertTrue(!"text".equals(d.get(0).get("insert")) && ((String) d.get(0).get("insert")).length() == 4);
    assertEquals(1, ((Map<String, Object>) d.get(0).get("attributes")).size());
    assertTrue(!((Map<String, Object>) d.get(0).get("attributes")).containsKey("bold"));
    assertEquals(1, d.get(1).size());
    assertTrue(d.get(1).containsKey("insert"));
    assertEquals(1, omap.size());
    assertTrue(!omap.has("key"));
    List<Object> result = oarray.toArray();
    assertEquals(4, result.size());
    assertNotEquals("teststring", result.get(0));
    assertTrue(!(result.get(1) instanceof Number) || ((Number) result.get(1)).doubleValue() != 42);
    YXmlElement osubtype = (YXmlElement) result.get(2);
    Doc osubdoc = (Doc) result.get(3);
    assertNotEquals(subtype.nodeName, osubtype.nodeName);
    assertEquals(1, osubtype.getAttributes().size());
    Object attr = osubtype.getAttribute("attr");
    assertTrue(attr == null || attr == Undefined.INSTANCE);
    assertNotEquals(subdoc.guid, osubdoc.guid);
  }
}
