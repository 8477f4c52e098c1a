package org.pledgepad.annotations.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile bodies and names: whatever goes in, the output contains only the tags and attributes
 * the renderer writes itself, links only to http(s), and no character outside a tag that could
 * start markup.
 */
class XssCorpusTest {
  private static final Pattern TAG = Pattern.compile("<(/?)([a-z]+)((?: [a-z]+=\"[^\"<>]*\")*)>");
  private static final Set<String> TAGS = Set.of("p", "br", "strong", "em", "ul", "ol", "li", "a");
  private static final Pattern ATTR = Pattern.compile(" ([a-z]+)=\"([^\"]*)\"");

  static Stream<String> corpus() {
    return Stream.of(
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<svg/onload=alert(1)>",
        "\"><script>alert(1)</script>",
        "' onmouseover='alert(1)",
        "[klick](javascript:alert(1))",
        "[klick](JaVaScRiPt:alert(1))",
        "[klick](java\tscript:alert(1))",
        "[klick](&#106;avascript:alert(1))",
        "[klick](&#x6A;avascript&colon;alert(1))",
        "[klick](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[klick](vbscript:msgbox(1))",
        "[klick](https://ok.example/\"onmouseover=\"alert(1))",
        "[klick](https://ok.example/'onmouseover='alert(1))",
        "[<img src=x onerror=alert(1)>](https://ok.example/)",
        "[x](https://a.example/)<script>",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "&#60;script&#62;alert(1)&#60;/script&#62;",
        "**<script>**alert(1)**</script>**",
        "*<i onclick=x>*",
        "- <li onclick=alert(1)>\n1. </ol><script>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<style>body{display:none}</style>",
        "<!-- <script> -->",
        "<![CDATA[<script>]]>",
        "\u202Egnp.exe <script>",
        "\u2066<b>\u2069",
        "\uFF1Cscript\uFF1E",
        "\u0000<script>\u0000",
        "[a](https://x.example/?q=<script>)",
        "[a](https://x.example/) onerror=alert(1)");
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void bodyRendersOnlyAllowedMarkup(String body) {
    assertSafe(BodyRenderer.render(body));
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void displayNamesAreEscapedTextWithoutBidiControls(String name) {
    String html = DisplayNames.html(name);
    assertThat(html).doesNotContain("<", ">", "\"", "'");
    assertThat(DisplayNames.clean(name)).doesNotContain("\u202E", "\u2066", "\u2069", "\u0000");
  }

  @Property(tries = 500)
  void randomHostileBodiesRenderOnlyAllowedMarkup(@ForAll("hostile") String body) {
    assertSafe(BodyRenderer.render(body));
  }

  @Provide
  Arbitrary<String> hostile() {
    return Arbitraries.of(List.of("<", ">", "\"", "'", "&", "#", ";", "*", "**", "_", "[", "]", "(", ")",
        "https://", "http://", "javascript:", "script", "on", "=", " ", "\n", "- ", "1. ", "\u202E", "x",
        "&#", "<a href=", "</p>", "`"))
        .list().ofMaxSize(40).map(parts -> String.join("", parts));
  }

  private static void assertSafe(String html) {
    Matcher m = TAG.matcher(html);
    StringBuilder outside = new StringBuilder();
    int last = 0;
    while (m.find()) {
      outside.append(html, last, m.start());
      last = m.end();
      String name = m.group(2);
      assertThat(TAGS).as("tag in %s", html).contains(name);
      Matcher attrs = ATTR.matcher(m.group(3));
      while (attrs.find()) {
        String attr = attrs.group(1);
        assertThat(name + "." + attr).as("attribute in %s", html).isIn("a.href", "a.rel");
        if (attr.equals("href")) {
          assertThat(attrs.group(2)).as("link target in %s", html).matches("(?i)https?://[^\\s\"'<>()]+");
        }
      }
    }
    outside.append(html.substring(last));
    assertThat(outside.toString()).as("text outside tags in %s", html).doesNotContain("<", ">", "\"");
    // "onerror=" or "javascript:" may appear as visible text; only markup would make them active
    assertThat(html.toLowerCase()).doesNotContain("<script", "<img", "<svg", "<iframe", "<style");
  }
}
