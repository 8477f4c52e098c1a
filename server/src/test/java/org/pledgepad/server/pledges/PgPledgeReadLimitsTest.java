package org.pledgepad.server.pledges;

/** {@link PledgeReadLimitsTest} over PostgreSQL, each test in a database of its own. */
class PgPledgeReadLimitsTest extends PledgeReadLimitsTest {
  @Override
  PledgeTestServer open() {
    return openPostgres();
  }
}
