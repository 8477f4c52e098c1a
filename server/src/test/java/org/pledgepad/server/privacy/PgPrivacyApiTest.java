package org.pledgepad.server.privacy;

import java.util.Map;
import org.pledgepad.server.testing.TestDatabase;

/** Needs PostgreSQL (skipped locally without it, fails under CI=true: see TestDatabase). */
class PgPrivacyApiTest extends PrivacyApiContract {
  @Override
  protected Map<String, String> storeEnv() {
    TestDatabase.require();
    return Map.of("DATABASE_URL", TestDatabase.url());
  }
}
