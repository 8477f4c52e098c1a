package org.pledgepad.auth.oidc;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.pledgepad.auth.token.JwsAlgorithm;
import org.pledgepad.auth.token.StrictJson;

/**
 * The parts of an OIDC discovery document (OpenID Connect Discovery 1.0) that Pledgepad uses,
 * validated against the configured settings: the document's "issuer" must equal the configured
 * issuer exactly (section 4.3), endpoints must be https (http only for loopback in development),
 * and the provider must support at least one of our allowed ID-token algorithms.
 */
public record ProviderMetadata(String issuer, URI authorizationEndpoint, URI tokenEndpoint,
    URI jwksUri, URI endSessionEndpoint) {
  /** Discovery documents larger than this are refused. */
  public static final int MAX_BYTES = 64 * 1024;

  public static ProviderMetadata parse(byte[] json, OidcSettings settings) {
    if (json.length > MAX_BYTES) {
      throw new IllegalArgumentException("OIDC discovery document too large");
    }
    Map<String, Object> doc = StrictJson.parseObject(json);
    if (!settings.issuerString().equals(doc.get("issuer"))) {
      throw new IllegalArgumentException("OIDC discovery: issuer does not equal the configured oidc.issuer");
    }
    Object algs = doc.get("id_token_signing_alg_values_supported");
    if (algs != null) {
      if (!(algs instanceof List<?> list)) {
        throw new IllegalArgumentException("OIDC discovery: id_token_signing_alg_values_supported is not an array");
      }
      boolean any = list.stream().map(a -> a instanceof String s ? JwsAlgorithm.fromJwsName(s) : null)
          .anyMatch(a -> a != null && settings.algorithms().contains(a));
      if (!any) {
        throw new IllegalArgumentException("OIDC discovery: provider supports none of the allowed ID-token algorithms");
      }
    }
    return new ProviderMetadata(settings.issuerString(),
        endpoint(doc, "authorization_endpoint", true, settings),
        endpoint(doc, "token_endpoint", true, settings),
        endpoint(doc, "jwks_uri", true, settings),
        endpoint(doc, "end_session_endpoint", false, settings));
  }

  private static URI endpoint(Map<String, Object> doc, String name, boolean required, OidcSettings settings) {
    Object v = doc.get(name);
    if (v == null) {
      if (required) {
        throw new IllegalArgumentException("OIDC discovery: " + name + " is missing");
      }
      return null;
    }
    URI uri;
    try {
      uri = v instanceof String s ? new URI(s) : null;
    } catch (java.net.URISyntaxException e) {
      uri = null;
    }
    if (uri == null || !uri.isAbsolute() || uri.getHost() == null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("OIDC discovery: " + name + " is not an absolute URL");
    }
    boolean https = "https".equals(uri.getScheme());
    boolean devHttp = settings.allowHttp() && "http".equals(uri.getScheme()) && OidcSettings.isLoopback(uri);
    if (!https && !devHttp) {
      throw new IllegalArgumentException("OIDC discovery: " + name + " must be https");
    }
    return uri;
  }
}
