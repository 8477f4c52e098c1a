package org.pledgepad.crdt;

// Follows yjs/src/types/YXmlEvent.js (yjs 13.6.33).

import java.util.LinkedHashSet;
import java.util.Set;

/** Change event of an XML fragment or element: children and/or attributes changed. */
public class YXmlEvent extends YEvent<YXmlFragment> {
  public boolean childListChanged = false;
  /** Names of the attributes that changed. */
  public final Set<String> attributesChanged = new LinkedHashSet<>();

  public YXmlEvent(YXmlFragment target, Set<String> subs, Transaction transaction) {
    super(target, transaction);
    for (String sub : subs) {
      if (sub == null) {
        childListChanged = true;
      } else {
        attributesChanged.add(sub);
      }
    }
  }
}
