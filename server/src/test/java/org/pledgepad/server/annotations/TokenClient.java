package org.pledgepad.server.annotations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.pledgepad.auth.Principal;
import org.pledgepad.auth.token.AccessTokenIssuer;

/** Asynchronous requests to a test server, each with a fresh bearer token for its principal (none: a guest). */
record TokenClient(String httpBase, AccessTokenIssuer issuer) {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  CompletableFuture<HttpResponse<String>> send(String method, String path, Principal p, String json) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(httpBase + path)).timeout(Duration.ofSeconds(60))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    if (p != null) {
      b.header("Authorization", "Bearer " + issuer.issue(p, Duration.ofMinutes(30)));
    }
    return HTTP.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A visible comment thread on a status entry by {@code author}, stored directly, to reply to; its id. */
  static String seedThread(org.pledgepad.annotations.repo.AnnotationRepository repo, String document,
      org.pledgepad.annotations.model.Author author) {
    String id = "seeded-" + System.nanoTime();
    java.time.Instant now = java.time.Instant.now();
    repo.insertThread(new org.pledgepad.annotations.model.AnnotationThread(id, document,
        org.pledgepad.annotations.model.ThreadKind.COMMENT,
        new org.pledgepad.annotations.anchor.Anchor(new byte[0], new byte[0], ""), author, now,
        org.pledgepad.annotations.model.ThreadStatus.OPEN, false, null,
        org.pledgepad.annotations.model.ThreadTargets.pledgeStatus("seeded", 0)));
    repo.insertPost(new org.pledgepad.annotations.model.Post(id + "-p", id, document, author, "Eröffnung", now, null,
        false, org.pledgepad.annotations.model.Moderation.VISIBLE, null));
    return id;
  }
}
