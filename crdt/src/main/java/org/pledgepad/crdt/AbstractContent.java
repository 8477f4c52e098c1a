package org.pledgepad.crdt;

// Follows yjs/src/structs/Item.js (yjs 13.6.33): AbstractContent and the content ref table.

import java.util.List;
import org.pledgepad.crdt.lib0.DecodingException;

/**
 * What an {@link Item} holds. The ref number written into the info byte selects the content
 * class when decoding, so the set of implementations is closed.
 */
public sealed interface AbstractContent
    permits ContentDeleted, ContentJSON, ContentBinary, ContentString, ContentEmbed, ContentFormat,
        ContentType, ContentAny, ContentDoc {

  long getLength();

  List<Object> getContent();

  boolean isCountable();

  AbstractContent copy();

  /** Keeps [0, offset) in this content and returns the rest. */
  AbstractContent splice(long offset);

  boolean mergeWith(AbstractContent right);

  void integrate(Transaction transaction, Item item);

  void delete(Transaction transaction);

  void gc(StructStore store);

  void write(UpdateEncoder encoder, long offset);

  int getRef();

  /** The content ref table of Yjs (contentRefs), indexed by the low five bits of info. */
  static AbstractContent readItemContent(UpdateDecoder decoder, int info) {
    switch (info & 31) {
      case 1: return ContentDeleted.readContentDeleted(decoder);
      case 2: return ContentJSON.readContentJSON(decoder);
      case 3: return ContentBinary.readContentBinary(decoder);
      case 4: return ContentString.readContentString(decoder);
      case 5: return ContentEmbed.readContentEmbed(decoder);
      case 6: return ContentFormat.readContentFormat(decoder);
      case 7: return ContentType.readContentType(decoder);
      case 8: return ContentAny.readContentAny(decoder);
      case 9: return ContentDoc.readContentDoc(decoder);
      default: throw new DecodingException("unexpected content ref " + (info & 31));
    }
  }
}
