package org.pledgepad.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.auth.oidc.FakeKeycloak;
import org.pledgepad.auth.oidc.TestIdp;
import org.pledgepad.server.testing.Await;

/** A confidential client: OIDC_CLIENT_SECRET goes to the token endpoint as HTTP Basic. */
class OidcConfidentialClientTest {
  private static final String REDIRECT = "http://localhost:1/api/auth/oidc/callback";
  @TempDir
  Path dataDir;
  private Vertx idpVertx;
  private FakeKeycloak keycloak;
  private AccessTestServer server;
  private OidcBrowser browser;
  private AccessHttp http;

  @BeforeEach
  void start() throws Exception {
    idpVertx = Vertx.vertx();
    keycloak = Await.result(FakeKeycloak.start(idpVertx, TestIdp.generate("k1", "ES256")));
    keycloak.clientSecret.set("s3cret+with/odd=chars");
    server = AccessTestServer.start(dataDir, Map.of("OIDC_ISSUER", keycloak.issuer, "OIDC_CLIENT_ID", TestIdp.CLIENT,
        "OIDC_REDIRECT_URI", REDIRECT, "OIDC_CLIENT_SECRET", "s3cret+with/odd=chars"));
    http = new AccessHttp(server.harness.httpBase());
    browser = new OidcBrowser(http, keycloak, REDIRECT);
  }

  @AfterEach
  void stop() {
    server.close();
    Await.result(idpVertx.close());
  }

  @Test
  void theSecretAuthenticatesTheCodeExchange() throws Exception {
    OidcBrowser.Returned r = browser.goToProvider();
    HttpResponse<String> done = browser.callback(r.query(), r.bindingCookie());
    assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
    assertThat(http.me(OidcBrowser.sessionCookie(done).orElseThrow()).getString("role")).isEqualTo("councillor");
  }

  @Test
  void aSecretTheProviderDoesNotKnowSignsNobodyIn() throws Exception {
    keycloak.clientSecret.set("rotated-at-the-provider");
    OidcBrowser.Returned r = browser.goToProvider();
    HttpResponse<String> refused = browser.callback(r.query(), r.bindingCookie());
    assertThat(refused.statusCode()).isEqualTo(502);
    assertThat(new JsonObject(refused.body()).getString("type")).isEqualTo(OidcLogin.PROBLEM_PROVIDER);
    assertThat(OidcBrowser.sessionCookie(refused)).isEmpty();
    assertThat(refused.body()).doesNotContain("s3cret");
  }
}
