package org.pledgepad.crdt;

// Follows yjs/src/utils/updates.js (yjs 13.6.33).

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.pledgepad.crdt.lib0.Decoder;
import org.pledgepad.crdt.lib0.Encoder;

/** Operations on encoded updates that need no document: merge, diff, convert, inspect. */
public final class Updates {
  private Updates() {}

  /** Decoded content of an update (Yjs decodeUpdate). */
  public static final class DecodedUpdate {
    public final List<AbstractStruct> structs;
    public final DeleteSet ds;

    DecodedUpdate(List<AbstractStruct> structs, DeleteSet ds) {
      this.structs = structs;
      this.ds = ds;
    }
  }

  /** First and next-after-last clock per client in an update (Yjs parseUpdateMeta). */
  public static final class UpdateMeta {
    public final Map<Long, Long> from;
    public final Map<Long, Long> to;

    UpdateMeta(Map<Long, Long> from, Map<Long, Long> to) {
      this.from = from;
      this.to = to;
    }
  }

  private static UpdateDecoder decoderFor(byte[] update, boolean v2, UpdateLimits limits) {
    Decoder d = new Decoder(update).withMaxAnyDepth(limits.maxAnyDepth);
    return v2 ? new UpdateDecoderV2(d) : new UpdateDecoderV1(d);
  }

  private static LazyStructReader readerFor(UpdateDecoder decoder, boolean filterSkips, UpdateLimits limits) {
    return new LazyStructReader(decoder, filterSkips, limits.budget(decoder.restDecoder().arr.length));
  }

  /**
   * Decodes an update completely (structs and delete set) against limits without keeping
   * anything: a DecodingException says it is malformed or over budget. Memory stays at one
   * struct at a time, so untrusted input can be checked before {@link Encoding#applyUpdate}.
   */
  public static void validateUpdate(byte[] update, boolean v2, UpdateLimits limits) {
    UpdateDecoder decoder = decoderFor(update, v2, limits);
    LazyStructReader reader = readerFor(decoder, false, limits);
    while (reader.curr != null) {
      reader.next();
    }
    DeleteSet.readDeleteSet(decoder, reader.budget);
  }

  public static DecodedUpdate decodeUpdate(byte[] update) {
    return decodeUpdateV2(update, false);
  }

  public static DecodedUpdate decodeUpdateV2(byte[] update) {
    return decodeUpdateV2(update, true);
  }

  static DecodedUpdate decodeUpdateV2(byte[] update, boolean v2) {
    List<AbstractStruct> structs = new ArrayList<>();
    UpdateDecoder updateDecoder = decoderFor(update, v2, UpdateLimits.DEFAULT);
    LazyStructReader lazyDecoder = readerFor(updateDecoder, false, UpdateLimits.DEFAULT);
    for (AbstractStruct curr = lazyDecoder.curr; curr != null; curr = lazyDecoder.next()) {
      structs.add(curr);
    }
    return new DecodedUpdate(structs, DeleteSet.readDeleteSet(updateDecoder, lazyDecoder.budget));
  }

  public static String logUpdate(byte[] update) {
    DecodedUpdate d = decodeUpdate(update);
    return "Structs: " + d.structs + "\nDeleteSet: " + d.ds.clients;
  }

  public static byte[] mergeUpdates(List<byte[]> updates) {
    return mergeUpdatesV2(updates, false, UpdateLimits.DEFAULT);
  }

  public static byte[] mergeUpdatesV2(List<byte[]> updates) {
    return mergeUpdatesV2(updates, true, UpdateLimits.DEFAULT);
  }

  public static byte[] encodeStateVectorFromUpdate(byte[] update) {
    return encodeStateVectorFromUpdateV2(update, new DSEncoderV1(), false);
  }

  public static byte[] encodeStateVectorFromUpdateV2(byte[] update) {
    return encodeStateVectorFromUpdateV2(update, new DSEncoderV2(), true);
  }

