package org.pledgepad.loadgen;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.ID;
import org.pledgepad.crdt.Item;
import org.pledgepad.crdt.Y;
import org.pledgepad.crdt.YMap;
import org.pledgepad.crdt.YText;

/**
 * One simulated collaborator, the counterpart of a stock provider with its Y.Doc in
 * load-worker.mjs: a document of our CRDT, the text "text" it types into and the map "meta" in
 * which each edit records {s: sequence number, t: send time}. Lives on its lane's event loop.
 */
final class SimClient implements Peer {
  final Lane lane;
  final String documentName;
  final String key;
  final double phase = ThreadLocalRandom.current().nextDouble();
  final Doc doc = new Doc();
  final YText text = doc.getText("text");
  final YMap<Object> meta = doc.getMap("meta");
  /** Highest sequence number seen per sender key (deliveries are counted from it). */
  final Map<String, Long> last = new HashMap<>();
  final AwarenessStates awareness;
  private final Wire wire;
  long seq;
  /** seq at the start of the current step. */
  long stepBase;
  /** Window bounds of this client as a sender: seq at window start/end; -1 = no window. */
  long winStart = -1;
  long winEnd = Long.MAX_VALUE;
  /** The window of the step that ended last (-1: none): its edits arriving later count as late. */
  long lastWinStart = -1;
  long lastWinEnd = -1;
  boolean synced;
  boolean refused;
  WebSocket socket;
  /** Under TYPING=cursor: the character this client typed last, after which its run goes on. */
  private ID cursor;

  SimClient(Lane lane, Wire wire, String documentName, int index) {
    this.lane = lane;
    this.wire = wire;
    this.documentName = documentName;
    this.key = documentName + "#" + index;
    this.awareness = new AwarenessStates(doc.clientID, (long) lane.clock.nowMillis());
    // Encoded once per edit; remote updates carry this client as origin and are not sent back.
    doc.onUpdate((update, origin, d, tr) -> {
      if (origin != this) {
        send(wire.update(documentName, update));
      }
    });
    if (lane.mode == ClientMode.FULL) {
      meta.observe((event, tr) -> {
        if (!tr.local) {
          lane.observe(this, event.keysChanged);
        }
      });
    }
  }

  void opened(WebSocket ws) {
    socket = ws;
    for (byte[] frame : wire.opening(this, Y.encodeStateVector(doc), awareness.local())) {
      send(frame);
    }
  }

  void received(byte[] frame) {
    wire.receive(frame, this, this::send);
  }

  /**
   * One edit: a character (at a random place, or at the cursor: {@link Typing}) and this client's
   * entry, one transaction.
   */
  void edit() {
    seq++;
    long s = seq;
    double t = lane.clock.nowMillis();
    doc.transact(tr -> {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      Typing typing = lane.typing;
      Item left = typing.cursor() && cursor != null && random.nextInt(typing.run()) != 0
          ? Typist.itemEndingAt(tr, text, cursor) : null;
      Item typed = left != null ? Typist.typeAfter(tr, text, left, "x") : Typist.typeAtRandomPlace(tr, text, "x", random);
      cursor = typed.lastId();
      Map<String, Object> entry = new LinkedHashMap<>(4);
      entry.put("s", s);
      entry.put("t", t);
      meta.set(key, entry);
    });
  }

  void renewAwareness(long nowMs) {
    byte[] update = awareness.renewIfDue(nowMs);
    if (update != null && socket != null) {
      send(wire.awareness(documentName, update));
    }
  }

  private void send(byte[] frame) {
    if (socket != null && !socket.isClosed()) {
      socket.writeBinaryMessage(Buffer.buffer(frame));
    }
  }

  @Override
  public String documentName() {
    return documentName;
  }

  @Override
  public byte[] answerStep1(byte[] stateVector) {
    return Y.encodeStateAsUpdate(doc, stateVector);
  }

  @Override
  public void applyRemote(byte[] update, boolean step2) {
    if (lane.mode == ClientMode.FULL) {
      Y.applyUpdate(doc, update, this);
    } else if (!step2) {
      // The server's state at connect (step 2) holds no window edits and is not needed.
      lane.observe(this, update);
    }
    if (step2) {
      synced = true;
    }
  }

  @Override
  public byte[] applyAwareness(byte[] update) {
    return awareness.apply(update);
  }

  @Override
  public byte[] allAwareness() {
    return awareness.all();
  }

  @Override
  public void denied() {
    refused = true;
  }
}
