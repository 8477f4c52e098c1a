package org.pledgepad.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Every OpenAPI file the server serves parses as YAML and describes paths. history.yaml did not
 * parse for sessions (an unescaped apostrophe in a single-quoted description), and the tests that
 * fetched it only looked for a path's name in its text.
 */
class OpenApiFilesTest {
  @ParameterizedTest
  @ValueSource(strings = {"annotations", "documents", "history", "pledges", "privacy", "tokens"})
  void parsesAndDescribesPaths(String name) throws IOException {
    try (InputStream in = OpenApiFilesTest.class.getResourceAsStream("/openapi/" + name + ".yaml")) {
      assertThat(in).as(name).isNotNull();
      Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
      assertThat(doc).containsKeys("openapi", "info", "paths");
      assertThat((Map<?, ?>) doc.get("paths")).isNotEmpty();
    }
  }
}
