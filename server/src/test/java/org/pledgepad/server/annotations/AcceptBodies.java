package org.pledgepad.server.annotations;

import io.vertx.core.json.JsonObject;

/** Accept request bodies as the web client builds them: from the thread view the editor read. */
public final class AcceptBodies {
  private AcceptBodies() {}

  public static JsonObject reviewed(JsonObject threadView) {
    JsonObject anchor = threadView.getJsonObject("anchor");
    return new JsonObject().put("reviewed", new JsonObject()
        .put("replacement", threadView.getJsonObject("suggestion").getString("replacement"))
        .put("start", anchor.getString("start"))
        .put("end", anchor.getString("end"))
        .put("quote", anchor.getString("quote")));
  }
}
