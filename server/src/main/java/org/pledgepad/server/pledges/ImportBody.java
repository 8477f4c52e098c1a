package org.pledgepad.server.pledges;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The body of an import as text. Only UTF-8 is read: a file saved by an office program in
 * Windows-1252 or Latin-1 would otherwise lose every umlaut to U+FFFD without a word, so invalid
 * bytes are refused with the line they are on. A leading byte-order mark (some editors write one)
 * is dropped; kept, it would make the first heading line a preamble paragraph.
 */
final class ImportBody {
  /** The body is not UTF-8; {@code line} (1-based) holds the first byte that is not. */
  static final class NotUtf8Exception extends Exception {
    private final int line;

    NotUtf8Exception(int line) {
      super("not UTF-8 at line " + line);
      this.line = line;
    }

    int line() {
      return line;
    }
  }

  private ImportBody() {}

  static String decode(byte[] bytes) throws NotUtf8Exception {
    int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length - start);   // UTF-8 never gives more chars than bytes
    CoderResult r = decoder.decode(in, out, true);
    if (!r.isError()) {
      r = decoder.flush(out);
    }
    if (r.isError()) {
      throw new NotUtf8Exception(lineAt(bytes, start, in.position()));
    }
    return out.flip().toString();
  }

  private static int lineAt(byte[] bytes, int from, int offset) {
    int line = 1;
    for (int i = from; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }
}
