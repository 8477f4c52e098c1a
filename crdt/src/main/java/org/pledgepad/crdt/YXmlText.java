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
    StringBuilder out = new StringBuilder();
    for (Map<String, Object> delta : toDelta()) {
      Object attributes = delta.get("attributes");
      List<String> nodeNames = JsString.forInKeys(attributes);
      nodeNames.sort(null);
      StringBuilder str = new StringBuilder();
      for (String nodeName : nodeNames) {
        str.append('<').append(nodeName);
        Object attrsObj = JsString.get(attributes, nodeName);
        List<String> keys = JsString.forInKeys(attrsObj);
        keys.sort(null);
        for (String key : keys) {
          str.append(' ').append(key).append("=\"").append(JsString.of(JsString.get(attrsObj, key))).append('"');
        }
        str.append('>');
      }
      str.append(JsString.of(delta.get("insert")));
      for (int i = nodeNames.size() - 1; i >= 0; i--) {
        str.append("</").append(nodeNames.get(i)).append('>');
      }
      out.append(str);
    }
    return out.toString();
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
