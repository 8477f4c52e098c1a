package org.pledgepad.crdt.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Traces the port is known to get wrong, per mode: "MODE trace-NNNN reason" lines in
 * src/test/resources/conformance/known-failures.txt. Each entry is a bug in the port with the
 * first failure the corpus found; fixing it means deleting the line. "FUZZ regex reason" lines
 * name exceptions and value differences of the live fuzz that come from the same known bugs,
 * "FUZZ-BYTES regex reason" lines byte differences (regex without spaces; use \\s).
 */
final class KnownFailures {
  static final String RESOURCE = "/conformance/known-failures.txt";
  private static Map<String, String> entries;
  private static final List<Pattern> fuzzPatterns = new ArrayList<>();
  private static final List<String> fuzzReasons = new ArrayList<>();
  private static final List<String> fuzzKinds = new ArrayList<>();

  private KnownFailures() {}

  static synchronized String reason(String mode, String trace) {
    load();
    return entries.get(mode + " " + trace);
  }

  /** The reason of the first entry of kind (FUZZ or FUZZ-BYTES) whose regex occurs in message, or null. */
  static synchronized String fuzzReason(String kind, String message) {
    load();
    for (int i = 0; i < fuzzPatterns.size(); i++) {
      if (fuzzKinds.get(i).equals(kind) && message != null && fuzzPatterns.get(i).matcher(message).find()) {
        return fuzzReasons.get(i);
      }
    }
    return null;
  }

  private static void load() {
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
            if (parts[0].equals("FUZZ") || parts[0].equals("FUZZ-BYTES")) {
              fuzzKinds.add(parts[0]);
              fuzzPatterns.add(Pattern.compile(parts[1]));
              fuzzReasons.add(parts.length > 2 ? parts[2] : parts[1]);
              continue;
            }
            entries.put(parts[0] + " " + parts[1], parts.length > 2 ? parts[2] : "listed");
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