  static byte[] encodeStateVectorFromUpdateV2(byte[] update, DSEncoder encoder, boolean v2) {
    LazyStructReader updateDecoder = readerFor(decoderFor(update, v2, UpdateLimits.DEFAULT), false, UpdateLimits.DEFAULT);
    AbstractStruct curr = updateDecoder.curr;
    Encoder rest = encoder.restEncoder();
    if (curr != null) {
      long size = 0;
      long currClient = curr.client;
      // must start at 0
      boolean stopCounting = curr.clock != 0;
      long currClock = stopCounting ? 0 : curr.clock + curr.length;
      for (; curr != null; curr = updateDecoder.next()) {
        if (currClient != curr.client) {
          if (currClock != 0) {
            size++;
            // We found a new client; write the previous one
            rest.writeVarUint(currClient);
            rest.writeVarUint(currClock);
          }
          currClient = curr.client;
          currClock = 0;
          stopCounting = curr.clock != 0;
        }
        // we ignore skips
        if (curr instanceof Skip) {
          stopCounting = true;
        }
        if (!stopCounting) {
          currClock = curr.clock + curr.length;
        }
      }
      // write last client
      if (currClock != 0) {
        size++;
        rest.writeVarUint(currClient);
        rest.writeVarUint(currClock);
      }
      // prepend the number of entries
      byte[] body = rest.toUint8Array();
      rest.reset();
      rest.writeVarUint(size);
      rest.writeUint8Array(body);
      return encoder.toUint8Array();
    } else {
      rest.writeVarUint(0);
      return encoder.toUint8Array();
    }
  }

  public static UpdateMeta parseUpdateMeta(byte[] update) {
    return parseUpdateMetaV2(update, false);
  }

  public static UpdateMeta parseUpdateMetaV2(byte[] update) {
    return parseUpdateMetaV2(update, true);
  }

  static UpdateMeta parseUpdateMetaV2(byte[] update, boolean v2) {
    Map<Long, Long> from = new LinkedHashMap<>();
    Map<Long, Long> to = new LinkedHashMap<>();
    LazyStructReader updateDecoder = readerFor(decoderFor(update, v2, UpdateLimits.DEFAULT), false, UpdateLimits.DEFAULT);
    AbstractStruct curr = updateDecoder.curr;
    if (curr != null) {
      long currClient = curr.client;
      long currClock = curr.clock;
      // write the beginning to `from`
      from.put(currClient, currClock);
      for (; curr != null; curr = updateDecoder.next()) {
        if (currClient != curr.client) {
          // We found a new client; write the end to `to`
          to.put(currClient, currClock);
          // write the beginning to `from`
          from.put(curr.client, curr.clock);
          currClient = curr.client;
        }
        currClock = curr.clock + curr.length;
      }
      to.put(currClient, currClock);
    }
    return new UpdateMeta(from, to);
  }

  /** A copy of left without its first diff clocks (the original is not modified for GC/Skip). */
  static AbstractStruct sliceStruct(AbstractStruct left, long diff) {
    long client = left.client;
    long clock = left.clock;
    if (left instanceof GC) {
      return new GC(new ID(client, clock + diff), left.length - diff);
    } else if (left instanceof Skip) {
      return new Skip(new ID(client, clock + diff), left.length - diff);
    } else {
      Item leftItem = (Item) left;
      return new Item(new ID(client, clock + diff), null, new ID(client, clock + diff - 1), null,
          leftItem.rightOrigin(), leftItem.parent, leftItem.parentSub, leftItem.ownContent().splice(diff));
    }
  }

  private static int compareReaders(LazyStructReader dec1, LazyStructReader dec2) {
    AbstractStruct c1 = dec1.curr;
    AbstractStruct c2 = dec2.curr;
    if (c1.client == c2.client) {
      long clockDiff = c1.clock - c2.clock;
      if (clockDiff == 0) {
        // skips go last; we filter them anyway
        return c1.getClass() == c2.getClass() ? 0 : c1 instanceof Skip ? 1 : -1;
      } else {
        return clockDiff < 0 ? -1 : 1;
      }
    } else {
      // higher client ids first
      return Long.compare(c2.client, c1.client);
    }
  }

