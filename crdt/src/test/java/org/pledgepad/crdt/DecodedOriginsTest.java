package org.pledgepad.crdt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pledgepad.crdt.lib0.Decoder;

/**
 * Decoded structs carry their ids and origins as numbers (AbstractStruct, Item): each decoded
 * item has the id, origin and right origin of the document's struct it was encoded from. Typing
 * with corrections makes every kind: runs typed before the same character, split by deleted
 * characters, and one-character runs.
 */
class DecodedOriginsTest {

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
        text.insert(at, "c");
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
    int withRightOrigin = 0;
    for (int i = 0; i < structs.size(); i++) {
      Item item = (Item) structs.get(i);
      Item same = (Item) stored.get(i);
      assertEquals(same.id(), item.id(), "id of struct " + i);
      assertEquals(same.length, item.length, "length of struct " + i);
      assertEquals(same.origin(), item.origin(), "origin of struct " + i);
      assertEquals(same.rightOrigin(), item.rightOrigin(), "right origin of struct " + i);
      assertEquals(i > 0, item.hasOrigin(), "only the first struct starts the text");
      withRightOrigin += item.hasRightOrigin() ? 1 : 0;
    }
    assertTrue(withRightOrigin > 0, "the document has right origins");
  }
}
