package org.pledgepad.crdt.lib0;

/**
 * JavaScript's {@code undefined}, which lib0's Any encoding (tag 127) and Yjs's JSON content
 * distinguish from {@code null} (tag 126). Java has only {@code null}, so this singleton stands
 * for the other one.
 */
public final class Undefined {
  public static final Undefined INSTANCE = new Undefined();

  private Undefined() {}

  @Override
  public String toString() {
    return "undefined";
  }
}
