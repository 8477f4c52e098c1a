package org.pledgepad.crdt;

// Follows yjs/src/types/YXmlText.js (yjs 13.6.33).

import java.util.List;
import java.util.Map;

/** Text inside an XML tree; formatting attributes serialise as nested tags. */
public class YXmlText extends YText {
  public YXmlText() {}

  public YXmlText(String string) {
    super(string);
  }

  public AbstractType<?> nextSibling() {
    Item n = _item != null ? _item.next() : null;
    return n != null ? ((ContentType) n.content).type : null;
  }

  public AbstractType<?> prevSibling() {
    Item n = _item != null ? _item.prev() : null;
    return n != null ? ((ContentType) n.content).type : null;
  }

  @Override
  public YXmlText _copy() {
    return new YXmlText();
  }

  @Override
  public YXmlText clone() {
    YXmlText text = new YXmlText();
    text.applyDelta(toDelta());
    return text;
  }

  /** Formatting attributes become nested tags; attribute objects become tag attributes (for-in order). */
  @Override
  public String toString() {
    return TypeToJson.xmlToString(this);
  }

  @Override
  public Object toJSON() {
    return toString();
  }

  @Override
  public void _write(UpdateEncoder encoder) {
    encoder.writeTypeRef(ContentType.YXmlTextRefID);
  }

  public static YXmlText readYXmlText(UpdateDecoder decoder) {
    return new YXmlText();
  }
}
