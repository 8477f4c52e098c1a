package org.pledgepad.history;

import org.pledgepad.crdt.AbstractType;
import org.pledgepad.crdt.ContentType;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.Item;

/**
 * What the document's root "default" holds. A document decoded from updates does not know the
 * root's type until someone asks for it, so the history asks the caller or looks at the items:
 * an XML fragment holds nested types, a text holds strings.
 */
public enum ContentKind {
  /** Y.Text: plain text (benchmarks, simple clients). */
  TEXT,
  /** Y.XmlFragment in ProseMirror's shape (Tiptap's Collaboration extension, the web client). */
  XML;

  public static final String ROOT = "default";

  /** TEXT or XML from the root's first item; {@code fallback} when the root is empty or absent. */
  public static ContentKind detect(Doc doc, ContentKind fallback) {
    AbstractType<?> root = doc.share.get(ROOT);
    if (root == null) {
      return fallback;
    }
    for (Item n = root._start; n != null; n = n.right) {
      if (n.content instanceof ContentType) {
        return XML;
      }
      if (n.content.isCountable()) {
        return TEXT;
      }
    }
    return fallback;
  }
}
