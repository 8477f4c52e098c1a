package org.pledgepad.crdt;

// Follows yjs/src/index.js (yjs 13.6.33).

import java.util.List;
import java.util.Map;

/**
 * The public entry point, mirroring what Yjs's index.js exports as free functions. Each method
 * delegates to the class that ports the file defining the function.
 */
public final class Y {
  private Y() {}

  // ---- updates applied to / produced from documents ----

  public static void applyUpdate(Doc doc, byte[] update) {
    Encoding.applyUpdate(doc, update, null);
  }

  public static void applyUpdate(Doc doc, byte[] update, Object origin) {
    Encoding.applyUpdate(doc, update, origin);
  }

  public static void applyUpdateV2(Doc doc, byte[] update) {
    Encoding.applyUpdateV2(doc, update, null);
  }

  public static void applyUpdateV2(Doc doc, byte[] update, Object origin) {
    Encoding.applyUpdateV2(doc, update, origin);
  }

  /** Applies an update unless it exceeds limits (DecodingException; the document is unchanged). */
  public static void applyUpdate(Doc doc, byte[] update, Object origin, UpdateLimits limits) {
    Encoding.applyUpdate(doc, update, origin, limits);
  }

  public static void applyUpdateV2(Doc doc, byte[] update, Object origin, UpdateLimits limits) {
    Encoding.applyUpdateV2(doc, update, origin, limits);
  }

  /** Decodes a v1 update completely without keeping it; DecodingException if malformed or over limits. */
  public static void validateUpdate(byte[] update, UpdateLimits limits) {
    Updates.validateUpdate(update, false, limits);
  }

  public static void validateUpdateV2(byte[] update, UpdateLimits limits) {
    Updates.validateUpdate(update, true, limits);
  }

  /**
   * Decodes a v1 update once for {@link #applyParsedUpdate} later; rejects (DecodingException)
   * exactly what {@link #validateUpdate} rejects.
   */
  public static ParsedUpdate parseUpdate(byte[] update, UpdateLimits limits) {
    return Encoding.parseUpdate(update, false, limits);
  }

  public static ParsedUpdate parseUpdateV2(byte[] update, UpdateLimits limits) {
    return Encoding.parseUpdate(update, true, limits);
  }

  /**
   * Integrates a parsed update as {@link #applyUpdate} of its bytes would at this moment; once
   * (IllegalStateException on a second call, for any document).
   */
  public static void applyParsedUpdate(Doc doc, ParsedUpdate update, Object origin) {
    Encoding.applyParsedUpdate(doc, update, origin);
  }

  public static byte[] encodeStateAsUpdate(Doc doc) {
    return Encoding.encodeStateAsUpdate(doc, null);
  }

  public static byte[] encodeStateAsUpdate(Doc doc, byte[] targetStateVector) {
    return Encoding.encodeStateAsUpdate(doc, targetStateVector);
  }

  public static byte[] encodeStateAsUpdateV2(Doc doc) {
    return Encoding.encodeStateAsUpdateV2(doc, null);
  }

  public static byte[] encodeStateAsUpdateV2(Doc doc, byte[] targetStateVector) {
    return Encoding.encodeStateAsUpdateV2(doc, targetStateVector);
  }

  public static byte[] encodeStateVector(Doc doc) {
    return Encoding.encodeStateVector(doc);
  }

  public static byte[] encodeStateVector(Map<Long, Long> sv) {
    return Encoding.encodeStateVector(sv);
  }

  public static Map<Long, Long> decodeStateVector(byte[] sv) {
    return Encoding.decodeStateVector(sv);
  }

  // ---- updates without documents ----

  public static byte[] encodeStateVectorFromUpdate(byte[] update) {
    return Updates.encodeStateVectorFromUpdate(update);
  }

  public static byte[] encodeStateVectorFromUpdateV2(byte[] update) {
    return Updates.encodeStateVectorFromUpdateV2(update);
  }

  public static byte[] mergeUpdates(List<byte[]> updates) {
    return Updates.mergeUpdates(updates);
  }

