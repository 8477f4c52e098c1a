package org.pledgepad.crdt;

// Follows yjs/tests/y-xml.tests.js (yjs v13.6.31).

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pledgepad.crdt.YjsTestHelper.compare;
import static org.pledgepad.crdt.YjsTestHelper.compareValues;
import static org.pledgepad.crdt.YjsTestHelper.delta;
import static org.pledgepad.crdt.YjsTestHelper.fails;
import static org.pledgepad.crdt.YjsTestHelper.init;
import static org.pledgepad.crdt.YjsTestHelper.js;
import static org.pledgepad.crdt.YjsTestHelper.list;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pledgepad.crdt.YjsTestHelper.Result;
import org.pledgepad.crdt.YjsTestHelper.Tc;
import org.pledgepad.crdt.lib0.Undefined;

@ExtendWith(YjsTestHelper.SeedExtension.class)
class YXmlYjsTest {

  private static boolean isUndefined(Object v) {
    return v == null || v == Undefined.INSTANCE;
  }

  /** In Yjs a TypeScript typing check; here: absent attributes read as undefined. */
  @Test
  void testCustomTypings() {
    Doc ydoc = new Doc();
    YMap<Object> ymap = ydoc.getMap();
    YXmlElement yxml = ymap.set("yxml", new YXmlElement("test"));
    assertTrue(isUndefined(yxml.getAttribute("num")));
    assertTrue(isUndefined(yxml.getAttribute("str")));
    assertTrue(isUndefined(yxml.getAttribute("dtrn")));
    Map<String, Object> attrs = yxml.getAttributes();
    assertTrue(isUndefined(attrs.get("shouldBeAny")));
  }

  @Test
  void testSetProperty(Tc tc) {
    Result<Object> r = init(tc, 2);
    r.xml0.setAttribute("height", "10");
    assertEquals("10", r.xml0.getAttribute("height"), "Simple set+get works");
    r.testConnector.flushAllMessages();
    assertEquals("10", r.xml1.getAttribute("height"), "Simple set+get works (remote)");
    compare(r.users);
  }

  @Test
  void testHasProperty(Tc tc) {
    Result<Object> r = init(tc, 2);
    r.xml0.setAttribute("height", "10");
    assertTrue(r.xml0.hasAttribute("height"), "Simple set+has works");
    r.testConnector.flushAllMessages();
    assertTrue(r.xml1.hasAttribute("height"), "Simple set+has works (remote)");
    r.xml0.removeAttribute("height");
    assertTrue(!r.xml0.hasAttribute("height"), "Simple set+remove+has works");
    r.testConnector.flushAllMessages();
    assertTrue(!r.xml1.hasAttribute("height"), "Simple set+remove+has works (remote)");
    compare(r.users);
  }

  @Test
  void testEvents(Tc tc) {
    Result<Object> r = init(tc, 2);
    YXmlEvent[] event = {null};
    YXmlEvent[] remoteEvent = {null};
    r.xml0.observe((e, tr) -> event[0] = (YXmlEvent) e);
    r.xml1.observe((e, tr) -> remoteEvent[0] = (YXmlEvent) e);
    r.xml0.setAttribute("key", "value");
    assertTrue(event[0].attributesChanged.contains("key"), "YXmlEvent.attributesChanged on updated key");
    r.testConnector.flushAllMessages();
    assertTrue(remoteEvent[0].attributesChanged.contains("key"), "YXmlEvent.attributesChanged on updated key (remote)");
    r.xml0.removeAttribute("key");
    assertTrue(event[0].attributesChanged.contains("key"), "YXmlEvent.attributesChanged on removed attribute");
    r.testConnector.flushAllMessages();
    assertTrue(remoteEvent[0].attributesChanged.contains("key"), "YXmlEvent.attributesChanged on removed attribute (remote)");
    r.xml0.insert(0, list(new YXmlText("some text")));
    assertTrue(event[0].childListChanged, "YXmlEvent.childListChanged on inserted element");
    r.testConnector.flushAllMessages();
    assertTrue(remoteEvent[0].childListChanged, "YXmlEvent.childListChanged on inserted element (remote)");
    r.xml0.delete(0);
    assertTrue(event[0].childListChanged, "YXmlEvent.childListChanged on deleted element");
    r.testConnector.flushAllMessages();
    assertTrue(remoteEvent[0].childListChanged, "YXmlEvent.childListChanged on deleted element (remote)");
    compare(r.users);
  }

