package org.pledgepad.crdt;

// Follows yjs/tests/y-text.tests.js (yjs v13.6.31).

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pledgepad.crdt.YjsTestHelper.applyRandomTests;
import static org.pledgepad.crdt.YjsTestHelper.compare;
import static org.pledgepad.crdt.YjsTestHelper.compareValues;
import static org.pledgepad.crdt.YjsTestHelper.delta;
import static org.pledgepad.crdt.YjsTestHelper.init;
import static org.pledgepad.crdt.YjsTestHelper.js;
import static org.pledgepad.crdt.YjsTestHelper.list;
import static org.pledgepad.crdt.YjsTestHelper.obj;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pledgepad.crdt.YjsTestHelper.Mod;
import org.pledgepad.crdt.YjsTestHelper.Result;
import org.pledgepad.crdt.YjsTestHelper.Tc;

@ExtendWith(YjsTestHelper.SeedExtension.class)
@SuppressWarnings("unchecked")
class YTextYjsTest {

  /** yjs#474. */
  @Test
  void testDeltaBug() {
    Doc ydoc1 = new Doc();
    YText ytext = ydoc1.getText();
    ytext.applyDelta(delta(INITIALDELTA));
    ytext.applyDelta(delta(ADDINGDASH));
    ytext.applyDelta(delta(ADDINGSPACE));
    ytext.applyDelta(delta(ADDINGLIST));
    List<Map<String, Object>> result = ytext.toDelta();
    compareValues(result, delta(EXPECTEDRESULT));
  }

  /** yjs#503. */
  @Test
  void testDeltaBug2() {
    Doc ydoc = new Doc();
    YText ytext = ydoc.getText("id");
    ytext.applyDelta(delta(INITIALCONTENT));
    ytext.applyDelta(delta(CHANGEEVENT));
    List<Map<String, Object>> d = ytext.toDelta();
    compareValues(d.get(41), js("{ insert: '\\n', attributes: { 'block-id': 'block-9d6566a1-be55-4e20-999a-b990bc15e143' } }"));
  }

  /** Concurrent formatting: the delta need not be minimal but must be consistent. */
  @Test
  void testDeltaAfterConcurrentFormatting(Tc tc) {
    Result<Object> r = init(tc, 2);
    r.text0.insert(0, "abcde");
    r.testConnector.flushAllMessages();
    r.text0.format(0, 3, obj("{ bold: true }"));
    r.text1.format(2, 2, obj("{ bold: true }"));
    List<Object> deltas = new ArrayList<>();
    r.text1.observe((event, tr) -> {
      if (event.delta().size() > 0) {
        deltas.add(event.delta());
      }
    });
    r.testConnector.flushAllMessages();
    compareValues(deltas, js("[[{ retain: 3, attributes: { bold: true } }, { retain: 2, attributes: { bold: null } }]]"));
  }

  @Test
  void testBasicInsertAndDelete(Tc tc) {
    Result<Object> r = init(tc, 2);
    YText text0 = r.text0;
    Object[] delta = {null};
    text0.observe((event, tr) -> delta[0] = event.delta());
    text0.delete(0, 0);
    // Does not throw when deleting zero elements with position 0
    text0.insert(0, "abc");
    assertEquals("abc", text0.toString(), "Basic insert works");
    compareValues(delta[0], js("[{ insert: 'abc' }]"));
    text0.delete(0, 1);
    assertEquals("bc", text0.toString(), "Basic delete works (position 0)");
    compareValues(delta[0], js("[{ delete: 1 }]"));
    text0.delete(1, 1);
    assertEquals("b", text0.toString(), "Basic delete works (position 1)");
    compareValues(delta[0], js("[{ retain: 1 }, { delete: 1 }]"));
    r.users.get(0).transact(tr -> {
      text0.insert(0, "1");
      text0.delete(0, 1);
    });
    compareValues(delta[0], js("[]"));
    compare(r.users);
  }

  @Test
  void testBasicFormat(Tc tc) {
    Result<Object> r = init(tc, 2);
    YText text0 = r.text0;
    Object[] delta = {null};
    text0.observe((event, tr) -> delta[0] = event.delta());
    text0.insert(0, "abc", obj("{ bold: true }"));
    assertEquals("abc", text0.toString(), "Basic insert with attributes works");
    compareValues(text0.toDelta(), js("[{ insert: 'abc', attributes: { bold: true } }]"));
    compareValues(delta[0], js("[{ insert: 'abc', attributes: { bold: true } }]"));
    text0.delete(0, 1);
    assertEquals("bc", text0.toString(), "Basic delete on formatted works (position 0)");
    compareValues(text0.toDelta(), js("[{ insert: 'bc', attributes: { bold: true } }]"));
    compareValues(delta[0], js("[{ delete: 1 }]"));
    text0.delete(1, 1);
    assertEquals("b", text0.toString(), "Basic delete works (position 1)");
    compareValues(text0.toDelta(), js("[{ insert: 'b', attributes: { bold: true } }]"));
    compareValues(delta[0], js("[{ retain: 1 }, { delete: 1 }]"));
    text0.insert(0, "z", obj("{ bold: true }"));
    assertEquals("zb", text0.toString());
    compareValues(text0.toDelta(), js("[{ insert: 'zb', attributes: { bold: true } }]"));
    compareValues(delta[0], js("[{ insert: 'z', attributes: { bold: true } }]"));
    assertEquals("b", ((ContentString) text0._start.right.right.right.content).str, "Does not insert duplicate attribute marker");
    text0.insert(0, "y");
    assertEquals("yzb", text0.toString());
    compareValues(text0.toDelta(), js("[{ insert: 'y' }, { insert: 'zb', attributes: { bold: true } }]"));
    compareValues(delta[0], js("[{ insert: 'y' }]"));
    text0.format(0, 2, obj("{ bold: null }"));
    assertEquals("yzb", text0.toString());
    compareValues(text0.toDelta(), js("[{ insert: 'yz' }, { insert: 'b', attributes: { bold: true } }]"));
    compareValues(delta[0], js("[{ retain: 1 }, { retain: 1, attributes: { bold: null } }]"));
    compare(r.users);
  }

  @Test
  void testFalsyFormats(Tc tc) {
    Result<Object> r = init(tc, 2);
    YText text0 = r.text0;
    Object[] delta = {null};
    text0.observe((event, tr) -> delta[0] = event.delta());
    text0.insert(0, "abcde", obj("{ falsy: false }"));
    compareValues(text0.toDelta(), js("[{ insert: 'abcde', attributes: { falsy: false } }]"));
    compareValues(delta[0], js("[{ insert: 'abcde', attributes: { falsy: false } }]"));
    text0.format(1, 3, obj("{ falsy: true }"));
    compareValues(text0.toDelta(), js("[{ insert: 'a', attributes: { falsy: false } }, { insert: 'bcd', attributes: { falsy: true } }, { insert: 'e', attributes: { falsy: false } }]"));
    compareValues(delta[0], js("[{ retain: 1 }, { retain: 3, attributes: { falsy: true } }]"));
    text0.format(2, 1, obj("{ falsy: false }"));
    compareValues(text0.toDelta(), js("[{ insert: 'a', attributes: { falsy: false } }, { insert: 'b', attributes: { falsy: true } }, { insert: 'c', attributes: { falsy: false } }, { insert: 'd', attributes: { falsy: true } }, { insert: 'e', attributes: { falsy: false } }]"));
    compareValues(delta[0], js("[{ retain: 2 }, { retain: 1, attributes: { falsy: false } }]"));
    compare(r.users);
  }

  @Test
  void testMultilineFormat() {
    Doc ydoc = new Doc();
    YText testText = ydoc.getText("test");
    testText.insert(0, "Test\nMulti-line\nFormatting");
    testText.applyDelta(delta("[{ retain: 4, attributes: { bold: true } }, { retain: 1 }, { retain: 10, attributes: { bold: true } }, { retain: 1 }, { retain: 10, attributes: { bold: true } }]"));
    compareValues(testText.toDelta(), js("[{ insert: 'Test', attributes: { bold: true } }, { insert: '\\n' }, { insert: 'Multi-line', attributes: { bold: true } }, { insert: '\\n' }, { insert: 'Formatting', attributes: { bold: true } }]"));
  }

