package org.pledgepad.server.pledges;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Puts the current display name beside every account id an answer carries for a signed-in reader:
 * {@code createdByName} beside a link's {@code createdBy}, {@code changedByName} beside a status
 * change's {@code changedBy}, {@code actorName} beside a succession log entry's {@code actor}. Resolved at read time, never stored, so an erased account reads
 * "gelöscht" everywhere; an id that is no account here (an import's, a service token's) gets no
 * name. Guests get neither (their answers carry no ids, see {@code PledgeApiRoutes.forGuest});
 * signed-in citizens get the names without the ids ({@link #withoutIds}).
 */
final class ActorNames {
  private static final Map<String, String> NAMED = Map.of("createdBy", "createdByName", "changedBy", "changedByName",
      "actor", "actorName");

  private ActorNames() {}

  /** {@code json} with the names added in place (returned for chaining). */
  static JsonObject add(JsonObject json, Function<String, Optional<String>> names) {
    walk(json, names);
    return json;
  }

  /** {@code json} with every account id emptied in place, the names left (returned for chaining). */
  static JsonObject withoutIds(JsonObject json) {
    blank(json);
    return json;
  }

  private static void blank(Object node) {
    if (node instanceof JsonObject o) {
      for (String idField : NAMED.keySet()) {
        if (o.getValue(idField) instanceof String) {
          o.put(idField, "");
        }
      }
      for (String key : o.fieldNames()) {
        blank(o.getValue(key));
      }
    } else if (node instanceof JsonArray a) {
      for (Object item : a) {
        blank(item);
      }
    }
  }

  private static void walk(Object node, Function<String, Optional<String>> names) {
    if (node instanceof JsonObject o) {
      NAMED.forEach((idField, nameField) -> {
        if (o.getValue(idField) instanceof String id && !id.isEmpty()) {
          names.apply(id).ifPresent(name -> o.put(nameField, name));
        }
      });
      for (String key : o.fieldNames()) {
        walk(o.getValue(key), names);
      }
    } else if (node instanceof JsonArray a) {
      for (Object item : a) {
        walk(item, names);
      }
    }
  }
}
