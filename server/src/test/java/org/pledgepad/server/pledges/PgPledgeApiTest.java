package org.pledgepad.server.pledges;

/** The same API tests over PostgreSQL (Flyway V4 and the same SQL), each in a database of its own. */
class PgPledgeApiTest extends PledgeApiTest {
  @Override
  PledgeTestServer open() {
    return openPostgres();
  }
}
