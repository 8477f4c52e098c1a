package org.pledgepad.server.doc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.DocOptions;
import org.pledgepad.crdt.Y;
import org.pledgepad.crdt.YText;
import org.pledgepad.crdt.YXmlElement;
import org.pledgepad.crdt.YXmlFragment;
import org.pledgepad.crdt.YXmlText;

/**
 * A received update is parsed on arrival and applied after its commit, with other updates
 * applied in between: the document must end as if each update's bytes had been applied then.
 * The deliveries mimic what converge.mjs (CollaborationIntegrationTest) makes the server see:
 * text, map and XML edits of several peers, peers that reconnect and resend what the server's
 * stale state vector lacks (overlapping what is still waiting to commit, so structs integrate
 * at an offset or are skipped), out-of-order arrivals that leave structs pending.
 */
class ReceivedUpdateTest {
  private static final String[] WORDS = {"Glasfaser ", "Datenschutz ", "ÄÖÜß ", "Smart City "};

  @Test
  void parsedOnArrivalAndAppliedAfterOthersEndsAsTheBytesWould() {
    for (long seed = 1; seed <= 300; seed++) {
      deliver(seed);
    }
  }

  private static void deliver(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Doc[] peers = new Doc[3];
    List<List<byte[]>> sent = new ArrayList<>();
    for (int i = 0; i < peers.length; i++) {
      peers[i] = new Doc(new DocOptions().clientID(100 + i));
      List<byte[]> own = new ArrayList<>();
      sent.add(own);
      peers[i].onUpdate((u, origin, d, tr) -> {
        if (origin == null) { // local edits only; what a peer received is not sent back
          own.add(u);
        }
      });
    }
    YjsDocument bytesApplied = new YjsDocument();
    YjsDocument parsedApplied = new YjsDocument();
    List<byte[]> queue = new ArrayList<>();
    List<ReceivedUpdate> parsedQueue = new ArrayList<>();
    for (int step = 0; step < 60; step++) {
      int who = r.nextInt(peers.length);
      Doc p = peers[who];
      edit(p, r);
      if (r.nextInt(5) == 0) { // a reconnect: the peer resends what a stale vector lacks
        byte[] staleVector = Y.encodeStateVector(peers[(who + 1) % peers.length]);
        sent.get(who).add(Y.encodeStateAsUpdate(p, staleVector));
      }
      if (r.nextInt(4) == 0) { // peers sync among themselves (their later edits depend on it)
        Doc q = peers[r.nextInt(peers.length)];
        Y.applyUpdate(q, Y.encodeStateAsUpdate(p, Y.encodeStateVector(q)), "sync");
      }
      // arrivals: some peers' queued messages reach the server, sometimes swapped
      for (List<byte[]> own : sent) {
        if (!own.isEmpty() && r.nextInt(3) == 0) {
          int at = own.size() > 1 && r.nextInt(6) == 0 ? 1 : 0;
          byte[] u = own.remove(at);
          queue.add(u);
          parsedQueue.add(parsedApplied.parse(u));
        }
      }
      if (r.nextInt(3) == 0) { // a group commit: everything queued is applied in order
        commit(bytesApplied, parsedApplied, queue, parsedQueue, seed, step);
      }
    }
    for (List<byte[]> own : sent) {
      for (byte[] u : own) {
        queue.add(u);
        parsedQueue.add(parsedApplied.parse(u));
      }
    }
    commit(bytesApplied, parsedApplied, queue, parsedQueue, seed, -1);
  }

  private static void commit(YjsDocument bytesApplied, YjsDocument parsedApplied, List<byte[]> queue,
      List<ReceivedUpdate> parsedQueue, long seed, int step) {
    for (int i = 0; i < queue.size(); i++) {
      bytesApplied.apply(queue.get(i));
      parsedApplied.apply(parsedQueue.get(i));
    }
    queue.clear();
    parsedQueue.clear();
    assertThat(parsedApplied.encodeState()).as("seed %d step %d", seed, step).isEqualTo(bytesApplied.encodeState());
    assertThat(parsedApplied.stateVector()).as("seed %d step %d", seed, step).isEqualTo(bytesApplied.stateVector());
  }

  private static void edit(Doc p, SplittableRandom r) {
    YText text = p.getText("text");
    int op = r.nextInt(6);
    if (op <= 1) {
      text.insert(r.nextInt(text.length() + 1), WORDS[r.nextInt(WORDS.length)]);
    } else if (op == 2 && text.length() > 0) {
      int at = r.nextInt(text.length());
      text.delete(at, Math.min(1 + r.nextInt(4), text.length() - at));
    } else if (op == 3) {
      p.getMap("map").set("k" + r.nextInt(5), (long) r.nextInt(1000));
    } else {
      YXmlFragment xml = p.getXmlFragment("default");
      if (op == 5 && xml.length() > 2) {
        xml.delete(r.nextInt(xml.length()), 1);
      } else {
        YXmlElement paragraph = new YXmlElement("paragraph");
        paragraph.insert(0, List.of(new YXmlText(WORDS[r.nextInt(WORDS.length)])));
        xml.insert(r.nextInt(xml.length() + 1), List.of(paragraph));
      }
    }
  }
}
