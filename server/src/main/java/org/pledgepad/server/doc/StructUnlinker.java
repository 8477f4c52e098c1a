package org.pledgepad.server.doc;

import java.util.List;
import org.pledgepad.crdt.AbstractStruct;
import org.pledgepad.crdt.AbstractType;
import org.pledgepad.crdt.ContentType;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.Item;

/**
 * Cuts the links inside a dropped document so that the collector frees each part where it lies.
 *
 * <p>A large document lives partly in the old generation (what young collections promoted while
 * it was built) and partly in the young one. Once dropped, its dead old part still points into
 * its young part, and a young collection takes those pointers as live until the next full
 * collection. With the serial collector the next young collection after an unload then copied
 * the dead document's young part (14–15 MB of a 100,000-item document, 80–200 ms at load 8–10)
 * — on the next open, which allocates right away. With the links cut only objects the old part
 * points at directly survive (0.7 MB there).
 */
final class StructUnlinker {
  private StructUnlinker() {}

  /** Leaves {@code doc} unusable: no struct, no content, no neighbours. */
  static void unlink(Doc doc) {
    for (List<AbstractStruct> structs : doc.store.clients.values()) {
      for (AbstractStruct s : structs) {
        if (s instanceof Item item) {
          if (item.content instanceof ContentType nested) {
            unlink(nested.type);
          }
          item.left = null;
          item.right = null;
          item.redone = null;
          item.parent = null;
          item.parentSub = null;
          item.content = null;
        }
      }
      structs.clear();
    }
    for (AbstractType<?> type : doc.share.values()) {
      unlink(type);
    }
  }

  private static void unlink(AbstractType<?> type) {
    type._start = null;
    type._map.clear();
    if (type._searchMarker != null) {
      type._searchMarker.clear();
    }
  }
}