  @Test
  void testNotMergeEmptyLinesFormat() {
    Doc ydoc = new Doc();
    YText testText = ydoc.getText("test");
    testText.applyDelta(delta("[{ insert: 'Text' }, { insert: '\\n', attributes: { title: true } }, { insert: '\\nText' }, { insert: '\\n', attributes: { title: true } }]"));
    compareValues(testText.toDelta(), js("[{ insert: 'Text' }, { insert: '\\n', attributes: { title: true } }, { insert: '\\nText' }, { insert: '\\n', attributes: { title: true } }]"));
  }

  @Test
  void testPreserveAttributesThroughDelete() {
    Doc ydoc = new Doc();
    YText testText = ydoc.getText("test");
    testText.applyDelta(delta("[{ insert: 'Text' }, { insert: '\\n', attributes: { title: true } }, { insert: '\\n' }]"));
    testText.applyDelta(delta("[{ retain: 4 }, { delete: 1 }, { retain: 1, attributes: { title: true } }]"));
    compareValues(testText.toDelta(), js("[{ insert: 'Text' }, { insert: '\\n', attributes: { title: true } }]"));
  }

  @Test
  void testGetDeltaWithEmbeds(Tc tc) {
    Result<Object> r = init(tc, 1);
    r.text0.applyDelta(delta("[{ insert: { linebreak: 's' } }]"));
    compareValues(r.text0.toDelta(), js("[{ insert: { linebreak: 's' } }]"));
  }

  @Test
  void testTypesAsEmbed(Tc tc) {
    Result<Object> r = init(tc, 2);
    Map<String, Object> entries = new LinkedHashMap<>();
    entries.put("key", "val");
    List<Map<String, Object>> d0 = new ArrayList<>();
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("insert", new YMap<Object>(entries));
    d0.add(op);
    r.text0.applyDelta(d0);
    compareValues(((AbstractType<?>) r.text0.toDelta().get(0).get("insert")).toJSON(), js("{ key: 'val' }"));
    boolean[] firedEvent = {false};
    r.text1.observe((event, tr) -> {
      List<Map<String, Object>> d = event.delta();
      assertEquals(1, d.size());
      List<Object> jsons = new ArrayList<>();
      for (Map<String, Object> x : d) {
        jsons.add(((AbstractType<?>) x.get("insert")).toJSON());
      }
      compareValues(jsons, js("[{ key: 'val' }]"));
      firedEvent[0] = true;
    });
    r.testConnector.flushAllMessages();
    List<Map<String, Object>> d = r.text1.toDelta();
    assertEquals(1, d.size());
    compareValues(((AbstractType<?>) d.get(0).get("insert")).toJSON(), js("{ key: 'val' }"));
    assertTrue(firedEvent[0], "fired the event observer containing a Type-Embed");
  }

  @Test
  void testSnapshot(Tc tc) {
    Result<Object> r = init(tc, 1);
    YText text0 = r.text0;
    Doc doc0 = text0.doc;
    doc0.gc = false;
    text0.applyDelta(delta("[{ insert: 'abcd' }]"));
    Snapshot snapshot1 = Y.snapshot(doc0);
    text0.applyDelta(delta("[{ retain: 1 }, { insert: 'x' }, { delete: 1 }]"));
    Snapshot snapshot2 = Y.snapshot(doc0);
    text0.applyDelta(delta("[{ retain: 2 }, { delete: 3 }, { insert: 'x' }, { delete: 1 }]"));
    List<Map<String, Object>> state1 = text0.toDelta(snapshot1);
    compareValues(state1, js("[{ insert: 'abcd' }]"));
    List<Map<String, Object>> state2 = text0.toDelta(snapshot2);
    compareValues(state2, js("[{ insert: 'axcd' }]"));
    List<Map<String, Object>> state2Diff = text0.toDelta(snapshot2, snapshot1);
    // remove user id info
    for (Map<String, Object> v : state2Diff) {
      Map<String, Object> attrs = (Map<String, Object>) v.get("attributes");
      if (attrs != null && attrs.get("ychange") != null) {
        ((Map<String, Object>) attrs.get("ychange")).remove("user");
      }
    }
    compareValues(state2Diff, js("[{ insert: 'a' }, { insert: 'x', attributes: { ychange: { type: 'added' } } }, { insert: 'b', attributes: { ychange: { type: 'removed' } } }, { insert: 'cd' }]"));
  }

  @Test
  void testSnapshotDeleteAfter(Tc tc) {
    Result<Object> r = init(tc, 1);
    YText text0 = r.text0;
    Doc doc0 = text0.doc;
    doc0.gc = false;
    text0.applyDelta(delta("[{ insert: 'abcd' }]"));
    Snapshot snapshot1 = Y.snapshot(doc0);
    text0.applyDelta(delta("[{ retain: 4 }, { insert: 'e' }]"));
    List<Map<String, Object>> state1 = text0.toDelta(snapshot1);
    compareValues(state1, js("[{ insert: 'abcd' }]"));
  }

  @Test
  void testToJson(Tc tc) {
    Result<Object> r = init(tc, 1);
    r.text0.insert(0, "abc", obj("{ bold: true }"));
    assertEquals("abc", r.text0.toJSON(), "toJSON returns the unformatted text");
  }

  @Test
  void testToDeltaEmbedAttributes(Tc tc) {
    Result<Object> r = init(tc, 1);
    r.text0.insert(0, "ab", obj("{ bold: true }"));
    r.text0.insertEmbed(1, obj("{ image: 'imageSrc.png' }"), obj("{ width: 100 }"));
    compareValues(r.text0.toDelta(), js("[{ insert: 'a', attributes: { bold: true } }, { insert: { image: 'imageSrc.png' }, attributes: { width: 100 } }, { insert: 'b', attributes: { bold: true } }]"));
  }

  @Test
  void testToDeltaEmbedNoAttributes(Tc tc) {
    Result<Object> r = init(tc, 1);
    r.text0.insert(0, "ab", obj("{ bold: true }"));
    r.text0.insertEmbed(1, obj("{ image: 'imageSrc.png' }"));
    compareValues(r.text0.toDelta(), js("[{ insert: 'a', attributes: { bold: true } }, { insert: { image: 'imageSrc.png' } }, { insert: 'b', attributes: { bold: true } }]"),
        "toDelta does not set attributes key when no attributes are present");
  }

  @Test
  void testFormattingRemoved(Tc tc) {
    Result<Object> r = init(tc, 1);
    r.text0.insert(0, "ab", obj("{ bold: true }"));
    r.text0.delete(0, 2);
    assertEquals(1, AbstractType.getTypeChildren(r.text0).size());
  }

  @Test
  void testFormattingRemovedInMidText(Tc tc) {
    Result<Object> r = init(tc, 1);
    r.text0.insert(0, "1234");
    r.text0.insert(2, "ab", obj("{ bold: true }"));
    r.text0.delete(2, 2);
    assertEquals(3, AbstractType.getTypeChildren(r.text0).size());
  }

  /** yjs#344. */
  @Test
  void testFormattingDeltaUnnecessaryAttributeChange(Tc tc) {
    Result<Object> r = init(tc, 2);
    r.text0.insert(0, "\n", obj("{ PARAGRAPH_STYLES: 'normal', LIST_STYLES: 'bullet' }"));
    r.text0.insert(1, "abc", obj("{ PARAGRAPH_STYLES: 'normal' }"));
    r.testConnector.flushAllMessages();
    List<List<Map<String, Object>>> deltas = new ArrayList<>();
    r.text0.observe((event, tr) -> deltas.add(event.delta()));
    r.text1.observe((event, tr) -> deltas.add(event.delta()));
    r.text1.format(0, 1, obj("{ LIST_STYLES: 'number' }"));
    r.testConnector.flushAllMessages();
    List<List<Map<String, Object>>> filteredDeltas = new ArrayList<>();
    for (List<Map<String, Object>> d : deltas) {
      if (d.size() > 0) {
        filteredDeltas.add(d);
      }
    }
    assertEquals(2, filteredDeltas.size());
    compareValues(filteredDeltas.get(0), js("[{ retain: 1, attributes: { LIST_STYLES: 'number' } }]"));
    compareValues(filteredDeltas.get(0), filteredDeltas.get(1));
  }

  /** Yjs uses N = 100000; slow-tagged here with the same N. */
  @Test
  @Tag("slow")
  void testInsertAndDeleteAtRandomPositions(Tc tc) {
    int n = 100000;
    Result<Object> r = init(tc, 1);
    YText text0 = r.text0;
    Prng gen = tc.prng;
    text0.insert(0, gen.word(n / 2, n / 2));
    for (int i = 0; i < n; i++) {
      int pos = gen.uint32(0, text0.length());
      if (gen.bool()) {
        int len = gen.uint32(1, 5);
        String word = gen.word(0, len);
        text0.insert(pos, word);
      } else {
        int len = gen.uint32(0, Math.min(3, text0.length() - pos));
        text0.delete(pos, len);
      }
    }
    assertTrue(text0.length() >= 0);
  }