  static byte[] mergeUpdatesV2(List<byte[]> updates, boolean v2, UpdateLimits limits) {
    if (updates.size() == 1) {
      return updates.get(0);
    }
    List<UpdateDecoder> updateDecoders = new ArrayList<>();
    for (byte[] update : updates) {
      updateDecoders.add(decoderFor(update, v2, limits));
    }
    List<LazyStructReader> lazyStructDecoders = new ArrayList<>();
    for (UpdateDecoder d : updateDecoders) {
      lazyStructDecoders.add(readerFor(d, true, limits));
    }
    // the readers drop out of lazyStructDecoders when done; the delete sets share their budgets
    List<LazyStructReader> readers = new ArrayList<>(lazyStructDecoders);
    // the struct being written and the offset from which it is written
    AbstractStruct currWriteStruct = null;
    long currWriteOffset = 0;
    UpdateEncoder updateEncoder = v2 ? new UpdateEncoderV2() : new UpdateEncoderV1();
    // write structs lazily
    LazyStructWriter lazyStructEncoder = new LazyStructWriter(updateEncoder);
    while (true) {
      // Write higher clients first ⇒ sort by clientID & clock and remove decoders without content
      lazyStructDecoders.removeIf(dec -> dec.curr == null);
      lazyStructDecoders.sort(Updates::compareReaders);
      if (lazyStructDecoders.isEmpty()) {
        break;
      }
      LazyStructReader currDecoder = lazyStructDecoders.get(0);
      // write from currDecoder until the next operation is from another client or if filler-struct
      // then we need to reorder the decoders and find the next operation to write
      long firstClient = currDecoder.curr.client;
      if (currWriteStruct != null) {
        AbstractStruct curr = currDecoder.curr;
        boolean iterated = false;
        // iterate until we find something that we haven't written already
        // remember: first the high client-ids are written
        while (curr != null && curr.clock + curr.length <= currWriteStruct.clock + currWriteStruct.length
            && curr.client >= currWriteStruct.client) {
          curr = currDecoder.next();
          iterated = true;
        }
        if (curr == null // current decoder is empty
            || curr.client != firstClient // there is another decoder that has updates from firstClient
            || (iterated && curr.clock > currWriteStruct.clock + currWriteStruct.length)) {
          // the above while loop was used and we are potentially missing updates
          continue;
        }
        if (firstClient != currWriteStruct.client) {
          lazyStructEncoder.write(currWriteStruct, currWriteOffset);
          currWriteStruct = curr;
          currWriteOffset = 0;
          currDecoder.next();
        } else {
          if (currWriteStruct.clock + currWriteStruct.length < curr.clock) {
            // there is a gap between the structs: fill it with a Skip
            if (currWriteStruct instanceof Skip) {
              // extend existing skip
              currWriteStruct.length = curr.clock + curr.length - currWriteStruct.clock;
            } else {
              lazyStructEncoder.write(currWriteStruct, currWriteOffset);
              long diff = curr.clock - currWriteStruct.clock - currWriteStruct.length;
              currWriteStruct = new Skip(new ID(firstClient, currWriteStruct.clock + currWriteStruct.length), diff);
              currWriteOffset = 0;
            }
          } else {
            long diff = currWriteStruct.clock + currWriteStruct.length - curr.clock;
            if (diff > 0) {
              if (currWriteStruct instanceof Skip) {
                // prefer to slice Skip because the other struct might contain more information
                currWriteStruct.length -= diff;
              } else {
                curr = sliceStruct(curr, diff);
              }
            }
            if (!currWriteStruct.mergeWith(curr)) {
              lazyStructEncoder.write(currWriteStruct, currWriteOffset);
              currWriteStruct = curr;
              currWriteOffset = 0;
              currDecoder.next();
            }
          }
        }
      } else {
        currWriteStruct = currDecoder.curr;
        currWriteOffset = 0;
        currDecoder.next();
      }
      for (AbstractStruct next = currDecoder.curr;
          next != null && next.client == firstClient
              && next.clock == currWriteStruct.clock + currWriteStruct.length && !(next instanceof Skip);
          next = currDecoder.next()) {
        lazyStructEncoder.write(currWriteStruct, currWriteOffset);
        currWriteStruct = next;
        currWriteOffset = 0;
      }
    }
    if (currWriteStruct != null) {
      lazyStructEncoder.write(currWriteStruct, currWriteOffset);
    }
    lazyStructEncoder.finish();
    List<DeleteSet> dss = new ArrayList<>();
    for (int i = 0; i < updateDecoders.size(); i++) {
      dss.add(DeleteSet.readDeleteSet(updateDecoders.get(i), readers.get(i).budget));
    }
    DeleteSet ds = DeleteSet.mergeDeleteSets(dss);
    DeleteSet.writeDeleteSet(updateEncoder, ds);
    return updateEncoder.toUint8Array();
  }

