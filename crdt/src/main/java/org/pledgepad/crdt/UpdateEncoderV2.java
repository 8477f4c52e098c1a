package org.pledgepad.crdt;

// Follows yjs/src/utils/UpdateEncoder.js (yjs 13.6.33): class UpdateEncoderV2.

import java.util.HashMap;
import java.util.Map;
import org.pledgepad.crdt.lib0.Encoder;
import org.pledgepad.crdt.lib0.IntDiffOptRleEncoder;
import org.pledgepad.crdt.lib0.RleEncoder;
import org.pledgepad.crdt.lib0.StringEncoder;
import org.pledgepad.crdt.lib0.UintOptRleEncoder;

/**
 * The v2 update format: each kind of field goes to its own compressed column; toUint8Array
 * writes a feature flag (0), the nine columns as varUint8Arrays in a fixed order, then the rest
 * stream without a length prefix.
 */
public class UpdateEncoderV2 extends DSEncoderV2 implements UpdateEncoder {
  /**
   * Key cache. Yjs never fills it (the reader side used to read keys as plain strings, see the
   * note in UpdateEncoder.js), so every key is written out with a fresh key clock; kept empty
   * here for the same bytes.
   */
  final Map<String, Long> keyMap = new HashMap<>();

  long keyClock = 0;
  final IntDiffOptRleEncoder keyClockEncoder = new IntDiffOptRleEncoder();
  final UintOptRleEncoder clientEncoder = new UintOptRleEncoder();
  final IntDiffOptRleEncoder leftClockEncoder = new IntDiffOptRleEncoder();
  final IntDiffOptRleEncoder rightClockEncoder = new IntDiffOptRleEncoder();
  final RleEncoder infoEncoder = new RleEncoder();
  final StringEncoder stringEncoder = new StringEncoder();
  final RleEncoder parentInfoEncoder = new RleEncoder();
  final UintOptRleEncoder typeRefEncoder = new UintOptRleEncoder();
  final UintOptRleEncoder lenEncoder = new UintOptRleEncoder();

  @Override
  public byte[] toUint8Array() {
    Encoder encoder = new Encoder(restEncoder.length() + 64);
    encoder.writeVarUint(0); // feature flag, reserved by Yjs
    encoder.writeVarUint8Array(keyClockEncoder.toUint8Array());
    encoder.writeVarUint8Array(clientEncoder.toUint8Array());
    encoder.writeVarUint8Array(leftClockEncoder.toUint8Array());
    encoder.writeVarUint8Array(rightClockEncoder.toUint8Array());
    encoder.writeVarUint8Array(infoEncoder.toUint8Array());
    encoder.writeVarUint8Array(stringEncoder.toUint8Array());
    encoder.writeVarUint8Array(parentInfoEncoder.toUint8Array());
    encoder.writeVarUint8Array(typeRefEncoder.toUint8Array());
    encoder.writeVarUint8Array(lenEncoder.toUint8Array());
    encoder.writeUint8Array(restEncoder.toUint8Array());
    return encoder.toUint8Array();
  }

  @Override
  public void writeLeftID(long client, long clock) {
    clientEncoder.write(client);
    leftClockEncoder.write(clock);
  }

  @Override
  public void writeRightID(long client, long clock) {
    clientEncoder.write(client);
    rightClockEncoder.write(clock);
  }

  @Override
  public void writeClient(long client) {
    clientEncoder.write(client);
  }

  @Override
  public void writeInfo(int info) {
    infoEncoder.write(info);
  }

  @Override
  public void writeString(String s) {
    stringEncoder.write(s);
  }

  @Override
  public void writeParentInfo(boolean isYKey) {
    parentInfoEncoder.write(isYKey ? 1 : 0);
  }

  @Override
  public void writeTypeRef(int info) {
    typeRefEncoder.write(info);
  }

  @Override
  public void writeLen(long len) {
    lenEncoder.write(len);
  }

  @Override
  public void writeAny(Object any) {
    restEncoder.writeAny(any);
  }

  @Override
  public void writeBuf(byte[] buf) {
    restEncoder.writeVarUint8Array(buf);
  }

  /** v2 writes embeds and format values as Any, not as JSON text. */
  @Override
  public void writeJSON(Object embed) {
    restEncoder.writeAny(embed);
  }

  @Override
  public void writeKey(String key) {
    Long clock = keyMap.get(key);
    if (clock == null) {
      keyClockEncoder.write(keyClock++);
      stringEncoder.write(key);
    } else {
      keyClockEncoder.write(clock);
    }
  }
}
