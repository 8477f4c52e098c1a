/**
 * The Yjs port: the document model and update formats (org.pledgepad.crdt), the lib0 codecs it
 * is built on (org.pledgepad.crdt.lib0) and the y-protocols messages (org.pledgepad.crdt.sync).
 * No dependencies outside the JDK.
 */
module org.pledgepad.crdt {
  requires java.logging;
  exports org.pledgepad.crdt;
  exports org.pledgepad.crdt.lib0;
  exports org.pledgepad.crdt.sync;
}
