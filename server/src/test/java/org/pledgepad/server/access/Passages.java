package org.pledgepad.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.DocOptions;
import org.pledgepad.crdt.RelativePosition;
import org.pledgepad.crdt.Y;
import org.pledgepad.crdt.YXmlElement;
import org.pledgepad.crdt.YXmlText;
import org.pledgepad.server.access.SyncClient.Protocol;

/**
 * Writes a paragraph into a fresh root of a document (shaped like the editor's content) through
 * Hocuspocus and waits for the server's SyncStatus, so that the text is in the live document
 * before anything is anchored to it; returns the base64 relative positions around some words.
 */
final class Passages {
  static final String TEXT = "Die Stadt fördert offene Daten und freie Software.";
  private static final AtomicLong CLIENT_IDS = new AtomicLong(420_000);
  private static final AtomicLong ROOTS = new AtomicLong();

  /** Anchors of one passage, as the annotation API takes them. */
  record Passage(String start, String end) {}

  private Passages() {}

  static Passage write(String wsBase, String document, String writerToken, String words) throws Exception {
    Doc local = new Doc(new DocOptions().clientID(CLIENT_IDS.incrementAndGet()));
    YXmlElement paragraph = new YXmlElement("paragraph");
    local.getXmlFragment("passage-" + ROOTS.incrementAndGet()).insert(0, List.of(paragraph));
    YXmlText t = new YXmlText();
    paragraph.insert(0, List.of(t));
    t.insert(0, TEXT);
    try (SyncClient c = SyncClient.connect(Protocol.HOCUSPOCUS, wsBase, document, writerToken, Map.of())) {
      assertThat(c.until(m -> m.type() == 2).get(0).text()).isEqualTo("read-write");
      c.until(m -> m.type() == 0 && m.sub() == 0);
      c.sendUpdate(Y.encodeStateAsUpdate(local));
      assertThat(c.until(m -> m.type() == 8).stream().reduce((a, b) -> b).orElseThrow().sub())
          .as("passage stored").isEqualTo(1);
    }
    int i = TEXT.indexOf(words);
    Base64.Encoder b64 = Base64.getEncoder();
    return new Passage(
        b64.encodeToString(RelativePosition.encodeRelativePosition(RelativePosition.createRelativePositionFromTypeIndex(t, i))),
        b64.encodeToString(RelativePosition.encodeRelativePosition(
            RelativePosition.createRelativePositionFromTypeIndex(t, i + words.length()))));
  }
}
