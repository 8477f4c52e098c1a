package org.pledgepad.annotations.anchor;

import org.pledgepad.crdt.AbsolutePosition;
import org.pledgepad.crdt.AbstractType;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.Item;
import org.pledgepad.crdt.RelativePosition;
import org.pledgepad.crdt.YText;
import org.pledgepad.crdt.lib0.DecodingException;

/**
 * Turns encoded relative positions into passages of a document, at creation (validating what a
 * client sent) and at every later read (following the words through edits).
 *
 * <p>Resolution never changes the document: a position naming a root type that does not exist
 * is refused instead of resolved, because {@code doc.get(name)} would create that type.
 * Positions are resolved without following undo redirections ({@code redone}), so every replica
 * (server, browsers) computes the same passage.
 */
public final class AnchorResolver {
  /** An encoded position is a tag, two varUints or a short name, and assoc: far below this. */
  public static final int MAX_ENCODED_POSITION = 256;
  /** Longest passage one annotation may cover (UTF-16 units), about five pages of text. */
  public static final int MAX_PASSAGE = 20_000;

  private AnchorResolver() {}

  /**
   * Validates a client's anchor against the current document and takes the quote.
   *
   * @throws InvalidAnchorException if the anchor cannot be attached
   */
  public static Anchor create(Doc doc, byte[] start, byte[] end) {
    RelativePosition rs = decode(start);
    RelativePosition re = decode(end);
    requireKnownRoot(doc, rs);
    requireKnownRoot(doc, re);
    AbsolutePosition as = RelativePosition.createAbsolutePositionFromRelativePosition(rs, doc, false);
    AbsolutePosition ae = RelativePosition.createAbsolutePositionFromRelativePosition(re, doc, false);
    if (as == null || ae == null) {
      throw new InvalidAnchorException("position unknown to the document");
    }
    if (as.type != ae.type) {
      throw new InvalidAnchorException("start and end lie in different paragraphs");
    }
    if (!(as.type instanceof YText text)) {
      throw new InvalidAnchorException("position is not inside a text");
    }
    if (isDeleted(text)) {
      throw new InvalidAnchorException("paragraph was deleted");
    }
    if (as.index >= ae.index) {
      throw new InvalidAnchorException("empty range");
    }
    if (ae.index - as.index > MAX_PASSAGE) {
      throw new InvalidAnchorException("passage too long");
    }
    String quote = PlainText.of(text).substring(as.index, ae.index);
    return new Anchor(start, end, quote);
  }

  /** The anchor covering {@code length} characters from {@code index}, sticking to those words. */
  public static Anchor fromIndex(YText type, int index, int length) {
    if (index < 0 || length <= 0 || index + length > type.length()) {
      throw new InvalidAnchorException("range outside the text");
    }
    // start sticks to the first character, end to the last one (assoc -1): text typed right
    // before or right after the passage stays outside it.
    RelativePosition s = RelativePosition.createRelativePositionFromTypeIndex(type, index, 0);
    RelativePosition e = RelativePosition.createRelativePositionFromTypeIndex(type, index + length, -1);
    return new Anchor(RelativePosition.encodeRelativePosition(s), RelativePosition.encodeRelativePosition(e),
        PlainText.of(type).substring(index, index + length));
  }

  /** The passage in the document's current state; PASSAGE_DELETED if no character is left. */
  public static Resolution resolve(Doc doc, Anchor anchor) {
    RelativePosition rs;
    RelativePosition re;
    try {
      rs = decode(anchor.start());
      re = decode(anchor.end());
    } catch (InvalidAnchorException e) {
      return Resolution.deleted();
    }
    if (!knownRoot(doc, rs) || !knownRoot(doc, re)) {
      return Resolution.deleted();
    }
    AbsolutePosition as = RelativePosition.createAbsolutePositionFromRelativePosition(rs, doc, false);
    AbsolutePosition ae = RelativePosition.createAbsolutePositionFromRelativePosition(re, doc, false);
    // null: the referenced characters were garbage-collected together with their paragraph
    if (as == null || ae == null || as.type != ae.type || !(as.type instanceof YText text)
        || isDeleted(text) || as.index >= ae.index) {
      return Resolution.deleted();
    }
    String all = PlainText.of(text);
    int s = Math.min(as.index, all.length());
    int e = Math.min(ae.index, all.length());
    if (s >= e) {
      return Resolution.deleted();
    }
    return new Resolution(AnchorState.ATTACHED, text, s, e, all.substring(s, e));
  }

  static RelativePosition decode(byte[] bytes) {
    if (bytes == null || bytes.length == 0 || bytes.length > MAX_ENCODED_POSITION) {
      throw new InvalidAnchorException("position missing or too long");
    }
    try {
      return RelativePosition.decodeRelativePosition(bytes);
    } catch (DecodingException | IllegalStateException e) {
      throw new InvalidAnchorException("malformed position");
    }
  }

  private static void requireKnownRoot(Doc doc, RelativePosition p) {
    if (!knownRoot(doc, p)) {
      throw new InvalidAnchorException("unknown root type");
    }
  }

  private static boolean knownRoot(Doc doc, RelativePosition p) {
    return p.item != null || p.tname == null || doc.share.containsKey(p.tname);
  }

  /** A type counts as deleted when it or any of its ancestors is. */
  private static boolean isDeleted(AbstractType<?> type) {
    for (AbstractType<?> t = type; t != null; ) {
      Item item = t._item;
      if (item == null) {
        return false;
      }
      if (item.deleted()) {
        return true;
      }
      t = item.parent instanceof AbstractType<?> p ? p : null;
    }
    return false;
  }
}
