package org.pledgepad.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/**
 * A hostile export whose updates.bin never ends: a zip local header (sizes unknown, data
 * descriptor flagged) followed by the same fully flushed deflate block of 1 MiB of zeros, over
 * and over. Each block stands alone, so the stream inflates forever from about 1 KB per MiB.
 */
class ExportZipBombTest {
  private static final int MIB = 1 << 20;

  @Test
  void anEntryInflatingBeyondTheLimitIsRefusedByNameBeforeItIsRead() {
    EndlessEntry bomb = new EndlessEntry(HistoryExport.UPDATES);

    assertThatThrownBy(() -> HistoryExport.read(bomb))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("updates.bin")
        .hasMessageContaining((HistoryExport.MAX_ENTRY >> 20) + " MiB");
    // The reader stopped at the limit: it inflated no more than a few blocks past it.
    assertThat(HistoryExport.MAX_ENTRY).isLessThanOrEqualTo(512 * MIB);
    assertThat(bomb.blocksServed).isLessThan(HistoryExport.MAX_ENTRY / MIB + 8);
  }

  /** Local file header, then deflate blocks without end. */
  private static final class EndlessEntry extends InputStream {
    private final byte[] header;
    private final byte[] block = zerosBlock();
    private long pos;
    long blocksServed;

    EndlessEntry(String name) {
      byte[] n = name.getBytes(StandardCharsets.UTF_8);
      header = ByteBuffer.allocate(30 + n.length).order(ByteOrder.LITTLE_ENDIAN)
          .putInt(0x04034b50).putShort((short) 20).putShort((short) 0x0008).putShort((short) 8)
          .putShort((short) 0).putShort((short) 0x21) // time, date
          .putInt(0).putInt(0).putInt(0) // crc and sizes follow the data (never)
          .putShort((short) n.length).putShort((short) 0).put(n).array();
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos < header.length) {
        int n = (int) Math.min(len, header.length - pos);
        System.arraycopy(header, (int) pos, b, off, n);
        pos += n;
        return n;
      }
      long inBlock = (pos - header.length) % block.length;
      if (inBlock == 0) {
        blocksServed++;
      }
      int n = (int) Math.min(len, block.length - inBlock);
      System.arraycopy(block, (int) inBlock, b, off, n);
      pos += n;
      return n;
    }

    private static byte[] zerosBlock() {
      Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
      d.setInput(new byte[MIB]);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      int n;
      while ((n = d.deflate(buf, 0, buf.length, Deflater.FULL_FLUSH)) > 0) {
        out.write(buf, 0, n);
      }
      d.end();
      return out.toByteArray();
    }
  }
}
