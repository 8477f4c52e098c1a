package org.pledgepad.annotations.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BodyRendererTest {
  @Test
  void plainTextBecomesAParagraph() {
    assertThat(BodyRenderer.render("Gute Idee.")).isEqualTo("<p>Gute Idee.</p>");
  }

  @Test
  void lineBreaksAndParagraphs() {
    assertThat(BodyRenderer.render("eins\nzwei\n\ndrei")).isEqualTo("<p>eins<br>zwei</p><p>drei</p>");
  }

  @Test
  void boldAndItalic() {
    assertThat(BodyRenderer.render("**fett** und *kursiv* und _auch_"))
        .isEqualTo("<p><strong>fett</strong> und <em>kursiv</em> und <em>auch</em></p>");
  }

  @Test
  void underscoresInsideWordsStayUnderscores() {
    assertThat(BodyRenderer.render("snake_case_name")).isEqualTo("<p>snake_case_name</p>");
  }

  @Test
  void httpsLinksGetSafeRelations() {
    assertThat(BodyRenderer.render("siehe [Beschluss](https://kassel.de/a?b=1&c=2)")).isEqualTo(
        "<p>siehe <a href=\"https://kassel.de/a?b=1&amp;c=2\" rel=\"nofollow ugc noopener noreferrer\">"
            + "Beschluss</a></p>");
  }

  @Test
  void otherSchemesStayText() {
    assertThat(BodyRenderer.render("[x](ftp://a.b/c)")).isEqualTo("<p>[x](ftp://a.b/c)</p>");
  }

  @Test
  void bulletAndNumberedLists() {
    assertThat(BodyRenderer.render("Punkte:\n- eins\n* zwei\n1. drei\n2. vier\nEnde")).isEqualTo(
        "<p>Punkte:</p><ul><li>eins</li><li>zwei</li></ul><ol><li>drei</li><li>vier</li></ol><p>Ende</p>");
  }

  @Test
  void emphasisMarkersInsideALinkTargetDoNotBecomeTags() {
    String html = BodyRenderer.render("**a [t](https://x.de/**y) b**");
    assertThat(html).contains("href=\"https://x.de/**y\"");
  }

  @Test
  void markupIsEscaped() {
    assertThat(BodyRenderer.render("<b>5 > 3 & \"x\" 'y'</b>"))
        .isEqualTo("<p>&lt;b&gt;5 &gt; 3 &amp; &quot;x&quot; &#39;y&#39;&lt;/b&gt;</p>");
  }

  @Test
  void bidiOverridesAreRemovedFromBodies() {
    assertThat(BodyRenderer.render("abc\u202Egpj.exe")).isEqualTo("<p>abcgpj.exe</p>");
  }
}