  @Test
  void testAppendChars(Tc tc) {
    int n = 10000;
    Result<Object> r = init(tc, 1);
    for (int i = 0; i < n; i++) {
      r.text0.insert(r.text0.length(), "a");
    }
    assertEquals(n, r.text0.length());
  }

  private static final int largeDocumentSize = 100000;

  /** Creating many items directly must be cheap (Yjs only measures time; no assertion). */
  @Test
  void testBestCase() {
    int n = largeDocumentSize;
    ID id = ID.createID(0, 0);
    ContentString c = new ContentString("a");
    Item[] items = new Item[n];
    Object parent = new Object();
    Item prevItem = null;
    for (int i = 0; i < n; i++) {
      Item it = new Item(ID.createID(0, 0), null, null, null, null, null, null, c);
      items[i] = it;
      it.right = prevItem;
      if (prevItem != null) {
        it.rightOriginClient = id.client;
        it.rightOriginClock = id.clock;
      }
      it.content = c;
      it.parent = parent;
      prevItem = it;
    }
    Item[] newArray = new Item[n];
    System.arraycopy(items, 0, newArray, 0, n);
    assertEquals(n, newArray.length);
  }

  @Test
  void testLargeFragmentedDocument() {
    int itemsToInsert = largeDocumentSize;
    byte[] update;
    {
      Doc doc1 = new Doc();
      YText text0 = doc1.getText("txt");
      doc1.transact(tr -> {
        for (int i = 0; i < itemsToInsert; i++) {
          text0.insert(0, "0");
        }
      });
      update = Y.encodeStateAsUpdateV2(doc1);
    }
    {
      Doc doc2 = new Doc();
      Y.applyUpdateV2(doc2, update);
      assertEquals(itemsToInsert, doc2.getText("txt").length());
    }
  }

  @Test
  void testIncrementalUpdatesPerformanceOnLargeFragmentedDocument() {
    int itemsToInsert = largeDocumentSize;
    List<byte[]> updates = new ArrayList<>();
    {
      Doc doc1 = new Doc();
      doc1.onUpdate((update, origin, d, tr) -> updates.add(update));
      YText text0 = doc1.getText("txt");
      doc1.transact(tr -> {
        for (int i = 0; i < itemsToInsert; i++) {
          text0.insert(0, "0");
        }
      });
    }
    Y.mergeUpdates(updates);
    Doc ydoc = new Doc();
    for (byte[] update : updates) {
      Y.applyUpdate(ydoc, update);
    }
  }

  /** Splitting surrogates can lead to invalid encoded documents (yjs#248). */
  @Test
  void testSplitSurrogateCharacter(Tc tc) {
    {
      Result<Object> r = init(tc, 2);
      r.users.get(1).disconnect(); // forces the user to encode the split surrogate
      r.text0.insert(0, "👾");
      r.text0.insert(1, "hi!"); // split surrogate, must not lead to an encoding error
      compare(r.users);
    }
    {
      Result<Object> r = init(tc, 2);
      r.users.get(1).disconnect();
      r.text0.insert(0, "👾👾");
      r.text0.delete(1, 2); // partially delete surrogate
      compare(r.users);
    }
    {
      Result<Object> r = init(tc, 2);
      r.users.get(1).disconnect();
      r.text0.insert(0, "👾👾");
      r.text0.format(1, 2, obj("{ bold: true }")); // formatting also splits surrogates
      compare(r.users);
    }
  }

  /** Search marker bug yjs#307. */
  @Test
  void testSearchMarkerBug1(Tc tc) {
    Result<Object> r = init(tc, 2);
    Doc u0 = r.users.get(0);
    Doc u1 = r.users.get(1);
    u0.onUpdate((update, origin, d, tr) -> u0.transact(t -> Y.applyUpdate(u0, update)));
    u0.onUpdate((update, origin, d, tr) -> u1.transact(t -> Y.applyUpdate(u1, update)));
    r.text0.insert(0, "a_a");
    r.testConnector.flushAllMessages();
    r.text0.insert(2, "s");
    r.testConnector.flushAllMessages();
    r.text1.insert(3, "d");
    r.testConnector.flushAllMessages();
    r.text0.delete(0, 5);
    r.testConnector.flushAllMessages();
    r.text0.insert(0, "a_a");
    r.testConnector.flushAllMessages();
    r.text0.insert(2, "s");
    r.testConnector.flushAllMessages();
    r.text1.insert(3, "d");
    r.testConnector.flushAllMessages();
    assertEquals(r.text0.toString(), r.text1.toString());
    assertEquals("a_sda", r.text0.toString());
    compare(r.users);
  }

  /** yjs PR #32. */
  @Test
  void testFormattingBug() {
    Doc ydoc1 = new Doc();
    Doc ydoc2 = new Doc();
    YText text1 = ydoc1.getText();
    text1.insert(0, "\n\n\n");
    text1.format(0, 3, obj("{ url: 'http://example.com' }"));
    ydoc1.getText().format(1, 1, obj("{ url: 'http://docs.yjs.dev' }"));
    ydoc2.getText().format(1, 1, obj("{ url: 'http://docs.yjs.dev' }"));
    Y.applyUpdate(ydoc2, Y.encodeStateAsUpdate(ydoc1));
    YText text2 = ydoc2.getText();
    Object expectedResult = js("[{ insert: '\\n', attributes: { url: 'http://example.com' } }, { insert: '\\n', attributes: { url: 'http://docs.yjs.dev' } }, { insert: '\\n', attributes: { url: 'http://example.com' } }]");
    compareValues(text1.toDelta(), expectedResult);
    compareValues(text1.toDelta(), text2.toDelta());
  }

  /** Deleting formatting must not leave redundant formatting items. */
  @Test
  void testDeleteFormatting() {
    Doc doc = new Doc();
    YText text = doc.getText();
    text.insert(0, "Attack ships on fire off the shoulder of Orion.");
    Doc doc2 = new Doc();
    YText text2 = doc2.getText();
    Y.applyUpdate(doc2, Y.encodeStateAsUpdate(doc));
    text.format(13, 7, obj("{ bold: true }"));
    Y.applyUpdate(doc2, Y.encodeStateAsUpdate(doc));
    text.format(16, 4, obj("{ bold: null }"));
    Y.applyUpdate(doc2, Y.encodeStateAsUpdate(doc));
    Object expected = js("[{ insert: 'Attack ships ' }, { insert: 'on ', attributes: { bold: true } }, { insert: 'fire off the shoulder of Orion.' }]");
    compareValues(text.toDelta(), expected);
    compareValues(text2.toDelta(), expected);
  }

  // RANDOM TESTS

  private static int charCounter = 0;

  /** Pure text operations without formatting. */
  static final List<Mod<Object>> textChanges = List.of(
      (y, gen, o) -> { // insert text
        YText ytext = y.getText("text");
        int insertPos = gen.int32(0, ytext.length());
        String text = (charCounter++) + gen.word();
        String prevText = ytext.toString();
        ytext.insert(insertPos, text);
        assertEquals(prevText.substring(0, insertPos) + text + prevText.substring(insertPos), ytext.toString());
      },
      (y, gen, o) -> { // delete text
        YText ytext = y.getText("text");
        int contentLen = ytext.toString().length();
        int insertPos = gen.int32(0, contentLen);
        int overwrite = Math.min(gen.int32(0, contentLen - insertPos), 2);
        String prevText = ytext.toString();
        ytext.delete(insertPos, overwrite);
        assertEquals(prevText.substring(0, insertPos) + prevText.substring(insertPos + overwrite), ytext.toString());
      });

  private void textChangesRun(Tc tc, int iterations) {
    Result<Object> result = checkResult(applyRandomTests(tc, textChanges, iterations));
    int cleanups = YText.cleanupYTextFormatting(result.users.get(0).getText("text"));
    assertEquals(0, cleanups);
  }

  @Test void testRepeatGenerateTextChanges5(Tc tc) { textChangesRun(tc, 5); }
  @Test void testRepeatGenerateTextChanges30(Tc tc) { textChangesRun(tc, 30); }
  @Test void testRepeatGenerateTextChanges40(Tc tc) { textChangesRun(tc, 40); }
  @Test void testRepeatGenerateTextChanges50(Tc tc) { textChangesRun(tc, 50); }
  @Test void testRepeatGenerateTextChanges70(Tc tc) { textChangesRun(tc, 70); }
  @Test void testRepeatGenerateTextChanges90(Tc tc) { textChangesRun(tc, 90); }
  @Test void testRepeatGenerateTextChanges300(Tc tc) { textChangesRun(tc, 300); }

