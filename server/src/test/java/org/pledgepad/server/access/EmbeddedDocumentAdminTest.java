package org.pledgepad.server.access;

/** {@link DocumentAdminContract} on the embedded store. */
class EmbeddedDocumentAdminTest extends DocumentAdminContract {
  EmbeddedDocumentAdminTest() {
    super(Store.EMBEDDED);
  }
}
