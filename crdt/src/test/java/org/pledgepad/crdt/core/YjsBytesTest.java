package org.pledgepad.crdt.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.DocOptions;
import org.pledgepad.crdt.Y;
import org.pledgepad.crdt.YArray;
import org.pledgepad.crdt.YMap;
import org.pledgepad.crdt.YText;
import org.pledgepad.crdt.YXmlElement;
import org.pledgepad.crdt.YXmlFragment;
import org.pledgepad.crdt.YXmlText;

/**
 * Byte equality with real Yjs. The expected hex strings were produced with yjs 13.6.33 in
 * Node 20 by a script that builds the same documents with the same client ids and prints
 * Y.encodeStateAsUpdate / Y.encodeStateAsUpdateV2 / Y.encodeStateVector as hex.
 */
class YjsBytesTest {
  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  private static Doc doc(long clientID) {
    return new Doc(new DocOptions().clientID(clientID));
  }

  private static Map<String, Object> attrs(String k, Object v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(k, v);
    return m;
  }

  @Test
  void textWithSurrogatePairAndFormattingEncodesAsYjs() {
    Doc d = doc(1);
    YText t = d.getText("t");
    t.insert(0, "hello world");
    t.delete(2, 3);
    t.insert(1, "\uD83D\uDE00x");
    t.format(0, 3, attrs("bold", true));
    assertThat(hex(Y.encodeStateAsUpdate(d))).isEqualTo(
        "010801000401017401688401000165810101038401040620776f726c64c40100010104f09f9880c4010c0101017846010004626f6c640474727565c6010c010d04626f6c64046e756c6c0101010203");
    assertThat(hex(Y.encodeStateAsUpdateV2(d))).isEqualTo(
        "0002000202410906000206481800040200421a0d0400840081008400c4014600c61e1674686520776f726c64f09f988078626f6c64626f6c64410106020144000101000103010800787e0101010202");
    assertThat(t.toDelta()).isEqualTo(List.of(
        Map.of("insert", "h\uD83D\uDE00", "attributes", Map.of("bold", true)),
        Map.of("insert", "xe world")));
  }

  @Test
  void mapAndArrayEncodeAsYjs() {
    Doc d = doc(7);
    YMap<Object> m = d.getMap("m");
    m.set("a", 1);
    m.set("b", "x");
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("k", java.util.Arrays.asList(1, 2.5, null, true));
    m.set("c", c);
    m.delete("b");
    m.set("a", 2);
    YArray<Object> a = d.getArray("a");
    a.insert(0, List.of(1, 2, 3));
    a.insert(1, List.of("q", new byte[] {1, 2}));
    a.delete(0, 1);
    assertThat(hex(Y.encodeStateAsUpdate(d))).isEqualTo(
        "010807002101016d0161012101016d0162012801016d0163017601016b75047d017c402000007e78a80700017d020101016101880704027d027d03c80704070501770171c30707070502010201070200020401");
    assertThat(hex(Y.encodeStateAsUpdateV2(d))).isEqualTo(
        "00000247050400080006020a000d21012800a80001008800c800c30a076d616d626d6361410501010004410302010108007601016b75047d017c402000007e787d027d027d0377017102010201070200010200");
    assertThat(hex(Y.encodeStateVector(d))).isEqualTo("010709");
  }

  @Test
  void xmlEncodesAsYjsWithLargeClientId() {
    Doc d = doc(3000000000L);
    YXmlFragment f = d.getXmlFragment("default");
    YXmlElement p = new YXmlElement("paragraph");
    p.setAttribute("align", "left");
    YXmlText tx = new YXmlText();
    tx.insert(0, "Hallo Kassel");
    p.insert(0, List.of(tx));
    f.insert(0, List.of(p));
    tx.format(0, 5, attrs("bold", new LinkedHashMap<>()));
    assertThat(hex(Y.encodeStateAsUpdate(d))).isEqualTo(
        "010780bcc1960b0007010764656661756c740309706172616772617068070080bcc1960b0006040080bcc1960b010548616c6c6f8480bcc1960b0607204b617373656c280080bcc1960b0005616c69676e0177046c6566744680bcc1960b0204626f6c64027b7dc680bcc1960b0680bcc1960b0704626f6c64046e756c6c00");
    assertThat(hex(Y.encodeStateAsUpdateV2(d))).isEqualTo(
        "000300030006c0f882ad16060500020a4c0c02040a0b07010400840028004600c6312964656661756c7470617261677261706848616c6c6f204b617373656c616c69676e626f6c64626f6c640709050705440003010000020306010101070077046c65667476007e00");
    assertThat(f.toString()).isEqualTo("<paragraph align=\"left\"><bold>Hallo</bold> Kassel</paragraph>");
  }