  private static final List<Map<String, Object>> marks = List.of(
      obj("{ bold: true }"), obj("{ italic: true }"), obj("{ italic: true, color: '#888' }"));

  private static final List<Map<String, Object>> marksChoices;

  static {
    List<Map<String, Object>> l = new ArrayList<>();
    l.add(null); // undefined: no attributes
    l.addAll(marks);
    marksChoices = l;
  }

  private static Map<String, Object> op(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      if (kv[i + 1] != null) { // JS undefined properties are absent
        m.put((String) kv[i], kv[i + 1]);
      }
    }
    return m;
  }

  /** All features of y-text (formatting, embeds, ...). */
  static final List<Mod<Object>> qChanges = List.of(
      (y, gen, o) -> { // insert text
        YText ytext = y.getText("text");
        int insertPos = gen.int32(0, ytext.length());
        Map<String, Object> attrs = gen.oneOf(marksChoices);
        String text = (charCounter++) + gen.word();
        if (attrs == null) {
          ytext.insert(insertPos, text);
        } else {
          ytext.insert(insertPos, text, attrs);
        }
      },
      (y, gen, o) -> { // insert embed
        YText ytext = y.getText("text");
        int insertPos = gen.int32(0, ytext.length());
        if (gen.bool()) {
          ytext.insertEmbed(insertPos, obj("{ image: 'https://user-images.githubusercontent.com/5553757/48975307-61efb100-f06d-11e8-9177-ee895e5916e5.png' }"));
        } else {
          Map<String, Object> e = new LinkedHashMap<>();
          e.put(gen.word(), gen.word());
          ytext.insertEmbed(insertPos, new YMap<Object>(e));
        }
      },
      (y, gen, o) -> { // delete text
        YText ytext = y.getText("text");
        int contentLen = ytext.toString().length();
        int insertPos = gen.int32(0, contentLen);
        int overwrite = Math.min(gen.int32(0, contentLen - insertPos), 2);
        ytext.delete(insertPos, overwrite);
      },
      (y, gen, o) -> { // format text
        YText ytext = y.getText("text");
        int contentLen = ytext.toString().length();
        int insertPos = gen.int32(0, contentLen);
        int overwrite = Math.min(gen.int32(0, contentLen - insertPos), 2);
        Map<String, Object> format = gen.oneOf(marks);
        ytext.format(insertPos, overwrite, format);
      },
      (y, gen, o) -> { // insert codeblock
        YText ytext = y.getText("text");
        int insertPos = gen.int32(0, ytext.toString().length());
        String text = (charCounter++) + gen.word();
        List<Map<String, Object>> ops = new ArrayList<>();
        if (insertPos > 0) {
          ops.add(op("retain", insertPos));
        }
        ops.add(op("insert", text));
        ops.add(op("insert", "\n", "format", obj("{ 'code-block': true }")));
        ytext.applyDelta(ops);
      },
      (y, gen, o) -> { // complex delta op
        YText ytext = y.getText("text");
        int contentLen = ytext.toString().length();
        int[] currentPos = {Math.max(0, gen.int32(0, contentLen - 1))};
        List<Map<String, Object>> ops = new ArrayList<>();
        if (currentPos[0] > 0) {
          ops.add(op("retain", currentPos[0]));
        }
        for (int i = 0; i < 7 && currentPos[0] < contentLen; i++) {
          List<Runnable> choices = List.of(
              () -> { // format
                int retain = Math.min(gen.int32(0, contentLen - currentPos[0]), 5);
                Map<String, Object> format = gen.oneOf(marks);
                ops.add(op("retain", retain, "attributes", format));
                currentPos[0] += retain;
              },
              () -> { // insert
                Map<String, Object> attrs = gen.oneOf(marksChoices);
                String text = gen.word(1, 3);
                ops.add(op("insert", text, "attributes", attrs));
              },
              () -> { // delete
                int delLen = Math.min(gen.int32(0, contentLen - currentPos[0]), 10);
                ops.add(op("delete", delLen));
                currentPos[0] += delLen;
              });
          gen.oneOf(choices).run();
        }
        ytext.applyDelta(ops);
      });

  private static Result<Object> checkResult(Result<Object> result) {
    for (int i = 1; i < result.testObjects.size(); i++) {
      List<Object> p1 = new ArrayList<>();
      List<Object> p2 = new ArrayList<>();
      for (Map<String, Object> d : result.users.get(i).getText("text").toDelta()) {
        p1.add(d.get("insert") instanceof AbstractType ? ((AbstractType<?>) d.get("insert")).toJSON() : d);
      }
      for (Map<String, Object> d : result.users.get(i).getText("text").toDelta()) {
        p2.add(d.get("insert") instanceof AbstractType ? ((AbstractType<?>) d.get("insert")).toJSON() : d);
      }
      compareValues(p1, p2);
    }
    return result;
  }

  private void quillChangesRun(Tc tc, int iterations) {
    Result<Object> result = checkResult(applyRandomTests(tc, qChanges, iterations));
    int cleanups = YText.cleanupYTextFormatting(result.users.get(0).getText("text"));
    assertEquals(0, cleanups);
  }

  @Test void testRepeatGenerateQuillChanges1(Tc tc) { quillChangesRun(tc, 1); }
  @Test void testRepeatGenerateQuillChanges2(Tc tc) { quillChangesRun(tc, 2); }

  @Test
  @Tag("slow")
  void testRepeatGenerateQuillChanges2Repeat(Tc tc) {
    for (int i = 0; i < 1000; i++) {
      quillChangesRun(tc, 2);
    }
  }

  @Test void testRepeatGenerateQuillChanges3(Tc tc) { checkResult(applyRandomTests(tc, qChanges, 3)); }
  @Test void testRepeatGenerateQuillChanges30(Tc tc) { checkResult(applyRandomTests(tc, qChanges, 30)); }
  @Test void testRepeatGenerateQuillChanges40(Tc tc) { checkResult(applyRandomTests(tc, qChanges, 40)); }
  @Test void testRepeatGenerateQuillChanges70(Tc tc) { checkResult(applyRandomTests(tc, qChanges, 70)); }
  @Test void testRepeatGenerateQuillChanges100(Tc tc) { checkResult(applyRandomTests(tc, qChanges, 100)); }
  @Test @Tag("slow") void testRepeatGenerateQuillChanges300(Tc tc) { checkResult(applyRandomTests(tc, qChanges, 300)); }

  // ---------------------------------------------------------------- literals of yjs#474 and yjs#503

  private static final String INITIALDELTA = """
[{
    attributes: {
      'block-id': 'block-28eea923-9cbb-4b6f-a950-cf7fd82bc087'
    },
    insert: '\\n'
  },
  {
    attributes: {
      'table-col': {
        width: '150'
      }
    },
    insert: '\\n\\n\\n'
  },
  {
    attributes: {
      'block-id': 'block-9144be72-e528-4f91-b0b2-82d20408e9ea',
      'table-cell-line': {
        rowspan: '1',
        colspan: '1',
        row: 'row-6kv2ls',
        cell: 'cell-apba4k'
      },
      row: 'row-6kv2ls',
      cell: 'cell-apba4k',
      rowspan: '1',
      colspan: '1'
    },
    insert: '\\n'
  },
  {
    attributes: {
      'block-id': 'block-639adacb-1516-43ed-b272-937c55669a1c',
      'table-cell-line': {
        rowspan: '1',
        colspan: '1',
        row: 'row-6kv2ls',
        cell: 'cell-a8qf0r'
      },
      row: 'row-6kv2ls',
      cell: 'cell-a8qf0r',
      rowspan: '1',
      colspan: '1'
    },
    insert: '\\n'
  },
  {
    attributes: {
      'block-id': 'block-6302ca4a-73a3-4c25-8c1e-b542f048f1c6',
      'table-cell-line': {
        rowspan: '1',
        colspan: '1',
        row: 'row-6kv2ls',
        cell: 'cell-oi9ikb'
      },
      row: 'row-6kv2ls',
      cell: 'cell-oi9ikb',
      rowspan: '1',
      colspan: '1'
    },
    insert: '\\n'
  },
  {
    attributes: {
      'block-id': 'block-ceeddd05-330e-4f86-8017-4a3a060c4627',
      'table-cell-line': {
        rowspan: '1',
        colspan: '1',
        row: 'row-d1sv2g',
        cell: 'cell-dt6ks2'
      },
      row: 'row-d1sv2g',
      cell: 'cell-dt6ks2',
      rowspan: '1',
      colspan: '1'
    },
    insert: '\\n'
  },
  {
    attributes: {
      'block-id': 'block-37b19322-cb57-4e6f-8fad-0d1401cae53f',
      'table-cell-line': {
        rowspan: '1',
        colspan: '1',
        row: 'row-d1sv2g',
        cell: 'cell-qah2ay'
      },
      row: 'row-d1sv2g',
      cell: 'cell-qah2ay',
      rowspan: '1',
      colspan: '1'
    },
    insert: '\\n'
  },
  {
    attributes: {
      'block-id': 'block-468a69b5-9332-450b-9107-381d593de249',
      'table-cell-line': {
        rowspan: '1',
        colspan: '1',
        row: 'row-d1sv2g',
        cell: 'cell-fpcz5a'
      },
      row: 'row-d1sv2g',
      cell: 'cell-fpcz5a',
      rowspan: '1',
      colspan: '1'
    },
    insert: '\\n'
  },
  {
    attributes: {
      'block-id': 'block-26b1d252-9b2e-4808-9b29-04e76696aa3c',
      'table-cell-line': {
        rowspan: '1',
        colspan: '1',
        row: 'row-pflz90',
        cell: 'cell-zrhylp'
      },
      row: 'row-pflz90',
      cell: 'cell-zrhylp',
      rowspan: '1',
      colspan: '1'
    },
    insert: '\\n'
  },
  {
    attributes: {
      'block-id': 'block-6af97ba7-8cf9-497a-9365-7075b938837b',
      'table-cell-line': {
        rowspan: '1',
        colspan: '1',
        row: 'row-pflz90',
        cell: 'cell-s1q9nt'
      },
      row: 'row-pflz90',
      cell: 'cell-s1q9nt',
      rowspan: '1',
      colspan: '1'
    },
    insert: '\\n'
  },
  {
    attributes: {
      'block-id': 'block-107e273e-86bc-44fd-b0d7-41ab55aca484',
      'table-cell-line': {
        rowspan: '1',
        colspan: '1',
        row: 'row-pflz90',
        cell: 'cell-20b0j9'
      },
      row: 'row-pflz90',
      cell: 'cell-20b0j9',
      rowspan: '1',
      colspan: '1'
    },
    insert: '\\n'
  },
  {
    attributes: {
      'block-id': 'block-38161f9c-6f6d-44c5-b086-54cc6490f1e3'
    },
    insert: '\\n'
  },
  {
    insert: 'Content after table'
  },
  {
    attributes: {
      'block-id': 'block-15630542-ef45-412d-9415-88f0052238ce'
    },
    insert: '\\n'
  }
  ]
      """;

  private static final String ADDINGDASH = """
[
    {
      retain: 12
    },
    {
      insert: '-'
    }
  ]
      """;

  private static final String ADDINGSPACE = """
[
    {
      retain: 13
    },
    {
      insert: ' '
    }
  ]
      """;

  private static final String ADDINGLIST = """
[
    {
      retain: 12
    },
    {
      delete: 2
    },
    {
      retain: 1,
      attributes: {
        
        'table-cell-line': null,
        
        list: {
          rowspan: '1',
          colspan: '1',
          row: 'row-pflz90',
          cell: 'cell-20b0j9',
          list: 'bullet'
        }
      }
    }
  ]
      """;

  private static final String EXPECTEDRESULT = """
[
    {
      attributes: {
        'block-id': 'block-28eea923-9cbb-4b6f-a950-cf7fd82bc087'
      },
      insert: '\\n'
    },
    {
      attributes: {
        'table-col': {
          width: '150'
        }
      },
      insert: '\\n\\n\\n'
    },
    {
      attributes: {
        'block-id': 'block-9144be72-e528-4f91-b0b2-82d20408e9ea',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-6kv2ls',
          cell: 'cell-apba4k'
        },
        row: 'row-6kv2ls',
        cell: 'cell-apba4k',
        rowspan: '1',
        colspan: '1'
      },
      insert: '\\n'
    },
    {
      attributes: {
        'block-id': 'block-639adacb-1516-43ed-b272-937c55669a1c',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-6kv2ls',
          cell: 'cell-a8qf0r'
        },
        row: 'row-6kv2ls',
        cell: 'cell-a8qf0r',
        rowspan: '1',
        colspan: '1'
      },
      insert: '\\n'
    },
    {
      attributes: {
        'block-id': 'block-6302ca4a-73a3-4c25-8c1e-b542f048f1c6',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-6kv2ls',
          cell: 'cell-oi9ikb'
        },
        row: 'row-6kv2ls',
        cell: 'cell-oi9ikb',
        rowspan: '1',
        colspan: '1'
      },
      insert: '\\n'
    },
    {
      attributes: {
        'block-id': 'block-ceeddd05-330e-4f86-8017-4a3a060c4627',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-d1sv2g',
          cell: 'cell-dt6ks2'
        },
        row: 'row-d1sv2g',
        cell: 'cell-dt6ks2',
        rowspan: '1',
        colspan: '1'
      },
      insert: '\\n'
    },
    {
      attributes: {
        'block-id': 'block-37b19322-cb57-4e6f-8fad-0d1401cae53f',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-d1sv2g',
          cell: 'cell-qah2ay'
        },
        row: 'row-d1sv2g',
        cell: 'cell-qah2ay',
        rowspan: '1',
        colspan: '1'
      },
      insert: '\\n'
    },
    {
      attributes: {
        'block-id': 'block-468a69b5-9332-450b-9107-381d593de249',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-d1sv2g',
          cell: 'cell-fpcz5a'
        },
        row: 'row-d1sv2g',
        cell: 'cell-fpcz5a',
        rowspan: '1',
        colspan: '1'
      },
      insert: '\\n'
    },
    {
      attributes: {
        'block-id': 'block-26b1d252-9b2e-4808-9b29-04e76696aa3c',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-pflz90',
          cell: 'cell-zrhylp'
        },
        row: 'row-pflz90',
        cell: 'cell-zrhylp',
        rowspan: '1',
        colspan: '1'
      },
      insert: '\\n'
    },
    {
      attributes: {
        'block-id': 'block-6af97ba7-8cf9-497a-9365-7075b938837b',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-pflz90',
          cell: 'cell-s1q9nt'
        },
        row: 'row-pflz90',
        cell: 'cell-s1q9nt',
        rowspan: '1',
        colspan: '1'
      },
      insert: '\\n'
    },
    {
      insert: '\\n',
      
      attributes: {
        list: {
          rowspan: '1',
          colspan: '1',
          row: 'row-pflz90',
          cell: 'cell-20b0j9',
          list: 'bullet'
        },
        'block-id': 'block-107e273e-86bc-44fd-b0d7-41ab55aca484',
        row: 'row-pflz90',
        cell: 'cell-20b0j9',
        rowspan: '1',
        colspan: '1'
      }
    },
    
    {
      attributes: {
        'block-id': 'block-38161f9c-6f6d-44c5-b086-54cc6490f1e3'
      },
      insert: '\\n'
    },
    {
      insert: 'Content after table'
    },
    {
      attributes: {
        'block-id': 'block-15630542-ef45-412d-9415-88f0052238ce'
      },
      insert: '\\n'
    }
  ]
      """;

  private static final String INITIALCONTENT = """
[
    { insert: "Thomas' section" },
    {
      insert: '\\n',
      attributes: { 'block-id': 'block-61ae80ac-a469-4eae-bac9-3b6a2c380118' }
    },
    {
      insert: '\\n',
      attributes: { 'block-id': 'block-d265d93f-1cc7-40ee-bb58-8270fca2619f' }
    },
    { insert: '123' },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-592a7bee-76a3-4e28-9c25-7a84344f8813',
        list: { list: 'toggled', 'toggle-id': 'list-66xfft' }
      }
    },
    { insert: '456' },
    {
      insert: '\\n',
      attributes: {
        indent: 1,
        'block-id': 'block-3ee2bd70-b97f-45b2-9115-f1e8910235b1',
        list: { list: 'toggled', 'toggle-id': 'list-6vh0t0' }
      }
    },
    { insert: '789' },
    {
      insert: '\\n',
      attributes: {
        indent: 1,
        'block-id': 'block-78150cf3-9bb5-4dea-a6f5-0ce1d2a98b9c',
        list: { list: 'toggled', 'toggle-id': 'list-7jr0l2' }
      }
    },
    { insert: '901' },
    {
      insert: '\\n',
      attributes: {
        indent: 1,
        'block-id': 'block-13c6416f-f522-41d5-9fd4-ce4eb1cde5ba',
        list: { list: 'toggled', 'toggle-id': 'list-7uk8qu' }
      }
    },
    {
      insert: {
        slash_command: {
          id: 'doc_94zq-2436',
          sessionId: 'nkwc70p2j',
          replace: '/'
        }
      }
    },
    {
      insert: '\\n',
      attributes: { 'block-id': 'block-8a1d2bb6-23c2-4bcf-af3c-3919ffea1697' }
    },
    { insert: '\\n\\n', attributes: { 'table-col': { width: '150' } } },
    {
      insert: '\\n',
      attributes: { 'table-col': { width: '150' } }
    },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-84ec3ea4-da6a-4e03-b430-0e5f432936a9',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-blmd4s',
          cell: 'cell-m0u5za'
        },
        row: 'row-blmd4s',
        cell: 'cell-m0u5za',
        rowspan: '1',
        colspan: '1'
      }
    },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-83144ca8-aace-401e-8aa5-c05928a8ccf0',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-blmd4s',
          cell: 'cell-1v8s8t'
        },
        row: 'row-blmd4s',
        cell: 'cell-1v8s8t',
        rowspan: '1',
        colspan: '1'
      }
    },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-9a493387-d27f-4b58-b2f7-731dfafda32a',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-blmd4s',
          cell: 'cell-126947'
        },
        row: 'row-blmd4s',
        cell: 'cell-126947',
        rowspan: '1',
        colspan: '1'
      }
    },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-3484f86e-ae42-440f-8de6-857f0d8011ea',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-hmmljo',
          cell: 'cell-wvutl9'
        },
        row: 'row-hmmljo',
        cell: 'cell-wvutl9',
        rowspan: '1',
        colspan: '1'
      }
    },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-d4e0b741-9dea-47a5-85e1-4ded0efbc89d',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-hmmljo',
          cell: 'cell-nkablr'
        },
        row: 'row-hmmljo',
        cell: 'cell-nkablr',
        rowspan: '1',
        colspan: '1'
      }
    },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-352f0d5a-d1b9-422f-b136-4bacefd00b1a',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-hmmljo',
          cell: 'cell-n8xtd0'
        },
        row: 'row-hmmljo',
        cell: 'cell-n8xtd0',
        rowspan: '1',
        colspan: '1'
      }
    },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-95823e57-f29c-44cf-a69d-2b4494b7144b',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-ev4xwq',
          cell: 'cell-ua9bvu'
        },
        row: 'row-ev4xwq',
        cell: 'cell-ua9bvu',
        rowspan: '1',
        colspan: '1'
      }
    },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-cde5c027-15d3-4780-9e76-1e1a9d97a8e8',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-ev4xwq',
          cell: 'cell-7bwuvk'
        },
        row: 'row-ev4xwq',
        cell: 'cell-7bwuvk',
        rowspan: '1',
        colspan: '1'
      }
    },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-11a23ed4-b04d-4e45-8065-8120889cd4a4',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-ev4xwq',
          cell: 'cell-aouka5'
        },
        row: 'row-ev4xwq',
        cell: 'cell-aouka5',
        rowspan: '1',
        colspan: '1'
      }
    },
    {
      insert: '\\n',
      attributes: { 'block-id': 'block-15b4483c-da98-4ded-91d3-c3d6ebc82582' }
    },
    { insert: { divider: true } },
    {
      insert: '\\n',
      attributes: { 'block-id': 'block-68552c8e-b57b-4f4a-9f36-6cc1ef6b3461' }
    },
    { insert: 'jklasjdf' },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-c8b2df7d-8ec5-4dd4-81f1-8d8efc40b1b4',
        list: { list: 'toggled', 'toggle-id': 'list-9ss39s' }
      }
    },
    { insert: 'asdf' },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-4f252ceb-14da-49ae-8cbd-69a701d18e2a',
        list: { list: 'toggled', 'toggle-id': 'list-uvo013' }
      }
    },
    { insert: 'adg' },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-ccb9b72e-b94d-45a0-aae4-9b0a1961c533',
        list: { list: 'toggled', 'toggle-id': 'list-k53iwe' }
      }
    },
    { insert: 'asdfasdfasdf' },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-ccb9b72e-b94d-45a0-aae4-9b0a1961c533',
        list: { list: 'none' },
        indent: 1
      }
    },
    { insert: 'asdf' },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-f406f76d-f338-4261-abe7-5c9131f7f1ad',
        list: { list: 'toggled', 'toggle-id': 'list-en86ur' }
      }
    },
    {
      insert: '\\n',
      attributes: { 'block-id': 'block-be18141c-9b6b-434e-8fd0-2c214437d560' }
    },
    {
      insert: '\\n',
      attributes: { 'block-id': 'block-36922db3-4af5-48a1-9ea4-0788b3b5d7cf' }
    },
    { insert: { table_content: true } },
    { insert: ' ' },
    {
      insert: {
        slash_command: {
          id: 'doc_94zq-2436',
          sessionId: 'hiyrt6fny',
          replace: '/'
        }
      }
    },
    {
      insert: '\\n',
      attributes: { 'block-id': 'block-9d6566a1-be55-4e20-999a-b990bc15e143' }
    },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-4b545085-114d-4d07-844c-789710ec3aab',
        layout:
        '12d887e1-d1a2-4814-a1a3-0c904e950b46_1185cd29-ef1b-45d5-8fda-51a70b704e64',
        'layout-width': '0.25'
      }
    },
    {
      insert: '\\n',
      attributes: {

        'block-id': 'block-4d3f2321-33d1-470e-9b7c-d5a683570148',
        layout:
        '12d887e1-d1a2-4814-a1a3-0c904e950b46_75523ea3-c67f-4f5f-a85f-ac7c8fc0a992',
        'layout-width': '0.5'
      }
    },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-4c7ae1e6-758e-470f-8d7c-ae0325e4ee8a',
        layout:
        '12d887e1-d1a2-4814-a1a3-0c904e950b46_54c740ef-fd7b-48c6-85aa-c14e1bfc9297',
        'layout-width': '0.25'
      }
    },
    {
      insert: '\\n',
      attributes: { 'block-id': 'block-2d6ff0f4-ff00-42b7-a8e2-b816463d8fb5' }
    },
    { insert: { divider: true } },
    {
      insert: '\\n',
      attributes: { 'table-col': { width: '150' } }
    },
    { insert: '\\n', attributes: { 'table-col': { width: '154' } } },
    {
      insert: '\\n',
      attributes: { 'table-col': { width: '150' } }
    },

    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-38545d56-224b-464c-b779-51fcec24dbbf',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-q0qfck',
          cell: 'cell-hmapv4'
        },
        row: 'row-q0qfck',
        cell: 'cell-hmapv4',
        rowspan: '1',
        colspan: '1'
      }
    },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-d413a094-5f52-4fd4-a4aa-00774f6fdb44',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-q0qfck',
          cell: 'cell-c0czb2'
        },
        row: 'row-q0qfck',
        cell: 'cell-c0czb2',
        rowspan: '1',
        colspan: '1'
      }
    },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-ff855cbc-8871-4e0a-9ba7-de0c1c2aa585',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-q0qfck',
          cell: 'cell-hcpqmm'
        },
        row: 'row-q0qfck',
        cell: 'cell-hcpqmm',
        rowspan: '1',
        colspan: '1'
      }
    },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-4841e6ee-fef8-4473-bf04-f5ba62db17f0',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-etopyl',
          cell: 'cell-0io73v'
        },
        row: 'row-etopyl',
        cell: 'cell-0io73v',
        rowspan: '1',
        colspan: '1'
      }
    },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-adeec631-d4fe-4f38-9d5e-e67ba068bd24',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-etopyl',
          cell: 'cell-gt2waa'
        },
        row: 'row-etopyl',
        cell: 'cell-gt2waa',
        rowspan: '1',
        colspan: '1'
      }
    },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-d38a7308-c858-4ce0-b1f3-0f9092384961',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-etopyl',
          cell: 'cell-os9ksy'
        },
        row: 'row-etopyl',
        cell: 'cell-os9ksy',
        rowspan: '1',
        colspan: '1'
      }
    },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-a9df6568-1838-40d1-9d16-3c073b6ce169',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-0jwjg3',
          cell: 'cell-hbx9ri'
        },
        row: 'row-0jwjg3',
        cell: 'cell-hbx9ri',
        rowspan: '1',
        colspan: '1'
      }
    },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-e26a0cf2-fe62-44a5-a4ca-8678a56d62f1',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-0jwjg3',
          cell: 'cell-yg5m2w'
        },
        row: 'row-0jwjg3',
        cell: 'cell-yg5m2w',
        rowspan: '1',
        colspan: '1'
      }
    },
    { insert: 'a' },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-bfbc5ac2-7417-44b9-9aa5-8e36e4095627',
        list: {
          rowspan: '1',
          colspan: '1',
          row: 'row-0jwjg3',
          cell: 'cell-1azhl2',
          list: 'ordered'
        },
        rowspan: '1',
        colspan: '1',
        row: 'row-0jwjg3',
        cell: 'cell-1azhl2'
      }
    },
    { insert: 'b' },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-f011c089-6389-47c0-8396-7477a29aa56f',
        list: {
          rowspan: '1',
          colspan: '1',
          row: 'row-0jwjg3',
          cell: 'cell-1azhl2',
          list: 'ordered'
        },
        rowspan: '1',
        colspan: '1',
        row: 'row-0jwjg3',
        cell: 'cell-1azhl2'
      }
    },
    { insert: 'c' },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-4497788d-1e02-4fd5-a80a-48b61a6185cb',
        list: {
          rowspan: '1',
          colspan: '1',
          row: 'row-0jwjg3',
          cell: 'cell-1azhl2',
          list: 'ordered'
        },
        rowspan: '1',
        colspan: '1',
        row: 'row-0jwjg3',
        cell: 'cell-1azhl2'
      }
    },
    { insert: 'd' },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-5d73a2c7-f98b-47c7-a3f5-0d8527962b02',
        list: {
          rowspan: '1',
          colspan: '1',
          row: 'row-0jwjg3',
          cell: 'cell-1azhl2',
          list: 'ordered'
        },
        rowspan: '1',
        colspan: '1',
        row: 'row-0jwjg3',
        cell: 'cell-1azhl2'
      }
    },
    { insert: 'e' },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-bfda76ee-ffdd-45db-a22e-a6707e11cf68',
        list: {
          rowspan: '1',
          colspan: '1',
          row: 'row-0jwjg3',
          cell: 'cell-1azhl2',
          list: 'ordered'
        },
        rowspan: '1',
        colspan: '1',
        row: 'row-0jwjg3',
        cell: 'cell-1azhl2'
      }
    },
    { insert: 'd' },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-35242e64-a69d-4cdb-bd85-2a93766bfab4',
        list: {
          rowspan: '1',
          colspan: '1',
          row: 'row-0jwjg3',
          cell: 'cell-1azhl2',
          list: 'ordered'
        },
        rowspan: '1',
        colspan: '1',
        row: 'row-0jwjg3',
        cell: 'cell-1azhl2'
      }
    },
    { insert: 'f' },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-8baa22c8-491b-4f1b-9502-44179d5ae744',
        list: {
          rowspan: '1',
          colspan: '1',
          row: 'row-0jwjg3',
          cell: 'cell-1azhl2',
          list: 'ordered'
        },
        rowspan: '1',
        colspan: '1',
        row: 'row-0jwjg3',
        cell: 'cell-1azhl2'
      }
    },
    {
      insert: '\\n',
      attributes: { 'block-id': 'block-7fa64af0-6974-4205-8cee-529f8bd46852' }
    },
    { insert: { divider: true } },
    { insert: "Brandon's Section" },
    {
      insert: '\\n',
      attributes: {
        header: 2,
        'block-id': 'block-cf49462c-2370-48ff-969d-576cb32c39a1'
      }
    },
    {
      insert: '\\n',
      attributes: { 'block-id': 'block-30ef8361-0dd6-4eee-b4eb-c9012d0e9070' }
    },
    {
      insert: {
        slash_command: {
          id: 'doc_94zq-2436',
          sessionId: 'x9x08o916',
          replace: '/'
        }
      }
    },
    {
      insert: '\\n',
      attributes: { 'block-id': 'block-166ed856-cf8c-486a-9365-f499b21d91b3' }
    },
    { insert: { divider: true } },
    {
      insert: '\\n',
      attributes: {
        row: 'row-kssn15',
        rowspan: '1',
        colspan: '1',
        'block-id': 'block-e8079594-4559-4259-98bb-da5280e2a692',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-kssn15',
          cell: 'cell-qxbksf'
        },
        cell: 'cell-qxbksf'
      }
    },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-70132663-14cc-4701-b5c5-eb99e875e2bd',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-kssn15',
          cell: 'cell-lsohbx'
        },
        cell: 'cell-lsohbx',
        row: 'row-kssn15',
        rowspan: '1',
        colspan: '1'
      }
    },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-47a3899c-e3c5-4a7a-a8c4-46e0ae73a4fa',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-kssn15',
          cell: 'cell-hner9k'
        },
        cell: 'cell-hner9k',
        row: 'row-kssn15',
        rowspan: '1',
        colspan: '1'
      }
    },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-0f9e650a-7841-412e-b4f2-5571b6d352c2',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-juxwc0',
          cell: 'cell-ei4yqp'
        },
        cell: 'cell-ei4yqp',
        row: 'row-juxwc0',
        rowspan: '1',
        colspan: '1'
      }
    },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-53a158a9-8c82-4c82-9d4e-f5298257ca43',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-juxwc0',
          cell: 'cell-25pf5x'
        },
        cell: 'cell-25pf5x',
        row: 'row-juxwc0',
        rowspan: '1',
        colspan: '1'
      }
    },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-da8ba35e-ce6e-4518-8605-c51d781eb07a',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-juxwc0',
          cell: 'cell-m8reor'
        },
        cell: 'cell-m8reor',
        row: 'row-juxwc0',
        rowspan: '1',
        colspan: '1'
      }
    },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-2dce37c7-2978-4127-bed0-9549781babcb',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-ot4wy5',
          cell: 'cell-dinh0i'
        },
        cell: 'cell-dinh0i',
        row: 'row-ot4wy5',
        rowspan: '1',
        colspan: '1'
      }
    },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-7b593f8c-4ea3-44b4-8ad9-4a0abffe759b',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-ot4wy5',
          cell: 'cell-d115b2'
        },
        cell: 'cell-d115b2',
        row: 'row-ot4wy5',
        rowspan: '1',
        colspan: '1'
      }
    },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-272c28e6-2bde-4477-9d99-ce35b3045895',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-ot4wy5',
          cell: 'cell-fuapvo'
        },
        cell: 'cell-fuapvo',
        row: 'row-ot4wy5',
        rowspan: '1',
        colspan: '1'
      }
    },
    {
      insert: '\\n',
      attributes: { 'block-id': 'block-fbf23cab-1ce9-4ede-9953-f2f8250004cf' }
    },
    {
      insert: '\\n',
      attributes: { 'block-id': 'block-c3fbb8c9-495c-40b0-b0dd-f6e33dd64b1b' }
    },
    {
      insert: '\\n',
      attributes: { 'block-id': 'block-3417ad09-92a3-4a43-b5db-6dbcb0f16db4' }
    },
    {
      insert: '\\n',
      attributes: { 'block-id': 'block-b9eacdce-4ba3-4e66-8b69-3eace5656057' }
    },
    { insert: 'Dan Gornstein' },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-d7c6ae0d-a17c-433e-85fd-5efc52b587fb',
        header: 1
      }
    },
    {
      insert: '\\n',
      attributes: { 'block-id': 'block-814521bd-0e14-4fbf-b332-799c6452a624' }
    },
    { insert: 'aaa' },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-6aaf4dcf-dc21-45c6-b723-afb25fe0f498',
        list: { list: 'toggled', 'toggle-id': 'list-idl93b' }
      }
    },
    { insert: 'bb' },
    {
      insert: '\\n',
      attributes: {
        indent: 1,
        'block-id': 'block-3dd75392-fa50-4bfb-ba6b-3b7d6bd3f1a1',
        list: { list: 'toggled', 'toggle-id': 'list-mrq7j2' }
      }
    },
    { insert: 'ccc' },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-2528578b-ecda-4f74-9fd7-8741d72dc8b3',
        indent: 2,
        list: { list: 'toggled', 'toggle-id': 'list-liu7dl' }
      }
    },
    {
      insert: '\\n',
      attributes: { 'block-id': 'block-18bf68c3-9ef3-4874-929c-9b6bb1a00325' }
    },
    {
      insert: '\\n',
      attributes: { 'table-col': { width: '150' } }
    },
    { insert: '\\n', attributes: { 'table-col': { width: '150' } } },
    {
      insert: '\\n',
      attributes: { 'table-col': { width: '150' } }
    },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-d44e74b4-b37f-48e0-b319-6327a6295a57',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-si1nah',
          cell: 'cell-cpybie'
        },
        row: 'row-si1nah',
        cell: 'cell-cpybie',
        rowspan: '1',
        colspan: '1'
      }
    },
    { insert: 'aaa' },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-3e545ee9-0c9a-42d7-a4d0-833edb8087f3',
        list: {
          rowspan: '1',
          colspan: '1',
          row: 'row-si1nah',
          cell: 'cell-cpybie',
          list: 'toggled',
          'toggle-id': 'list-kjl2ik'
        },
        rowspan: '1',
        colspan: '1',
        row: 'row-si1nah',
        cell: 'cell-cpybie'
      }
    },
    { insert: 'bb' },
    {
      insert: '\\n',
      attributes: {
        indent: 1,
        'block-id': 'block-5f1225ad-370f-46ab-8f1e-18b277b5095f',
        list: {
          rowspan: '1',
          colspan: '1',
          row: 'row-si1nah',
          cell: 'cell-cpybie',
          list: 'toggled',
          'toggle-id': 'list-eei1x5'
        },
        rowspan: '1',
        colspan: '1',
        row: 'row-si1nah',
        cell: 'cell-cpybie'
      }
    },
    { insert: 'ccc' },
    {
      insert: '\\n',
      attributes: {
        indent: 2,
        'block-id': 'block-a77fdc11-ad24-431b-9ca2-09e32db94ac2',
        list: {
          rowspan: '1',
          colspan: '1',
          row: 'row-si1nah',
          cell: 'cell-cpybie',
          list: 'toggled',
          'toggle-id': 'list-30us3c'
        },
        rowspan: '1',
        colspan: '1',
        row: 'row-si1nah',
        cell: 'cell-cpybie'
      }
    },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-d44e74b4-b37f-48e0-b319-6327a6295a57',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-si1nah',
          cell: 'cell-cpybie'
        },
        row: 'row-si1nah',
        cell: 'cell-cpybie',
        rowspan: '1',
        colspan: '1'
      }
    },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-2c274c8a-757d-4892-8db8-1a7999f7ab51',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-si1nah',
          cell: 'cell-al1z64'
        },
        row: 'row-si1nah',
        cell: 'cell-al1z64',
        rowspan: '1',
        colspan: '1'
      }
    },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-85931afe-1879-471c-bb4b-89e7bd517fe9',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-si1nah',
          cell: 'cell-q186pb'
        },
        row: 'row-si1nah',
        cell: 'cell-q186pb',
        rowspan: '1',
        colspan: '1'
      }
    },
    { insert: 'asdfasdfasdf' },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-6e0522e8-c1eb-4c07-98df-2b07c533a139',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-7x2d1o',
          cell: 'cell-6eid2t'
        },
        row: 'row-7x2d1o',
        cell: 'cell-6eid2t',
        rowspan: '1',
        colspan: '1'
      }
    },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-4b3d0bd0-9175-45e9-955c-e8164f4b5376',
        row: 'row-7x2d1o',
        cell: 'cell-m1alad',
        rowspan: '1',
        colspan: '1',
        list: {
          rowspan: '1',
          colspan: '1',
          row: 'row-7x2d1o',
          cell: 'cell-m1alad',
          list: 'ordered'
        }
      }
    },
    { insert: 'asdfasdfasdf' },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-08610089-cb05-4366-bb1e-a0787d5b11bf',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-7x2d1o',
          cell: 'cell-dm1l2p'
        },
        row: 'row-7x2d1o',
        cell: 'cell-dm1l2p',
        rowspan: '1',
        colspan: '1'
      }
    },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-c22b5125-8df3-432f-bd55-5ff456e41b4e',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-o0ujua',
          cell: 'cell-82g0ca'
        },
        row: 'row-o0ujua',
        cell: 'cell-82g0ca',
        rowspan: '1',
        colspan: '1'
      }
    },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-7c6320e4-acaf-4ab4-8355-c9b00408c9c1',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-o0ujua',
          cell: 'cell-wv6ozp'
        },
        row: 'row-o0ujua',
        cell: 'cell-wv6ozp',
        rowspan: '1',
        colspan: '1'
      }
    },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-d1bb7bed-e69e-4807-8d20-2d28fef8d08f',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-o0ujua',
          cell: 'cell-ldt53x'
        },
        row: 'row-o0ujua',
        cell: 'cell-ldt53x',
        rowspan: '1',
        colspan: '1'
      }
    },
    {
      insert: '\\n',
      attributes: { 'block-id': 'block-28f28cb8-51a2-4156-acf9-2380e1349745' }
    },
    { insert: { divider: true } },
    {
      insert: '\\n',
      attributes: { 'block-id': 'block-a1193252-c0c8-47fe-b9f6-32c8b01a1619' }
    },
    { insert: '\\n', attributes: { 'table-col': { width: '150' } } },
    {
      insert: '\\n\\n',
      attributes: { 'table-col': { width: '150' } }
    },
    { insert: '/This is a test.' },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-14188df0-a63f-4317-9a6d-91b96a7ac9fe',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-5ixdvv',
          cell: 'cell-9tgyed'
        },
        row: 'row-5ixdvv',
        cell: 'cell-9tgyed',
        rowspan: '1',
        colspan: '1'
      }
    },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-7e5ba2af-9903-457d-adf4-2a79be81d823',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-5ixdvv',
          cell: 'cell-xc56e9'
        },
        row: 'row-5ixdvv',
        cell: 'cell-xc56e9',
        rowspan: '1',
        colspan: '1'
      }
    },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-eb6cad93-caf7-4848-8adf-415255139268',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-5ixdvv',
          cell: 'cell-xrze3u'
        },
        row: 'row-5ixdvv',
        cell: 'cell-xrze3u',
        rowspan: '1',
        colspan: '1'
      }
    },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-5bb547a2-6f71-4624-80c7-d0e1318c81a2',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-xbzv98',
          cell: 'cell-lie0ng'
        },
        row: 'row-xbzv98',
        cell: 'cell-lie0ng',
        rowspan: '1',
        colspan: '1'
      }
    },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-b506de0d-efb6-4bd7-ba8e-2186cc57903e',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-xbzv98',
          cell: 'cell-s9sow1'
        },
        row: 'row-xbzv98',
        cell: 'cell-s9sow1',
        rowspan: '1',
        colspan: '1'
      }
    },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-42d2ad20-5521-40e3-a88d-fe6906176e61',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-xbzv98',
          cell: 'cell-nodtcj'
        },
        row: 'row-xbzv98',
        cell: 'cell-nodtcj',
        rowspan: '1',
        colspan: '1'
      }
    },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-7d3e4216-3f68-4dd6-bc77-4a9fad4ba008',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-5bqfil',
          cell: 'cell-c8c0f3'
        },
        row: 'row-5bqfil',
        cell: 'cell-c8c0f3',
        rowspan: '1',
        colspan: '1'
      }
    },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-6671f221-551e-47fb-9b7d-9043b6b12cdc',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-5bqfil',
          cell: 'cell-jvxxif'
        },
        row: 'row-5bqfil',
        cell: 'cell-jvxxif',
        rowspan: '1',
        colspan: '1'
      }
    },
    {
      insert: '\\n',
      attributes: {
        'block-id': 'block-51e3161b-0437-4fe3-ac4f-129a93a93fc3',
        'table-cell-line': {
          rowspan: '1',
          colspan: '1',
          row: 'row-5bqfil',
          cell: 'cell-rmjpze'
        },
        row: 'row-5bqfil',
        cell: 'cell-rmjpze',
        rowspan: '1',
        colspan: '1'
      }
    },
    {
      insert: '\\n',
      attributes: { 'block-id': 'block-21099df0-afb2-4cd3-834d-bb37800eb06a' }
    }
  ]
      """;

  private static final String CHANGEEVENT = """
[
    { retain: 90 },
    { delete: 4 },
    {
      retain: 1,
      attributes: {
        layout: null,
        'layout-width': null,
        'block-id': 'block-9d6566a1-be55-4e20-999a-b990bc15e143'
      }
    }
  ]
      """;

}
