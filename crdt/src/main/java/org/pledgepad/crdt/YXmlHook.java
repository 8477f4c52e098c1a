package org.pledgepad.crdt;

// Follows yjs/src/types/YXmlHook.js (yjs 13.6.33).

/** A custom node in an XML tree: a named map that a binding renders itself. */
public class YXmlHook extends YMap<Object> {
  public final String hookName;

  public YXmlHook(String hookName) {
    this.hookName = hookName;
  }

  @Override
  public YXmlHook _copy() {
    return new YXmlHook(hookName);
  }

  @Override
  public YXmlHook clone() {
    YXmlHook el = new YXmlHook(hookName);
    forEach((value, key) -> el.set(key, value));
    return el;
  }

  @Override
  public void _write(UpdateEncoder encoder) {
    encoder.writeTypeRef(ContentType.YXmlHookRefID);
    encoder.writeKey(hookName);
  }

  public static YXmlHook readYXmlHook(UpdateDecoder decoder) {
    return new YXmlHook(decoder.readKey());
  }
}
