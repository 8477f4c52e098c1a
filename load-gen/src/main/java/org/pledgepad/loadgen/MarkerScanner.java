package org.pledgepad.loadgen;

import java.util.Arrays;
import java.util.Map;
import org.pledgepad.crdt.lib0.Decoder;
import org.pledgepad.crdt.lib0.DecodingException;

// The struct layout of a Yjs v1 update (yjs 13.6 encoding.js readClientsStructRefs and the
// readContent* functions): per client a struct count, the client and its first clock, then per
// struct an info byte whose low 5 bits give the content ref (0 GC, 10 Skip), bit 7/6 an origin /
// right origin ID, and, when both are absent, the parent (a root name or an ID) and, with bit 5,
// the map key. The delete set that follows is not needed.

/**
 * The latency markers of a received update without integrating it into a document: the lean
 * client's receive path. Every any-valued item is one sender's map entry {s, t}: in the
 * generator's documents the text holds only strings, and map entries are the only any content.
 * Which key an entry belongs to is not on the wire once the entry has an origin (Yjs copies the
 * parent from the origin), so entries are reported by the sender's client ID.
 */
final class MarkerScanner {
  private static final int YXML_ELEMENT = 3;
  private static final int YXML_HOOK = 5;

  private MarkerScanner() {}

  /** Adds each {s, t} entry of the v1 {@code update} to {@code out}. */
  static void scan(byte[] update, Markers out) {
    Decoder d = new Decoder(update);
    long clients = d.readVarUint();
    for (long c = 0; c < clients; c++) {
      long structs = d.readVarUint();
      long client = d.readVarUint();
      d.readVarUint(); // first clock
      for (long i = 0; i < structs; i++) {
        int info = d.readUint8();
        int ref = info & 31;
        if (ref == 0 || ref == 10) { // GC or Skip: a length
          d.readVarUint();
          continue;
        }
        if ((info & 0x80) != 0) {
          skipId(d);
        }
        if ((info & 0x40) != 0) {
          skipId(d);
        }
        if ((info & 0xC0) == 0) {
          if (d.readVarUint() == 1) {
            skipString(d); // parent: a root type's name
          } else {
            skipId(d); // parent: a nested type's ID
          }
          if ((info & 0x20) != 0) {
            skipString(d); // the map key
          }
        }
        skipOrReadContent(d, ref, client, out);
      }
    }
  }

  private static void skipOrReadContent(Decoder d, int ref, long client, Markers out) {
    switch (ref) {
      case 1 -> d.readVarUint(); // deleted: a length
      case 2 -> { // JSON: n strings
        long n = d.readVarUint();
        for (long k = 0; k < n; k++) {
          skipString(d);
        }
      }
      case 3 -> skipString(d); // binary: same framing as a string
      case 4, 5 -> skipString(d); // string, embed (JSON text)
      case 6 -> { // format: key and JSON value
        skipString(d);
        skipString(d);
      }
      case 7 -> {
        int typeRef = (int) d.readVarUint();
        if (typeRef == YXML_ELEMENT || typeRef == YXML_HOOK) {
          skipString(d); // node name / hook name
        }
      }
      case 8 -> {
        long n = d.readVarUint();
        for (long k = 0; k < n; k++) {
          if (d.readAny() instanceof Map<?, ?> entry && entry.get("s") instanceof Number s
              && entry.get("t") instanceof Number t) {
            out.add(client, s.longValue(), t.doubleValue());
          }
        }
      }
      case 9 -> { // subdocument: guid and options
        skipString(d);
        d.readAny();
      }
      default -> throw new DecodingException("unexpected content ref " + ref);
    }
  }

  private static void skipId(Decoder d) {
    d.readVarUint();
    d.readVarUint();
  }

  private static void skipString(Decoder d) {
    d.skip(d.readVarUint());
  }

  /**
   * Reusable result of a scan: per entry the sender's client ID, s and t. A receiver keeps only
   * the highest s per sender of one frame, as a map observer sees only an entry's newest value.
   */
  static final class Markers {
    private long[] clients = new long[4];
    private long[] seqs = new long[4];
    private double[] times = new double[4];
    private int size;

    void clear() {
      size = 0;
    }

    int size() {
      return size;
    }

    void add(long client, long s, double t) {
      for (int i = 0; i < size; i++) {
        if (clients[i] == client) {
          if (s > seqs[i]) {
            seqs[i] = s;
            times[i] = t;
          }
          return;
        }
      }
      if (size == clients.length) {
        clients = Arrays.copyOf(clients, size * 2);
        seqs = Arrays.copyOf(seqs, size * 2);
        times = Arrays.copyOf(times, size * 2);
      }
      clients[size] = client;
      seqs[size] = s;
      times[size] = t;
      size++;
    }

    long client(int i) {
      return clients[i];
    }

    long seq(int i) {
      return seqs[i];
    }

    double time(int i) {
      return times[i];
    }
  }
}
