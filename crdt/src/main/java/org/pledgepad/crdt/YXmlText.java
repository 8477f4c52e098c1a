package org.pledgepad.crdt;

// Follows yjs/src/types/YXmlText.js (yjs 13.6.33).

import java.util.ArrayList;
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

  @SuppressWarnings("unchecked")
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (Map<String, Object> delta : toDelta()) {
      List<String> nodeNames = new ArrayList<>();
      Map<String, Object> attributes = delta.get("attributes") instanceof Map
          ? (Map<String, Object>) delta.get("attributes") : Map.of();
      nodeNames.addAll(attributes.keySet());
      nodeNames.sort(null);
      StringBuilder str = new StringBuilder();
      for (String nodeName : nodeNames) {
        str.append('<').append(nodeName);
        Object attrsObj = attributes.get(nodeName);
        if (attrsObj instanceof Map) {
          List<String> keys = new ArrayList<>(((Map<String, Object>) attrsObj).keySet());
          keys.sort(null);
          for (String key : keys) {
            str.append(' ').append(key).append("=\"").append(((Map<String, Object>) attrsObj).get(key)).append('"');
          }
        }
        str.append('>');
      }
      str.append(delta.get("insert"));
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