  @Test
  void testTreewalker(Tc tc) {
    Result<Object> r = init(tc, 3);
    YXmlElement paragraph1 = new YXmlElement("p");
    YXmlElement paragraph2 = new YXmlElement("p");
    YXmlText text1 = new YXmlText("init");
    YXmlText text2 = new YXmlText("text");
    paragraph1.insert(0, list(text1, text2));
    r.xml0.insert(0, list(paragraph1, paragraph2, new YXmlElement("img")));
    List<?> allParagraphs = r.xml0.querySelectorAll("p");
    assertEquals(2, allParagraphs.size(), "found exactly two paragraphs");
    assertSame(paragraph1, allParagraphs.get(0), "querySelectorAll found paragraph1");
    assertSame(paragraph2, allParagraphs.get(1), "querySelectorAll found paragraph2");
    assertSame(paragraph1, r.xml0.querySelector("p"), "querySelector found paragraph1");
    compare(r.users);
  }

  @Test
  void testYtextAttributes() {
    Doc ydoc = new Doc();
    YXmlText ytext = ydoc.get("", YXmlText.class);
    ytext.observe((event, tr) -> compareValues(event.changes().keys.get("test"), new YEvent.EventChange("add", Undefined.INSTANCE)));
    ytext.setAttribute("test", 42);
    compareValues(ytext.getAttribute("test"), 42);
    compareValues(ytext.getAttributes(), js("{ test: 42 }"));
  }

  @Test
  void testSiblings() {
    Doc ydoc = new Doc();
    YXmlFragment yxml = ydoc.getXmlFragment();
    YXmlText first = new YXmlText();
    YXmlElement second = new YXmlElement("p");
    yxml.insert(0, list(first, second));
    assertSame(second, first.nextSibling());
    assertSame(first, second.prevSibling());
    assertSame(yxml, first.parent());
    assertNull(yxml.parent());
    assertSame(first, yxml.firstChild());
  }

  @Test
  void testInsertafter() {
    Doc ydoc = new Doc();
    YXmlFragment yxml = ydoc.getXmlFragment();
    YXmlText first = new YXmlText();
    YXmlElement second = new YXmlElement("p");
    YXmlElement third = new YXmlElement("p");
    YXmlElement deepsecond1 = new YXmlElement("span");
    YXmlText deepsecond2 = new YXmlText();
    second.insertAfter(null, list(deepsecond1));
    second.insertAfter(deepsecond1, list(deepsecond2));
    yxml.insertAfter(null, list(first, second));
    yxml.insertAfter(second, list(third));
    assertEquals(3, yxml.length());
    assertSame(deepsecond1, second.get(0));
    assertSame(deepsecond2, second.get(1));
    compareValues(yxml.toArray(), list(first, second, third));
    fails(() -> {
      YXmlElement el = new YXmlElement("p");
      el.insertAfter(deepsecond1, list(new YXmlText()));
    });
  }

  @Test
  void testClone() {
    Doc ydoc = new Doc();
    YXmlFragment yxml = ydoc.getXmlFragment();
    YXmlText first = new YXmlText("text");
    YXmlElement second = new YXmlElement("p");
    YXmlElement third = new YXmlElement("p");
    yxml.push(list(first, second, third));
    compareValues(yxml.toArray(), list(first, second, third));
    YXmlFragment cloneYxml = yxml.clone();
    ydoc.getArray("copyarr").insert(0, list(cloneYxml));
    assertEquals(3, cloneYxml.length());
    compareValues(cloneYxml.toJSON(), yxml.toJSON());
  }

  @Test
  void testFormattingBug() {
    Doc ydoc = new Doc();
    YXmlText yxml = ydoc.get("", YXmlText.class);
    List<Map<String, Object>> d = delta("[{ insert: 'A', attributes: { em: {}, strong: {} } }, { insert: 'B', attributes: { em: {} } }, { insert: 'C', attributes: { em: {}, strong: {} } }]");
    yxml.applyDelta(d);
    compareValues(yxml.toDelta(), d);
  }

  @Test
  void testElement() {
    Doc ydoc = new Doc();
    YXmlElement yxmlel = ydoc.getXmlElement("");
    YXmlText text1 = new YXmlText("text1");
    YXmlText text2 = new YXmlText("text2");
    yxmlel.insert(0, list(text1, text2));
    compareValues(yxmlel.toArray(), list(text1, text2));
  }
}
