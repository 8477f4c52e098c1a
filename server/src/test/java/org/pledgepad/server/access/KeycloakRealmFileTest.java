package org.pledgepad.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pledgepad.auth.oidc.OidcSettings;

/**
 * The Keycloak realm an operator imports (deploy/keycloak/realm-pledgepad.json) must fit this
 * server: its redirect URI named a route that did not exist (/api/oidc/callback), so a sign-in
 * through that realm ended at Keycloak's "Invalid redirect uri".
 */
class KeycloakRealmFileTest {
  private static final Path REALM = Path.of("..", "deploy", "keycloak", "realm-pledgepad.json");

  private static JsonObject client() throws Exception {
    JsonObject realm = new JsonObject(Files.readString(REALM));
    for (Object c : realm.getJsonArray("clients")) {
      if ("pledgepad".equals(((JsonObject) c).getString("clientId"))) {
        return (JsonObject) c;
      }
    }
    throw new AssertionError("no client pledgepad in " + REALM);
  }

  @Test
  void theClientsRedirectUriIsTheServersCallbackRoute() throws Exception {
    JsonArray uris = client().getJsonArray("redirectUris");
    assertThat(uris).isNotEmpty();
    for (Object u : uris) {
      assertThat(URI.create((String) u).getPath()).isEqualTo(OidcLogin.PATH + "/callback");
    }
  }

  @Test
  void theRealmsRolesAreTheOnesTheClaimsMapperKnowsAndTheFlowIsCodeWithPkce() throws Exception {
    JsonObject realm = new JsonObject(Files.readString(REALM));
    List<String> roles = new ArrayList<>();
    for (Object r : realm.getJsonObject("roles").getJsonArray("realm")) {
      roles.add(((JsonObject) r).getString("name"));
    }
    OidcSettings settings = OidcSettings.keycloak(URI.create("https://idp.example.org/realms/pledgepad"), "pledgepad");
    assertThat(roles).containsExactlyInAnyOrderElementsOf(settings.roleMapping().keySet());
    JsonObject client = client();
    assertThat(client.getBoolean("standardFlowEnabled")).isTrue();
    assertThat(client.getBoolean("implicitFlowEnabled")).isFalse();
    assertThat(client.getBoolean("directAccessGrantsEnabled")).isFalse();
    assertThat(client.getJsonObject("attributes").getString("pkce.code.challenge.method")).isEqualTo("S256");
  }
}