  public static byte[] diffUpdate(byte[] update, byte[] sv) {
    return diffUpdateV2(update, sv, false, UpdateLimits.DEFAULT);
  }

  public static byte[] diffUpdateV2(byte[] update, byte[] sv) {
    return diffUpdateV2(update, sv, true, UpdateLimits.DEFAULT);
  }

  static byte[] diffUpdateV2(byte[] update, byte[] sv, boolean v2, UpdateLimits limits) {
    Map<Long, Long> state = Encoding.decodeStateVector(sv);
    UpdateEncoder encoder = v2 ? new UpdateEncoderV2() : new UpdateEncoderV1();
    LazyStructWriter lazyStructWriter = new LazyStructWriter(encoder);
    UpdateDecoder decoder = decoderFor(update, v2, limits);
    LazyStructReader reader = readerFor(decoder, false, limits);
    while (reader.curr != null) {
      AbstractStruct curr = reader.curr;
      long currClient = curr.client;
      Long svc = state.get(currClient);
      long svClock = svc == null ? 0 : svc;
      if (reader.curr instanceof Skip) {
        // the first written struct shouldn't be a skip
        reader.next();
        continue;
      }
      if (curr.clock + curr.length > svClock) {
        lazyStructWriter.write(curr, Math.max(svClock - curr.clock, 0));
        reader.next();
        while (reader.curr != null && reader.curr.client == currClient) {
          lazyStructWriter.write(reader.curr, 0);
          reader.next();
        }
      } else {
        // read until something new comes up
        while (reader.curr != null && reader.curr.client == currClient
            && reader.curr.clock + reader.curr.length <= svClock) {
          reader.next();
        }
      }
    }
    lazyStructWriter.finish();
    // write ds
    DeleteSet ds = DeleteSet.readDeleteSet(decoder, reader.budget);
    DeleteSet.writeDeleteSet(encoder, ds);
    return encoder.toUint8Array();
  }

  public static byte[] convertUpdateFormat(byte[] update, Function<AbstractStruct, AbstractStruct> blockTransformer,
      boolean fromV2, boolean toV2) {
    return convertUpdateFormat(update, blockTransformer, fromV2, toV2, UpdateLimits.DEFAULT);
  }

  static byte[] convertUpdateFormat(byte[] update, Function<AbstractStruct, AbstractStruct> blockTransformer,
      boolean fromV2, boolean toV2, UpdateLimits limits) {
    UpdateDecoder updateDecoder = decoderFor(update, fromV2, limits);
    LazyStructReader lazyDecoder = readerFor(updateDecoder, false, limits);
    UpdateEncoder updateEncoder = toV2 ? new UpdateEncoderV2() : new UpdateEncoderV1();
    LazyStructWriter lazyWriter = new LazyStructWriter(updateEncoder);
    for (AbstractStruct curr = lazyDecoder.curr; curr != null; curr = lazyDecoder.next()) {
      lazyWriter.write(blockTransformer.apply(curr), 0);
    }
    lazyWriter.finish();
    DeleteSet ds = DeleteSet.readDeleteSet(updateDecoder, lazyDecoder.budget);
    DeleteSet.writeDeleteSet(updateEncoder, ds);
    return updateEncoder.toUint8Array();
  }

  public static byte[] convertUpdateFormatV1ToV2(byte[] update) {
    return convertUpdateFormat(update, Function.identity(), false, true);
  }

  public static byte[] convertUpdateFormatV2ToV1(byte[] update) {
    return convertUpdateFormat(update, Function.identity(), true, false);
  }

  /** Options of obfuscateUpdate: which kinds of names and values to replace as well. */
  public static final class ObfuscatorOptions {
    public boolean formatting = true;
    public boolean subdocs = true;
    public boolean yxml = true;
  }