  public static byte[] mergeUpdatesV2(List<byte[]> updates) {
    return Updates.mergeUpdatesV2(updates);
  }

  public static byte[] diffUpdate(byte[] update, byte[] stateVector) {
    return Updates.diffUpdate(update, stateVector);
  }

  public static byte[] diffUpdateV2(byte[] update, byte[] stateVector) {
    return Updates.diffUpdateV2(update, stateVector);
  }

  public static byte[] convertUpdateFormatV1ToV2(byte[] update) {
    return Updates.convertUpdateFormatV1ToV2(update);
  }

  public static byte[] convertUpdateFormatV2ToV1(byte[] update) {
    return Updates.convertUpdateFormatV2ToV1(update);
  }

  public static Updates.UpdateMeta parseUpdateMeta(byte[] update) {
    return Updates.parseUpdateMeta(update);
  }

  public static Updates.UpdateMeta parseUpdateMetaV2(byte[] update) {
    return Updates.parseUpdateMetaV2(update);
  }

  public static Updates.DecodedUpdate decodeUpdate(byte[] update) {
    return Updates.decodeUpdate(update);
  }

  public static Updates.DecodedUpdate decodeUpdateV2(byte[] update) {
    return Updates.decodeUpdateV2(update);
  }

  public static String logUpdate(byte[] update) {
    return Updates.logUpdate(update);
  }

  // ---- snapshots ----

  public static Snapshot snapshot(Doc doc) {
    return Snapshot.snapshot(doc);
  }

  public static Snapshot emptySnapshot() {
    return Snapshot.emptySnapshot();
  }

  public static Snapshot createSnapshot(DeleteSet ds, Map<Long, Long> sv) {
    return Snapshot.createSnapshot(ds, sv);
  }

  public static byte[] encodeSnapshot(Snapshot snapshot) {
    return Snapshot.encodeSnapshot(snapshot);
  }

  public static byte[] encodeSnapshotV2(Snapshot snapshot) {
    return Snapshot.encodeSnapshotV2(snapshot);
  }

  public static Snapshot decodeSnapshot(byte[] buf) {
    return Snapshot.decodeSnapshot(buf);
  }

  public static Snapshot decodeSnapshotV2(byte[] buf) {
    return Snapshot.decodeSnapshotV2(buf);
  }

  public static boolean equalSnapshots(Snapshot a, Snapshot b) {
    return Snapshot.equalSnapshots(a, b);
  }

  public static Doc createDocFromSnapshot(Doc originDoc, Snapshot snapshot) {
    return Snapshot.createDocFromSnapshot(originDoc, snapshot);
  }

  public static Doc createDocFromSnapshot(Doc originDoc, Snapshot snapshot, Doc newDoc) {
    return Snapshot.createDocFromSnapshot(originDoc, snapshot, newDoc);
  }

  public static boolean snapshotContainsUpdate(Snapshot snapshot, byte[] update) {
    return Snapshot.snapshotContainsUpdate(snapshot, update);
  }

  public static boolean isVisible(Item item, Snapshot snapshot) {
    return Snapshot.isVisible(item, snapshot);
  }

  // ---- ids, structs, delete sets ----

  public static ID createID(long client, long clock) {
    return new ID(client, clock);
  }

  public static boolean compareIDs(ID a, ID b) {
    return ID.compareIDs(a, b);
  }

  public static long getState(StructStore store, long client) {
    return StructStore.getState(store, client);
  }

  public static String findRootTypeKey(AbstractType<?> type) {
    return ID.findRootTypeKey(type);
  }

  public static AbstractStruct getItem(StructStore store, ID id) {
    return StructStore.getItem(store, id);
  }

  public static DeleteSet createDeleteSet() {
    return DeleteSet.createDeleteSet();
  }

  public static DeleteSet createDeleteSetFromStructStore(StructStore store) {
    return DeleteSet.createDeleteSetFromStructStore(store);
  }

  public static boolean isDeleted(DeleteSet ds, ID id) {
    return DeleteSet.isDeleted(ds, id);
  }

