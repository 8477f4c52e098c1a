package org.pledgepad.server.access;

import java.util.ArrayList;
import java.util.List;
import org.pledgepad.auth.clientid.ClockRange;
import org.pledgepad.crdt.AbstractStruct;
import org.pledgepad.crdt.Skip;
import org.pledgepad.crdt.Updates;

/** Which clientIDs and clocks an update writes: what the clientID ownership check admits. */
public final class StructRuns {
  private StructRuns() {}

  /** The runs of a logged update (decoded here: logged updates are not parsed on arrival). */
  public static List<ClockRange> of(byte[] update) {
    return of(Updates.decodeUpdate(update).structs);
  }

  /** One range per run of consecutive structs of a client; Skip structs excluded. */
  public static List<ClockRange> of(List<AbstractStruct> structs) {
    List<ClockRange> out = new ArrayList<>(2); // an edit has one run; room for more grows on demand
    long client = -1;
    long first = -1;
    long next = -1;
    for (AbstractStruct s : structs) {
      if (s instanceof Skip || s.length <= 0) {
        if (client >= 0) {
          out.add(new ClockRange(client, first, next - 1));
          client = -1;
        }
        continue;
      }
      if (client == s.client && s.clock == next) {
        next += s.length;
        continue;
      }
      if (client >= 0) {
        out.add(new ClockRange(client, first, next - 1));
      }
      client = s.client;
      first = s.clock;
      next = first + s.length;
    }
    if (client >= 0) {
      out.add(new ClockRange(client, first, next - 1));
    }
    return out;
  }
}
