package org.pledgepad.crdt;

// Not in Yjs 13.6.33: the assembling half of UpdateSplitter.

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pledgepad.crdt.lib0.Encoder;

/**
 * Fills v1 updates of at most {@code maxBytes} with structs (in the order given, one client
 * section per client and part) and then delete ranges. Sizes are counted as the bytes are
 * chosen; counts whose value is known only when a part closes are reserved at their largest
 * varUint size, so a part may come out a few bytes below the budget, never above (except the
 * single-unit parts {@link UpdateSplitter} documents).
 */
final class UpdatePartWriter {
  /** Largest varUint of a count (structs, sections, clients, ranges: all below 2^32). */
  private static final int COUNT_BYTES = 5;
  /** An empty part: the section count and the delete-set client count. */
  private static final int PART_BYTES = 2 * COUNT_BYTES;

  private static final class Section {
    final long client;
    final long startClock;
    long nextClock;
    long count;
    final Encoder structs = new Encoder();

    Section(long client, long startClock) {
      this.client = client;
      this.startClock = startClock;
      this.nextClock = startClock;
    }
  }

  private final int maxBytes;
  private final List<byte[]> parts = new ArrayList<>();
  private final List<Section> sections = new ArrayList<>();
  private final Map<Long, List<DeleteItem>> deletes = new LinkedHashMap<>();
  private long size = PART_BYTES;

  UpdatePartWriter(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  void addStruct(AbstractStruct struct) {
    AbstractStruct rest = struct;
    while (rest != null) {
      if (rest instanceof Skip && !continuesOpenSection(rest)) {
        return; // a gap at the start of a section: the section simply starts after it
      }
      byte[] encoded = encode(rest);
      long header = continuesOpenSection(rest) ? 0 : sectionHeader(rest.id());
      if (size + header + encoded.length <= maxBytes) {
        append(rest, encoded);
        return;
      }
      if (!isEmpty()) {
        closePart(); // the struct may fit whole into a fresh part
        continue;
      }
      AbstractStruct[] cut = StructCutter.cut(rest, encoded.length, maxBytes - size - header);
      if (cut == null) {
        append(rest, encoded); // cannot be cut: alone, over the budget
        closePart();
        return;
      }
      append(cut[0], encode(cut[0]));
      closePart();
      rest = cut[1];
    }
  }

  void addDeleteSet(DeleteSet ds) {
    for (Map.Entry<Long, ArrayList<DeleteItem>> e : ds.clients.entrySet()) {
      long client = e.getKey();
      for (DeleteItem range : e.getValue()) {
        long cost = varUintSize(range.clock) + varUintSize(range.len);
        long header = deletes.containsKey(client) ? 0 : varUintSize(client) + COUNT_BYTES;
        if (size + header + cost > maxBytes && !isEmpty()) {
          closePart();
          header = varUintSize(client) + COUNT_BYTES;
        }
        deletes.computeIfAbsent(client, k -> new ArrayList<>()).add(range);
        size += header + cost;
      }
    }
  }

  List<byte[]> finish() {
    if (!isEmpty() || parts.isEmpty()) {
      closePart();
    }
    return parts;
  }

  private boolean isEmpty() {
    return sections.isEmpty() && deletes.isEmpty();
  }

  private boolean continuesOpenSection(AbstractStruct s) {
    if (sections.isEmpty()) {
      return false;
    }
    Section open = sections.get(sections.size() - 1);
    return open.client == s.client && open.nextClock == s.clock;
  }

  private static long sectionHeader(ID id) {
    return COUNT_BYTES + varUintSize(id.client) + varUintSize(id.clock);
  }

  private void append(AbstractStruct s, byte[] encoded) {
    if (!continuesOpenSection(s)) {
      if (!sections.isEmpty() && sections.get(sections.size() - 1).client == s.client) {
        // Never happens for a valid update (a client's structs are contiguous); a second
        // section of one client in one part would be read as replacing the first.
        closePart();
      }
      sections.add(new Section(s.client, s.clock));
      size += sectionHeader(s.id());
    }
    Section open = sections.get(sections.size() - 1);
    open.structs.writeUint8Array(encoded);
    open.count++;
    open.nextClock = s.clock + s.length;
    size += encoded.length;
  }

  private void closePart() {
    Encoder e = new Encoder();
    e.writeVarUint(sections.size());
    for (Section s : sections) {
      e.writeVarUint(s.count);
      e.writeVarUint(s.client);
      e.writeVarUint(s.startClock);
      e.writeUint8Array(s.structs.toUint8Array());
    }
    e.writeVarUint(deletes.size());
    for (Map.Entry<Long, List<DeleteItem>> d : deletes.entrySet()) {
      e.writeVarUint(d.getKey());
      e.writeVarUint(d.getValue().size());
      for (DeleteItem range : d.getValue()) {
        e.writeVarUint(range.clock);
        e.writeVarUint(range.len);
      }
    }
    parts.add(e.toUint8Array());
    sections.clear();
    deletes.clear();
    size = PART_BYTES;
  }

  static int varUintSize(long n) {
    int bytes = 1;
    while (n >= 0x80) {
      n >>>= 7;
      bytes++;
    }
    return bytes;
  }

  static byte[] encode(AbstractStruct s) {
    UpdateEncoderV1 e = new UpdateEncoderV1();
    s.write(e, 0);
    return e.toUint8Array();
  }
}
