package org.pledgepad.auth.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pledgepad.auth.Body;
import org.pledgepad.auth.Principal;
import org.pledgepad.auth.Role;
import org.pledgepad.auth.token.StrictJson;
import org.pledgepad.auth.token.TokenRejectedException;

class OidcClaimsMapperTest {
  private final OidcClaimsMapper mapper =
      new OidcClaimsMapper(OidcSettings.keycloak(URI.create(TestIdp.ISSUER), TestIdp.CLIENT));

  /** Claims as IdTokenValidator hands them over: parsed by StrictJson into maps and lists. */
  private static Map<String, Object> claims(JsonObject json) {
    return StrictJson.parseObject(json.encode().getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void keycloakClaimsBecomeAPrincipal() throws Exception {
    Principal p = mapper.map(claims(TestIdp.claims(1_800_000_000L)));
    assertThat(p.subject()).isEqualTo("oidc:0f5b6a4e-7c0b-4d8e-9a65-3f1e2d3c4b5a");
    assertThat(p.login()).isEqualTo("anna.schmidt");
    assertThat(p.displayName()).isEqualTo("Anna Schmidt");
    assertThat(p.pseudonym()).isFalse();
    assertThat(p.role()).isEqualTo(Role.COUNCILLOR); // highest of citizen and councillor
    assertThat(p.bodies()).containsExactlyInAnyOrder(new Body("spd-fraktion"), new Body("committee-digital"));
    assertThat(p.document()).isNull();
  }

  @Test
  void userWithoutMappedRolesGetsTheDefaultRole() throws Exception {
    JsonObject c = TestIdp.claims(0).put("realm_access", new JsonObject().put("roles", new JsonArray().add("offline_access").add("ADMIN")));
    assertThat(mapper.map(claims(c)).role()).isEqualTo(Role.GUEST);
    c.remove("realm_access");
    assertThat(mapper.map(claims(c)).role()).isEqualTo(Role.GUEST);
  }

  @Test
  void groupsOutsideThePrefixOrWithInvalidSlugsAreNotBodies() throws Exception {
    JsonObject c = TestIdp.claims(0).put("groups",
        new JsonArray().add("/bodies/ok-body").add("/bodies/nested/x").add("/bodies/").add("bodies/no-slash").add("/Bodies/x").add(7));
    assertThat(mapper.map(claims(c)).bodies()).containsExactly(new Body("ok-body"));
  }

  @Test
  void withoutNameTheUsernameIsShownAndMarkedAsPseudonym() throws Exception {
    JsonObject c = TestIdp.claims(0);
    c.remove("name");
    Principal p = mapper.map(claims(c));
    assertThat(p.displayName()).isEqualTo("anna.schmidt");
    assertThat(p.pseudonym()).isTrue();
  }

  @Test
  void malformedStructuresAreRejected() {
    assertThatThrownBy(() -> mapper.map(claims(TestIdp.claims(0).put("realm_access", "admin"))))
        .isInstanceOf(TokenRejectedException.class);
    assertThatThrownBy(() -> mapper.map(claims(TestIdp.claims(0).put("realm_access", new JsonObject().put("roles", "pledgepad-admin")))))
        .isInstanceOf(TokenRejectedException.class);
    assertThatThrownBy(() -> mapper.map(claims(TestIdp.claims(0).put("sub", ""))))
        .isInstanceOf(TokenRejectedException.class);
    assertThatThrownBy(() -> mapper.map(claims(TestIdp.claims(0).put("name", "Anna\u202Eevil"))))
        .isInstanceOf(TokenRejectedException.class);
  }
}
