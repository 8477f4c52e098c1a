package org.pledgepad.crdt.conformance;

import org.opentest4j.AssertionFailedError;

/** Byte-for-byte comparison whose failure message names the first differing byte. */
final class Bytes {
  private Bytes() {}

  /** Index of the first differing byte, or -1 when equal. */
  static int firstDifference(byte[] expected, byte[] actual) {
    int n = Math.min(expected.length, actual.length);
    for (int i = 0; i < n; i++) {
      if (expected[i] != actual[i]) {
        return i;
      }
    }
    return expected.length == actual.length ? -1 : n;
  }

  static void assertSame(String what, byte[] expected, byte[] actual) {
    if (expected == null && actual == null) {
      return;
    }
    if (expected == null || actual == null) {
      throw new AssertionFailedError(what + ": expected " + (expected == null ? "no bytes" : expected.length + " bytes")
          + " but got " + (actual == null ? "no bytes" : actual.length + " bytes"));
    }
    int i = firstDifference(expected, actual);
    if (i < 0) {
      return;
    }
    throw new AssertionFailedError(what + ": first differing byte at offset " + i + " (expected "
        + (i < expected.length ? hex(expected[i]) : "end") + ", got " + (i < actual.length ? hex(actual[i]) : "end")
        + "; lengths " + expected.length + "/" + actual.length + ")\n  expected " + window(expected, i)
        + "\n  actual   " + window(actual, i) + "\n  expected base64 " + Corpus.b64(expected)
        + "\n  actual base64   " + Corpus.b64(actual));
  }

  private static String hex(byte b) {
    return String.format("0x%02x", b & 0xff);
  }

  /** Hex dump of the bytes around offset i, the differing byte in brackets. */
  static String window(byte[] b, int i) {
    StringBuilder sb = new StringBuilder();
    int from = Math.max(0, i - 16);
    int to = Math.min(b.length, i + 16);
    sb.append('@').append(from).append(": ");
    for (int k = from; k < to; k++) {
      String h = String.format("%02x", b[k] & 0xff);
      sb.append(k == i ? "[" + h + "]" : h).append(' ');
    }
    if (i >= b.length) {
      sb.append("[end]");
    }
    return sb.toString();
  }
}
