package org.pledgepad.server.access;

/** Persistent sessions in the embedded store (DATA_DIR/access.sqlite). */
class SqliteWebSessionPersistenceTest extends WebSessionPersistenceContract {
  SqliteWebSessionPersistenceTest() {
    super(Store.EMBEDDED);
  }
}
