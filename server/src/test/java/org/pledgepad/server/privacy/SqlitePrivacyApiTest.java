package org.pledgepad.server.privacy;

import java.util.Map;

class SqlitePrivacyApiTest extends PrivacyApiContract {
  @Override
  protected Map<String, String> storeEnv() {
    return Map.of();
  }
}
