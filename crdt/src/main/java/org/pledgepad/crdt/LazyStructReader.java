package org.pledgepad.crdt;

// Follows yjs/src/utils/updates.js (yjs 13.6.33): LazyStructReader and lazyStructReaderGenerator.

import org.pledgepad.crdt.lib0.DecodingException;

/**
 * Reads the structs of an update one at a time without a document, so that updates can be
 * merged, diffed and inspected without applying them. Item parents stay IDs or root names.
 */
public final class LazyStructReader {
  private final UpdateDecoder decoder;
  private final boolean filterSkips;
  /** Shared with the delete set that follows the structs. */
  final UpdateLimits.Budget budget;
  private long numOfStateUpdates;
  private long stateUpdate = 0;
  private long structsLeft = 0;
  private long client;
  private long clock;
  private boolean started = false;
  public AbstractStruct curr = null;
  public boolean done = false;

  public LazyStructReader(UpdateDecoder decoder, boolean filterSkips) {
    this(decoder, filterSkips, UpdateLimits.DEFAULT.budget(decoder.restDecoder().arr.length));
  }

  LazyStructReader(UpdateDecoder decoder, boolean filterSkips, UpdateLimits.Budget budget) {
    this.decoder = decoder;
    this.filterSkips = filterSkips;
    this.budget = budget;
    next();
  }

  private AbstractStruct gen() {
    if (!started) {
      started = true;
      numOfStateUpdates = decoder.restDecoder().readVarUint();
      budget.checkClients(numOfStateUpdates);
    }
    while (structsLeft == 0) {
      if (stateUpdate >= numOfStateUpdates) {
        done = true;
        return null;
      }
      stateUpdate++;
      structsLeft = decoder.restDecoder().readVarUint();
      client = decoder.readClient();
      clock = decoder.restDecoder().readVarUint();
      budget.takeStructs(structsLeft);
    }
    structsLeft--;
    int info = decoder.readInfo();
    AbstractStruct s;
    if (info == 10) {
      long len = decoder.restDecoder().readVarUint();
      if (len == 0) {
        throw new DecodingException("empty Skip struct");
      }
      s = new Skip(new ID(client, clock), len);
    } else if ((info & 31) != 0) {
      boolean cantCopyParentInfo = (info & (0x40 | 0x80)) == 0;
      ID origin = (info & 0x80) == 0x80 ? decoder.readLeftID() : null;
      ID rightOrigin = (info & 0x40) == 0x40 ? decoder.readRightID() : null;
      Object parent = null;
      if (cantCopyParentInfo) {
        parent = decoder.readParentInfo() ? decoder.readString() : decoder.readLeftID();
      }
      String parentSub = cantCopyParentInfo && (info & 0x20) == 0x20 ? decoder.readString() : null;
      AbstractContent content = AbstractContent.readItemContent(decoder, info);
      if (content.getLength() <= 0) {
        throw new DecodingException("empty item content");
      }
      s = new Item(new ID(client, clock), null, origin, null, rightOrigin, parent, parentSub, content);
    } else {
      long len = decoder.readLen();
      if (len == 0) {
        throw new DecodingException("empty GC struct");
      }
      s = new GC(new ID(client, clock), len);
    }
    clock = Encoding.addClock(clock, s.length);
    return s;
  }

  public AbstractStruct next() {
    do {
      curr = done ? null : gen();
    } while (filterSkips && curr instanceof Skip);
    return curr;
  }
}
