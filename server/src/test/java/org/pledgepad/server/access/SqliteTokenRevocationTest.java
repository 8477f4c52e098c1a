package org.pledgepad.server.access;

/** The token revocation list in the embedded store (DATA_DIR/access.sqlite). */
class SqliteTokenRevocationTest extends TokenRevocationContract {
  SqliteTokenRevocationTest() {
    super(Store.EMBEDDED);
  }
}
