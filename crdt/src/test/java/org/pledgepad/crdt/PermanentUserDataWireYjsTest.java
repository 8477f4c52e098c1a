package org.pledgepad.crdt;

// Not a port of a Yjs test file: expected bytes produced by yjs 13.6.33 in Node.

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * PermanentUserData writes into the document, so its writes must be Yjs's. Yjs defers them with
 * setTimeout; a FIFO queue drained where the Node script awaits reproduces that order.
 */
class PermanentUserDataWireYjsTest {

  private static final String EXPECTED = "0109090027010575736572730464616e6101270009000369647300270009000264730008000901"
      + "017d0901010174048409070265660300090205010901050283090a05010901040183090b0501090107010109010404";

  @Test
  void recordsDeletionsLikeYjs() {
    ArrayDeque<Runnable> timers = new ArrayDeque<>();
    Runnable await = () -> {
      while (!timers.isEmpty()) {
        timers.poll().run();
      }
    };
    Doc doc = new Doc(new DocOptions().clientID(9));
    PermanentUserData pd = new PermanentUserData(doc, doc.getMap("users"), timers::add);
    pd.setUserMapping(doc, doc.clientID, "dana");
    doc.getText("t").insert(0, "abcdef");
    doc.getText("t").delete(1, 2);
    doc.getText("t").delete(0, 1);
    await.run();
    doc.getText("t").delete(0, 1);
    await.run();
    assertEquals(EXPECTED, HexFormat.of().formatHex(Y.encodeStateAsUpdate(doc)));
    assertEquals("dana", pd.getUserByDeletedId(new ID(9, 4)));
  }
}
