package org.pledgepad.crdt;

// Follows yjs/src/types/YXmlElement.js (yjs 13.6.33).

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A named XML element with attributes (the map part) and children (the list part). */
public class YXmlElement extends YXmlFragment {
  public final String nodeName;
  private Map<String, Object> _prelimAttrs = new LinkedHashMap<>();

  public YXmlElement() {
    this("UNDEFINED");
  }

  public YXmlElement(String nodeName) {
    this.nodeName = nodeName;
  }

  /** The next sibling node (element or text), or null. */
  public AbstractType<?> nextSibling() {
    Item n = _item != null ? _item.next() : null;
    return n != null ? ((ContentType) n.content).type : null;
  }

  public AbstractType<?> prevSibling() {
    Item n = _item != null ? _item.prev() : null;
    return n != null ? ((ContentType) n.content).type : null;
  }

  @Override
  public void _integrate(Doc y, Item item) {
    super._integrate(y, item);
    Map<String, Object> attrs = _prelimAttrs;
    _prelimAttrs = null;
    for (Map.Entry<String, Object> e : attrs.entrySet()) {
      setAttribute(e.getKey(), e.getValue());
    }
  }

  @Override
  public YXmlElement _copy() {
    return new YXmlElement(nodeName);
  }

  @Override
  public YXmlElement clone() {
    YXmlElement el = new YXmlElement(nodeName);
    for (Map.Entry<String, Object> e : getAttributes().entrySet()) {
      el.setAttribute(e.getKey(), e.getValue());
    }
    el.insert(0, cloneChildren());
    return el;
  }

  public void removeAttribute(String attributeName) {
    if (doc != null) {
      Transaction.transact(doc, transaction -> {
        typeMapDelete(transaction, this, attributeName);
      });
    } else {
      _prelimAttrs.remove(attributeName);
    }
  }

  public void setAttribute(String attributeName, Object attributeValue) {
    if (doc != null) {
      Transaction.transact(doc, transaction -> {
        typeMapSet(transaction, this, attributeName, attributeValue);
      });
    } else {
      _prelimAttrs.put(attributeName, attributeValue);
    }
  }

  public Object getAttribute(String attributeName) {
    return typeMapGet(this, attributeName);
  }

  public boolean hasAttribute(String attributeName) {
    return typeMapHas(this, attributeName);
  }

  public Map<String, Object> getAttributes() {
    return typeMapGetAll(this);
  }

  public Map<String, Object> getAttributes(Snapshot snapshot) {
    return snapshot != null ? typeMapGetAllSnapshot(this, snapshot) : typeMapGetAll(this);
  }

  @Override
  public void _write(UpdateEncoder encoder) {
    encoder.writeTypeRef(ContentType.YXmlElementRefID);
    encoder.writeKey(nodeName);
  }

  public static YXmlElement readYXmlElement(UpdateDecoder decoder) {
    return new YXmlElement(decoder.readKey());
  }
}
