package org.pledgepad.crdt.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.pledgepad.crdt.lib0.Json;

/**
 * The corpus of traces recorded from the real yjs package by crdt/conformance/generate.mjs:
 * gzip JSON lines, a header line and then one trace per line. Traces stay as parsed JSON
 * (maps and lists) because the format is defined by the generator, not by Java classes.
 */
final class Corpus {
  static final String RESOURCE = "/conformance/corpus.jsonl.gz";

  final Map<String, Object> header;
  final List<Map<String, Object>> traces;

  private Corpus(Map<String, Object> header, List<Map<String, Object>> traces) {
    this.header = header;
    this.traces = traces;
  }

  private static Corpus cached;

  static synchronized Corpus load() {
    if (cached != null) {
      return cached;
    }
    // -Dconformance.corpus=<file> runs the test over another generated corpus (e.g. another seed)
    String other = System.getProperty("conformance.corpus");
    try (InputStream raw = other != null ? Files.newInputStream(Path.of(other)) : Corpus.class.getResourceAsStream(RESOURCE)) {
      if (raw == null) {
        throw new IllegalStateException("corpus resource " + RESOURCE + " is missing; regenerate it: "
            + "cd crdt/conformance && npm ci && npm run generate");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw, 1 << 16), StandardCharsets.UTF_8));
      Map<String, Object> header = map(Json.parse(r.readLine()));
      List<Map<String, Object>> traces = new ArrayList<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isEmpty()) {
          traces.add(map(Json.parse(line)));
        }
      }
      cached = new Corpus(header, traces);
      return cached;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object o) {
    return (List<Object>) o;
  }

  static int integer(Object o) {
    return ((Number) o).intValue();
  }

  static byte[] bytes(Object b64) {
    return b64 == null ? null : Base64.getDecoder().decode((String) b64);
  }

  static String b64(byte[] bytes) {
    return bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
  }
}
