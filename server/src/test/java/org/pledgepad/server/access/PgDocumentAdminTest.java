package org.pledgepad.server.access;

/**
 * {@link DocumentAdminContract} on PostgreSQL (a fresh database per test). Skipped locally
 * without PostgreSQL, failing under CI=true.
 */
class PgDocumentAdminTest extends DocumentAdminContract {
  PgDocumentAdminTest() {
    super(Store.POSTGRES);
  }
}
