package org.pledgepad.crdt.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Traces the port is known to get wrong, per mode: "MODE trace-NNNN reason" lines in
 * src/test/resources/conformance/known-failures.txt. Each entry is a bug in the port with the
 * first failure the corpus found; fixing it means deleting the line.
 */
final class KnownFailures {
  static final String RESOURCE = "/conformance/known-failures.txt";
  private static Map<String, String> entries;

  private KnownFailures() {}

  static synchronized String reason(String mode, String trace) {
    if (entries == null) {
      entries = new HashMap<>();
      try (InputStream in = KnownFailures.class.getResourceAsStream(RESOURCE)) {
        if (in != null) {
          BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
          for (String line = r.readLine(); line != null; line = r.readLine()) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
              continue;
            }
            String[] parts = line.split("\\s+", 3);
            entries.put(parts[0] + " " + parts[1], parts.length > 2 ? parts[2] : "listed");
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return entries.get(mode + " " + trace);
  }
}
