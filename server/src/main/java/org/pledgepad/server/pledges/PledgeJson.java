package org.pledgepad.server.pledges;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.pledgepad.pledges.export.JsonExport;
import org.pledgepad.pledges.model.Pledge;
import org.pledgepad.pledges.model.PledgeDocument;
import org.pledgepad.pledges.model.StatusTrack;

/** JSON shapes of the pledge API; records go through the pledges module's own JSON conventions. */
final class PledgeJson {
  private PledgeJson() {}

  static JsonObject of(Object record) {
    return new JsonObject(JsonExport.toJson(record));
  }

  static JsonObject link(StoredLink l) {
    return of(l.link()).put("id", l.id());
  }

  static JsonObject documentSummary(PledgeDocument d, String stage) {
    return new JsonObject()
        .put("name", d.id())
        .put("title", d.title())
        .put("issuer", d.issuer())
        .put("kind", d.kind().name())
        .put("kindLabel", d.kind().label())
        .put("period", d.period())
        .put("sourceUrl", d.sourceUrl())
        .put("licence", d.licence())
        .put("chapter", d.chapter())
        .put("stage", stage)
        .put("pledgeCount", d.pledges().size());
  }

  static JsonObject document(PledgeDocument d, String stage, List<StatusTrack> tracks, List<StoredLink> links) {
    Map<String, StatusTrack> byId = tracks.stream().collect(Collectors.toMap(StatusTrack::pledgeId, Function.identity()));
    JsonArray pledges = new JsonArray();
    for (Pledge p : d.pledges()) {
      StatusTrack t = byId.getOrDefault(p.id(), StatusTrack.open(p.id()));
      pledges.add(of(p)
          .put("status", t.current().name())
          .put("statusLabel", t.current().label())
          .put("statusHistory", of(t).getJsonArray("history"))
          .put("evidence", of(t).getJsonArray("evidence")));
    }
    JsonArray ls = new JsonArray();
    links.forEach(l -> ls.add(link(l)));
    return documentSummary(d, stage).put("preamble", new JsonArray(d.preamble())).put("pledges", pledges).put("links", ls);
  }
}
