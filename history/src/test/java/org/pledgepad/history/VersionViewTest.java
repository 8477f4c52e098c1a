package org.pledgepad.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.Y;

class VersionViewTest {
  static Doc xmlDoc() {
    Doc src = new Doc();
    XmlFixture.fill(src);
    Doc d = new Doc();
    Y.applyUpdate(d, Y.encodeStateAsUpdate(src));
    return d;
  }

  @Test
  void detectsXmlAndTextRoots() {
    assertThat(ContentKind.detect(xmlDoc(), ContentKind.TEXT)).isEqualTo(ContentKind.XML);
    Doc src = new Doc();
    src.getText("default").insert(0, "x");
    Doc d = new Doc();
    Y.applyUpdate(d, Y.encodeStateAsUpdate(src));
    assertThat(ContentKind.detect(d, ContentKind.XML)).isEqualTo(ContentKind.TEXT);
    assertThat(ContentKind.detect(new Doc(), ContentKind.XML)).isEqualTo(ContentKind.XML);
  }

  @Test
  void htmlRendersHeadingsParagraphsListsAndMarksEscaped() {
    String html = new VersionView(xmlDoc(), ContentKind.XML).html();
    assertThat(html).isEqualTo("<h2>Digitalisierung &lt;Kassel&gt;</h2>"
        + "<p><strong>Open</strong> Data &amp; freie Software<span data-mark=\"link\"> Mehr</span></p>"
        + "<ul><li><p>WLAN</p></li><li><p>Bürgerportal</p></li></ul>");
  }

  @Test
  void textSeparatesBlocksByNewlines() {
    assertThat(new VersionView(xmlDoc(), ContentKind.XML).text())
        .isEqualTo("Digitalisierung <Kassel>\nOpen Data & freie Software Mehr\nWLAN\nBürgerportal");
  }

  @Test
  void jsonHasProseMirrorShape() {
    String json = new VersionView(xmlDoc(), ContentKind.XML).jsonString();
    assertThat(json).startsWith("{\"type\":\"doc\",\"content\":[{\"type\":\"heading\",\"attrs\":{\"level\":2},"
        + "\"content\":[{\"type\":\"text\",\"text\":\"Digitalisierung <Kassel>\"}]}");
    assertThat(json).contains("{\"type\":\"text\",\"text\":\"Open\",\"marks\":[{\"type\":\"bold\"}]}");
  }

  @Test
  void plainTextHtmlEscapesAndSplitsLines() {
    Doc d = new Doc();
    d.getText("default").insert(0, "a<b>\nc&d");
    assertThat(new VersionView(d, ContentKind.TEXT).html()).isEqualTo("<p>a&lt;b&gt;</p><p>c&amp;d</p>");
  }

  @Test
  void readerReplaysFromTheNearestSnapshot() {
    TestHistory h = TestHistory.random(11, 30);
    List<StoredSnapshot> snaps = List.of(new StoredSnapshot(10, h.stateAt(10)), new StoredSnapshot(20, h.stateAt(20)));
    for (long seq : new long[] {0, 5, 10, 15, 20, 27, 30}) {
      StoredSnapshot base = VersionReader.nearest(snaps, seq);
      int from = base == null ? 0 : (int) base.seq();
      VersionView v = VersionReader.view(base, h.rows.subList(from, h.rows.size()), seq, ContentKind.TEXT);
      assertThat(v.text()).as("seq " + seq).isEqualTo(h.textAt(seq));
    }
  }

  @Test
  void safeLinksBecomeAnchors() {
    assertThat(Html.safeHref("https://kassel.de")).isTrue();
    assertThat(Html.safeHref(" JavaScript:alert(1)")).isFalse();
  }
}
