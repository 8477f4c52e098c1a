package org.pledgepad.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.DocOptions;
import org.pledgepad.crdt.Y;
import org.pledgepad.crdt.YText;
import org.pledgepad.crdt.YXmlElement;
import org.pledgepad.crdt.YXmlFragment;
import org.pledgepad.crdt.YXmlText;

class RestorerTest {
  static Doc copyOf(Doc d, long clientId) {
    Doc c = new Doc(new DocOptions().clientID(clientId));
    Y.applyUpdate(c, Y.encodeStateAsUpdate(d));
    return c;
  }

  static void syncAll(Doc... docs) {
    for (Doc from : docs) {
      for (Doc to : docs) {
        if (from != to) {
          Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
        }
      }
    }
  }

  @Test
  void restoringTextMakesTheCurrentDocumentEqualTheVersion() {
    TestHistory h = TestHistory.random(5, 60);
    Doc current = VersionReader.docAt(null, h.rows, 60);
    Doc v = VersionReader.docAt(null, h.rows, 25);
    byte[] update = Restorer.restore(current, v, ContentKind.TEXT, "restore");
    assertThat(current.getText("default").toString()).isEqualTo(v.getText("default").toString());
    Doc other = VersionReader.docAt(null, h.rows, 60);
    Y.applyUpdate(other, update);
    assertThat(other.getText("default").toString()).isEqualTo(v.getText("default").toString());
  }

  @Test
  void restoringAnEqualVersionChangesNothing() {
    Doc d = new Doc();
    d.getText("default").insert(0, "gleich");
    assertThat(Restorer.restore(d, copyOf(d, 9), ContentKind.TEXT, null)).isEmpty();
  }

  @Test
  void concurrentEditorsConvergeAndKeepTheirEditsOverARestore() {
    for (long seed = 1; seed <= 20; seed++) {
      Random rnd = new Random(seed);
      TestHistory h = TestHistory.random(seed, 50);
      long vSeq = 1 + rnd.nextInt(49);
      String v = h.textAt(vSeq);
      Doc server = copyOf(VersionReader.docAt(null, h.rows, 50), 100);
      Doc alice = copyOf(server, 101);
      Doc bob = copyOf(server, 102);
      // Alice and Bob keep typing while the restore is applied on the server's copy.
      YText at = alice.getText("default");
      at.insert(rnd.nextInt(at.length() + 1), "[A]");
      YText bt = bob.getText("default");
      bt.insert(rnd.nextInt(bt.length() + 1), "[B]");
      Restorer.restore(server, VersionReader.docAt(null, h.rows, vSeq), ContentKind.TEXT, "restore");
      syncAll(server, alice, bob);
      String s = server.getText("default").toString();
      assertThat(alice.getText("default").toString()).as("seed " + seed).isEqualTo(s);
      assertThat(bob.getText("default").toString()).as("seed " + seed).isEqualTo(s);
      assertThat(s).as("seed " + seed).contains("[A]").contains("[B]");
      assertThat(s.replace("[A]", "").replace("[B]", "")).as("seed " + seed + ", version " + vSeq).isEqualTo(v);
    }
  }

  @Test
  void restoringTextBringsBackDeletedEmbedsAtTheirPlace() {
    Doc v = new Doc(new DocOptions().clientID(1));
    YText t = v.getText("default");
    t.insert(0, "abcd");
    t.insertEmbed(2, java.util.Map.of("image", "karte.png"));
    Doc current = copyOf(v, 2);
    current.getText("default").delete(1, 3);
    current.getText("default").insert(1, "X");
    Restorer.restore(current, v, ContentKind.TEXT, null);
    assertThat(current.getText("default").toDelta()).isEqualTo(t.toDelta());
  }

  @Test
  void restoringBlocksReplacesOnlyChangedOnesAndKeepsConcurrentEdits() {
    Doc vDoc = new Doc(new DocOptions().clientID(1));
    XmlFixture.fill(vDoc);
    String vHtml = new VersionView(vDoc, ContentKind.XML).html();
    Doc server = copyOf(vDoc, 2);
    YXmlFragment f = server.getXmlFragment("default");
    server.transact(tr -> {
      ((YXmlText) ((YXmlElement) f.get(1)).get(0)).insert(0, "Kein ");
      f.insert(3, List.of(XmlFixture.paragraph("Neuer Absatz")));
    });
    Doc alice = copyOf(server, 3);
    Restorer.restore(server, vDoc, ContentKind.XML, "restore");
    assertThat(new VersionView(server, ContentKind.XML).html()).isEqualTo(vHtml);
    // Alice edited the heading (unchanged by the restore) at the same time.
    YXmlText heading = (YXmlText) ((YXmlElement) alice.getXmlFragment("default").get(0)).get(0);
    heading.insert(0, "Neu: ");
    syncAll(server, alice);
    String html = new VersionView(server, ContentKind.XML).html();
    assertThat(new VersionView(alice, ContentKind.XML).html()).isEqualTo(html);
    assertThat(html).isEqualTo(vHtml.replace("<h2>Digitalisierung", "<h2>Neu: Digitalisierung"));
  }

  @Test
  void aColleagueTypingInAParagraphTheRestoreChangesKeepsTheirWords() {
    Doc vDoc = new Doc(new DocOptions().clientID(1));
    XmlFixture.fill(vDoc);
    Doc server = copyOf(vDoc, 2);
    YXmlText para = (YXmlText) ((YXmlElement) server.getXmlFragment("default").get(1)).get(0);
    para.insert(para.length(), " (gestrichen)");
    Doc alice = copyOf(server, 3);
    Restorer.restore(server, vDoc, ContentKind.XML, "restore");
    // Alice adds a word to the same paragraph, after "Open", at the same time.
    YXmlText hers = (YXmlText) ((YXmlElement) alice.getXmlFragment("default").get(1)).get(0);
    hers.insert(4, " Government", java.util.Map.of());
    syncAll(server, alice);
    String html = new VersionView(server, ContentKind.XML).html();
    assertThat(new VersionView(alice, ContentKind.XML).html()).isEqualTo(html);
    assertThat(html).isEqualTo(new VersionView(vDoc, ContentKind.XML).html()
        .replace("<strong>Open</strong> Data", "<strong>Open</strong> Government Data"));
  }

  @Test
  void restoringSetsFormattingAndAttributesBack() {
    Doc vDoc = new Doc(new DocOptions().clientID(1));
    XmlFixture.fill(vDoc);
    Doc server = copyOf(vDoc, 2);
    YXmlFragment f = server.getXmlFragment("default");
    server.transact(tr -> {
      YXmlText para = (YXmlText) ((YXmlElement) f.get(1)).get(0);
      java.util.Map<String, Object> unbold = new java.util.HashMap<>();
      unbold.put("bold", null);
      para.format(0, 4, unbold);
      para.format(5, 4, java.util.Map.of("italic", java.util.Map.of()));
      para.delete(para.length() - 5, 5); // the linked " Mehr"
      ((YXmlElement) f.get(0)).setAttribute("level", 3);
      ((YXmlElement) f.get(0)).setAttribute("id", "x");
    });
    assertThat(new VersionView(server, ContentKind.XML).html()).isNotEqualTo(new VersionView(vDoc, ContentKind.XML).html());
    Restorer.restore(server, vDoc, ContentKind.XML, null);
    assertThat(new VersionView(server, ContentKind.XML).jsonString()).isEqualTo(new VersionView(vDoc, ContentKind.XML).jsonString());
  }
}