  /**
   * Replaces content, keys and names by counters while keeping the update's structure, so that
   * users can share an update that reproduces a bug without sharing their text. Decoded structs
   * are fresh objects, so contents are replaced rather than mutated.
   */
  static Function<AbstractStruct, AbstractStruct> createObfuscator(ObfuscatorOptions opts) {
    int[] counter = {0};
    Map<String, String> mapKeyCache = new java.util.HashMap<>();
    Map<String, String> nodeNameCache = new java.util.HashMap<>();
    Map<String, String> formattingKeyCache = new java.util.HashMap<>();
    Map<Object, Object> formattingValueCache = new java.util.HashMap<>();
    // the end of a formatting range stays the end of a formatting range
    formattingValueCache.put(null, null);
    return block -> {
      if (!(block instanceof Item)) {
        return block;
      }
      int i = counter[0];
      Item item = (Item) block;
      AbstractContent content = item.content;
      if (content instanceof ContentType) {
        if (opts.yxml) {
          AbstractType<?> type = ((ContentType) content).type;
          if (type instanceof YXmlElement) {
            String name = nodeNameCache.computeIfAbsent(((YXmlElement) type).nodeName, k -> "node-" + i);
            item.content = new ContentType(new YXmlElement(name));
          } else if (type instanceof YXmlHook) {
            String name = nodeNameCache.computeIfAbsent(((YXmlHook) type).hookName, k -> "hook-" + i);
            item.content = new ContentType(new YXmlHook(name));
          }
        }
      } else if (content instanceof ContentAny) {
        List<Object> arr = new ArrayList<>();
        for (int k = 0; k < ((ContentAny) content).arr.size(); k++) {
          arr.add((long) i);
        }
        ((ContentAny) content).arr = arr;
      } else if (content instanceof ContentBinary) {
        item.content = new ContentBinary(new byte[] {(byte) i});
      } else if (content instanceof ContentDoc) {
        if (opts.subdocs) {
          DocOptions o = new DocOptions();
          o.guid = Integer.toString(i);
          item.content = new ContentDoc(new Doc(o));
        }
      } else if (content instanceof ContentEmbed) {
        item.content = new ContentEmbed(new LinkedHashMap<String, Object>());
      } else if (content instanceof ContentFormat) {
        if (opts.formatting) {
          ContentFormat c = (ContentFormat) content;
          String key = formattingKeyCache.computeIfAbsent(c.key, k -> Integer.toString(i));
          Object value;
          if (c.value instanceof Map || c.value instanceof List) {
            // JavaScript caches objects by identity, and decoded objects are all distinct
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("i", (long) i);
            value = v;
          } else if (formattingValueCache.containsKey(c.value)) {
            value = formattingValueCache.get(c.value);
          } else {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("i", (long) i);
            formattingValueCache.put(c.value, v);
            value = v;
          }
          item.content = new ContentFormat(key, value);
        }
      } else if (content instanceof ContentJSON) {
        List<Object> arr = new ArrayList<>();
        for (int k = 0; k < ((ContentJSON) content).arr.size(); k++) {
          arr.add((long) i);
        }
        ((ContentJSON) content).arr = arr;
      } else if (content instanceof ContentString) {
        ContentString c = (ContentString) content;
        c.str = Integer.toString(i % 10).repeat(c.str.length());
      }
      if (item.parentSub != null) {
        item.parentSub = mapKeyCache.computeIfAbsent(item.parentSub, k -> Integer.toString(i));
      }
      counter[0]++;
      return block;
    };
  }

  public static byte[] obfuscateUpdate(byte[] update, ObfuscatorOptions opts) {
    return convertUpdateFormat(update, createObfuscator(opts == null ? new ObfuscatorOptions() : opts), false, false);
  }

  public static byte[] obfuscateUpdate(byte[] update) {
    return obfuscateUpdate(update, null);
  }

  public static byte[] obfuscateUpdateV2(byte[] update, ObfuscatorOptions opts) {
    return convertUpdateFormat(update, createObfuscator(opts == null ? new ObfuscatorOptions() : opts), true, true);
  }

  public static byte[] obfuscateUpdateV2(byte[] update) {
    return obfuscateUpdateV2(update, null);
  }
}