  public static boolean equalDeleteSets(DeleteSet a, DeleteSet b) {
    return DeleteSet.equalDeleteSets(a, b);
  }

  public static DeleteSet mergeDeleteSets(List<DeleteSet> dss) {
    return DeleteSet.mergeDeleteSets(dss);
  }

  public static boolean isParentOf(AbstractType<?> parent, Item child) {
    return IsParentOf.isParentOf(parent, child);
  }

  public static List<Item> getTypeChildren(AbstractType<?> type) {
    return AbstractType.getTypeChildren(type);
  }

  public static List<Object> typeListToArraySnapshot(AbstractType<?> type, Snapshot snapshot) {
    return AbstractType.typeListToArraySnapshot(type, snapshot);
  }

  public static Object typeMapGetSnapshot(AbstractType<?> type, String key, Snapshot snapshot) {
    return AbstractType.typeMapGetSnapshot(type, key, snapshot);
  }

  public static Map<String, Object> typeMapGetAllSnapshot(AbstractType<?> type, Snapshot snapshot) {
    return AbstractType.typeMapGetAllSnapshot(type, snapshot);
  }

  public static int cleanupYTextFormatting(YText type) {
    return YText.cleanupYTextFormatting(type);
  }

  public static void transact(Doc doc, java.util.function.Consumer<Transaction> f) {
    Transaction.transact(doc, f, null, true);
  }

  public static void transact(Doc doc, java.util.function.Consumer<Transaction> f, Object origin) {
    Transaction.transact(doc, f, origin, true);
  }

  public static String logType(AbstractType<?> type) {
    return Logging.logType(type);
  }

  // ---- relative positions (RelativePosition.js) ----

  public static RelativePosition createRelativePositionFromTypeIndex(AbstractType<?> type, int index) {
    return RelativePosition.createRelativePositionFromTypeIndex(type, index);
  }

  public static RelativePosition createRelativePositionFromTypeIndex(AbstractType<?> type, int index, int assoc) {
    return RelativePosition.createRelativePositionFromTypeIndex(type, index, assoc);
  }

  public static RelativePosition createRelativePositionFromJSON(Map<String, ?> json) {
    return RelativePosition.createRelativePositionFromJSON(json);
  }

  public static Map<String, Object> relativePositionToJSON(RelativePosition rpos) {
    return RelativePosition.relativePositionToJSON(rpos);
  }

  public static AbsolutePosition createAbsolutePositionFromRelativePosition(RelativePosition rpos, Doc doc) {
    return RelativePosition.createAbsolutePositionFromRelativePosition(rpos, doc);
  }

  public static boolean compareRelativePositions(RelativePosition a, RelativePosition b) {
    return RelativePosition.compareRelativePositions(a, b);
  }

  public static byte[] encodeRelativePosition(RelativePosition rpos) {
    return RelativePosition.encodeRelativePosition(rpos);
  }

  public static RelativePosition decodeRelativePosition(byte[] buf) {
    return RelativePosition.decodeRelativePosition(buf);
  }

  public static void tryGc(DeleteSet ds, StructStore store, java.util.function.Predicate<Item> gcFilter) {
    Transaction.tryGc(ds, store, gcFilter);
  }

  public static void iterateDeletedStructs(Transaction transaction, DeleteSet ds,
      java.util.function.Consumer<AbstractStruct> f) {
    DeleteSet.iterateDeletedStructs(transaction, ds, f);
  }

  public static void readUpdate(org.pledgepad.crdt.lib0.Decoder decoder, Doc doc, Object origin) {
    Encoding.readUpdate(decoder, doc, origin);
  }

  public static byte[] encodeStateVectorV2(Doc doc) {
    return Encoding.encodeStateVectorV2(doc);
  }

  public static byte[] obfuscateUpdate(byte[] update) {
    return Updates.obfuscateUpdate(update);
  }

  public static byte[] obfuscateUpdateV2(byte[] update) {
    return Updates.obfuscateUpdateV2(update);
  }
}
