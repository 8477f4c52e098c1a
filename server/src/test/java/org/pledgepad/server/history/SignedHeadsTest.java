package org.pledgepad.server.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.history.Checkpoint;

class SignedHeadsTest {
  @TempDir
  Path dataDir;

  private static Checkpoint signed(String doc, long seq, int hashByte) {
    byte[] head = new byte[32];
    head[0] = (byte) hashByte;
    return new Checkpoint(doc, seq, head, 1L, "k", new byte[64]);
  }

  @Test
  void headsSurviveARestartAndOnlyAdvance() throws IOException {
    assertThat(SignedHeads.loadIfPresent(dataDir)).as("verify never creates the file").isNull();
    SignedHeads heads = SignedHeads.open(dataDir);
    heads.remember(List.of(signed("a", 6, 1), signed("b", 3, 2)));
    heads.remember(List.of(signed("a", 4, 9))); // an older head signed late (another round) is ignored

    SignedHeads reread = SignedHeads.loadIfPresent(dataDir);
    assertThat(reread.get("a").seq()).isEqualTo(6);
    assertThat(reread.get("a").hash()[0]).isEqualTo((byte) 1);
    assertThat(reread.get("b").seq()).isEqualTo(3);
    assertThat(reread.get("c")).isNull();
  }

  @Test
  void anUnreadableFileStopsTheStartInsteadOfForgetting() throws IOException {
    // An empty memory would sign a log rewritten from genesis again.
    Files.writeString(dataDir.resolve(SignedHeads.FILE), "{\"documents\": {\"a\": {\"seq\": ");
    assertThatThrownBy(() -> SignedHeads.open(dataDir)).isInstanceOf(IOException.class)
        .hasMessageContaining(SignedHeads.FILE);
  }
}
