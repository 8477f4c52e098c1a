package org.pledgepad.crdt;

// Not a port of a Yjs test file: expected bytes produced by yjs 13.6.33 in Node.

import static org.pledgepad.crdt.YjsTestHelper.compareValues;
import static org.pledgepad.crdt.YjsTestHelper.js;
import static org.pledgepad.crdt.YjsTestHelper.list;
import static org.pledgepad.crdt.YjsTestHelper.obj;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Undo and redo create and delete items that other clients receive as ordinary updates, so the
 * items they create (ids, origins, content) must be Yjs's, byte for byte. The script below ran
 * in Node against yjs 13.6.33 with the same client id; both update formats are compared.
 */
class UndoManagerWireYjsTest {

  private static final String EXPECTED_V1 = "01100500040101740568656c6c6f8405040620776f726c6446050004626f6c640474727565c60504050504626f6c64046e75"
        + "6c6cc4050c05050620776f726c6446050b04626f6c640474727565c60504050c04626f6c64046e756c6c2801016d016b017d"
        + "01a80515017d022701016d03737562012800051701780177017908010161017d01880519017d0288051a017d03c80519051a"
        + "017d02c80519051c017d020105050508150117021a011c01";

  private static final String EXPECTED_V2 = "00030003010245100a0800105022050002420007000a000c021c041b040084004600c600c4004600c6002800a80027002800"
        + "08008801c8382a7468656c6c6f20776f726c64626f6c64626f6c6420776f726c64626f6c64626f6c646d6b6d737562786101"
        + "0506440006440041010341000501020000010101024106011000787e787e7d017d027701797d017d027d037d027d02010505"
        + "05070800010101000100";

  @Test
  void undoAndRedoProduceYjsUpdates() {
    Doc doc = new Doc(new DocOptions().clientID(5));
    YText text = doc.getText("t");
    YMap<Object> map = doc.getMap("m");
    YArray<Object> arr = doc.getArray("a");
    UndoManager um = new UndoManager(list(text, map, arr), new UndoManagerOptions().captureTimeout(0));
    text.insert(0, "hello world");
    text.format(0, 5, obj("{ bold: true }"));
    text.delete(5, 6);
    um.undo();
    um.undo();
    um.redo();
    map.set("k", 1);
    map.set("k", 2);
    YMap<Object> sub = new YMap<>();
    map.set("sub", sub);
    sub.set("x", "y");
    um.undo();
    um.undo();
    arr.insert(0, list(1, 2, 3));
    arr.delete(1, 1);
    um.undo();
    um.redo();
    um.undo();
    compareValues(doc.toJSON(), js("{ t: 'hello world', m: { k: 2 }, a: [1, 2, 3] }"));
    compareValues(text.toDelta(), js("[{ insert: 'hello', attributes: { bold: true } }, { insert: ' world' }]"));
    compareValues(HexFormat.of().formatHex(Y.encodeStateAsUpdate(doc)), EXPECTED_V1, "v1 update");
    compareValues(HexFormat.of().formatHex(Y.encodeStateAsUpdateV2(doc)), EXPECTED_V2, "v2 update");
  }
}