  @Test
  void concurrentEditsConvergeAndMergeAsYjs() {
    Doc a = doc(10);
    Doc b = doc(20);
    a.getText("t").insert(0, "abc");
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    a.getText("t").insert(1, "X");
    b.getText("t").insert(1, "Y");
    b.getText("t").delete(2, 1);
    byte[] ua = Y.encodeStateAsUpdate(a);
    byte[] ub = Y.encodeStateAsUpdate(b);
    assertThat(hex(ua)).isEqualTo("01030a00040101740161840a00026263c40a000a01015800");
    assertThat(hex(ub)).isEqualTo("02011400c40a000a010159030a00040101740161810a0001840a010163010a010101");
    Y.applyUpdate(a, ub);
    Y.applyUpdate(b, ua);
    String expected = "02011400c40a000a010159040a00040101740161810a0001840a010163c40a000a010158010a010101";
    assertThat(hex(Y.encodeStateAsUpdate(a))).isEqualTo(expected);
    assertThat(hex(Y.encodeStateAsUpdate(b))).isEqualTo(expected);
    assertThat(a.getText("t").toString()).isEqualTo("aXYc");
    assertThat(b.getText("t").toString()).isEqualTo("aXYc");
    assertThat(hex(Y.mergeUpdates(List.of(ua, ub)))).isEqualTo(expected);
    assertThat(hex(Y.encodeStateAsUpdateV2(a))).isEqualTo(
        "000003144a05040100024202020009c400040081008400c408055974616358410301010001010201000400010a010100");
  }

  @Test
  void obfuscatedUpdatesMatchYjs() {
    // update of a doc (clientID 4) with formatted text, an embed, map values, XML element and
    // hook, and a subdocument, followed by Y.obfuscateUpdate(v1) and Y.obfuscateUpdateV2(v2 update)
    byte[] v1 = HexFormat.of().parseHex("010f040004010174037365638404020372657484040505207465787446040004626f6c640474727565c60405040604626f6c64046e756c6cc60402040304626f6c64046e756c6cc5040d04030b7b22696d67223a2278227dc6040e040304626f6c6404747275652801016d036b657901770576616c75652301016d0362696e0209092801016d016e0175027d017d0207010166030268312800041305636c6173730177017887041305066d79686f6f6b2901016d03737562026731760000");
    assertThat(hex(Y.obfuscateUpdate(v1))).isEqualTo(
        "010f04000401017403303030840402033131318404050532323232324604000133077b2269223a337dc6040504060133046e756c6cc6040204030133046e756c6cc5040d0403027b7dc6040e04030133077b2269223a337d2801016d0138017d082301016d013901092801016d023130017d0a0701016603076e6f64652d313128000413023132017d0c8704130507686f6f6b2d31332901016d023134023134760000");
    Doc d = new Doc();
    Y.applyUpdate(d, v1);
    assertThat(hex(Y.obfuscateUpdateV2(Y.encodeStateAsUpdateV2(d)))).isEqualTo(
        "000300030302440c080406004616020a0005000c46010019040084014600c601c500c600280023002800070028008700293c2d743030303131313232323232333333336d386d396d3130666e6f64652d31313132686f6f6b2d31336d313431340143000541070201070207014200050104000001020305024101010f00760101697d037e7e7600760101697d037d0801097d0a7d0c760000");
  }
}
