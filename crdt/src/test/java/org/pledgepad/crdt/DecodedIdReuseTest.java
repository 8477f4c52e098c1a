package org.pledgepad.crdt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pledgepad.crdt.lib0.Decoder;

/**
 * Decoding an update shares id objects with the struct decoded just before where the values are
 * equal (Encoding.readStruct): an origin that is the previous one-clock struct's id, a right
 * origin that is the previous item's. Typing with corrections makes both: runs typed before the
 * same character, split by deleted characters.
 */
class DecodedIdReuseTest {

  private static Doc typedWithCorrections() {
    Doc doc = new Doc(new DocOptions().clientID(42));
    YText text = doc.getText("t");
    text.insert(0, "[]");
    int at = 1;
    for (int i = 0; i < 20; i++) {
      text.insert(at, "ab");
      text.delete(at + 1, 1); // "b" was a typo
      at++;
      if (i % 3 == 0) {
        text.insert(at, "c"); // one-character runs: the next origin is such a struct's id
        at++;
        text.delete(at - 1, 1);
      }
    }
    return doc;
  }

  @Test
  void v1() {
    Doc doc = typedWithCorrections();
    check(new UpdateDecoderV1(new Decoder(Y.encodeStateAsUpdate(doc))), doc);
  }

  @Test
  void v2() {
    Doc doc = typedWithCorrections();
    check(new UpdateDecoderV2(new Decoder(Y.encodeStateAsUpdateV2(doc))), doc);
  }

  private static void check(UpdateDecoder decoder, Doc original) {
    Map<Long, Encoding.StructRefs> refs =
        Encoding.readClientsStructRefs(decoder, UpdateLimits.DEFAULT.budget(Integer.MAX_VALUE));
    List<AbstractStruct> structs = refs.get(42L).refs;
    List<AbstractStruct> stored = original.store.clients.get(42L);
    assertEquals(stored.size(), structs.size());
    int sharedOrigins = 0;
    int sharedRightOrigins = 0;
    for (int i = 0; i < structs.size(); i++) {
      Item item = (Item) structs.get(i);
      Item same = (Item) stored.get(i);
      assertTrue(ID.compareIDs(same.origin, item.origin), "origin of struct " + i);
      assertTrue(ID.compareIDs(same.rightOrigin, item.rightOrigin), "right origin of struct " + i);
      if (i == 0) {
        continue;
      }
      Item prev = (Item) structs.get(i - 1);
      if (prev.length == 1 && ID.compareIDs(item.origin, prev.id)) {
        assertSame(prev.id, item.origin, "origin of struct " + i);
        sharedOrigins++;
      }
      if (prev.rightOrigin != null && ID.compareIDs(item.rightOrigin, prev.rightOrigin)) {
        assertSame(prev.rightOrigin, item.rightOrigin, "right origin of struct " + i);
        sharedRightOrigins++;
      }
    }
    assertTrue(sharedOrigins > 0, "the document has origins to share");
    assertTrue(sharedRightOrigins > 0, "the document has right origins to share");
  }
}
