package org.pledgepad.server.pledges;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.pledgepad.auth.Principal;
import org.pledgepad.pledges.compare.ComparisonResult;
import org.pledgepad.pledges.export.CsvExport;
import org.pledgepad.pledges.export.ExportFile;
import org.pledgepad.pledges.export.HtmlReport;
import org.pledgepad.pledges.export.JsonExport;
import org.pledgepad.pledges.export.LicenceInfo;
import org.pledgepad.pledges.export.MarkdownExport;
import org.pledgepad.pledges.export.OpenDataBundle;
import org.pledgepad.server.http.EntityTags;
import org.pledgepad.server.protocol.DocumentNames;

/**
 * /open-data: public, read-only exports of published and consultation pledge documents, with
 * stable URLs, the licence in every file and in a Link header, and strong ETags (the renderers are
 * deterministic) so that If-None-Match answers 304 without a body. A file is rendered only when
 * what it is built from changed ({@link RenderedFiles}), and each request holds one of its client's
 * slots ({@link PledgeReadLimit}). The files are the same for everyone and need no credentials, so
 * the client is its address; a stale token sent along must not fail a public download.
 */
public final class OpenDataRoutes {
  private final PledgeService service;
  private final PledgeReadLimit limit;
  private final RenderedFiles files;

  OpenDataRoutes(PledgeService service, PledgeReadLimit limit, RenderedFiles files) {
    this.service = service;
    this.limit = limit;
    this.files = files;
  }

  public void mount(Router router) {
    router.get("/open-data/pledges.json").handler(ctx -> bundle(ctx, "pledges.json", b -> JsonExport.export(b, "pledges.json")));
    router.get("/open-data/pledges.csv").handler(ctx -> bundle(ctx, "pledges.csv", CsvExport::pledges));
    router.get("/open-data/links.csv").handler(ctx -> bundle(ctx, "links.csv", CsvExport::links));
    router.get("/open-data/status.csv").handler(ctx -> bundle(ctx, "status.csv", CsvExport::statuses));
    router.get("/open-data/successions.csv").handler(ctx -> bundle(ctx, "successions.csv", CsvExport::successions));
    router.get("/open-data/pledges.md").handler(ctx -> bundle(ctx, "pledges.md", b -> MarkdownExport.export(b, "pledges.md")));
    router.get("/open-data/documents/:file").handler(this::markdown);
    router.get("/open-data/compare/:a/:file").handler(this::compare);
  }

  private interface Render {
    ExportFile render(OpenDataBundle b) throws Exception;
  }

  /** A comparison report's records: the comparison and the bundle that supplies the successions. */
  private record Report(ComparisonResult result, OpenDataBundle context) {}

  private void bundle(RoutingContext ctx, String key, Render render) {
    limited(ctx, () -> service.openData()
        .compose(b -> files.file(key, b, () -> render.render(b)))
        .onSuccess(f -> send(ctx, f, service.licence())));
  }

  private void markdown(RoutingContext ctx) {
    String name = stripSuffix(ctx.pathParam("file"), ".md");
    if (name == null) {
      PledgeProblems.notFound(ctx, "No such export");
      return;
    }
    limited(ctx, () -> service.publicDocument(name).compose(d -> {
      if (d.isEmpty()) {
        PledgeProblems.notFound(ctx, "No such public pledge document");
        return Future.succeededFuture();
      }
      OpenDataBundle one = OpenDataBundle.of(service.licence(), List.of(d.get()), List.of(), List.of());
      return files.file("documents/" + name + ".md", one, () -> MarkdownExport.export(one, name + ".md")).map(f -> {
        send(ctx, f, service.licence());
        return null;
      });
    }));
  }

  private void compare(RoutingContext ctx) {
    String a = ctx.pathParam("a");
    String b = stripSuffix(ctx.pathParam("file"), ".html");
    if (b == null || !DocumentNames.isValid(a) || a.equals(b)) {
      PledgeProblems.notFound(ctx, "No such export");
      return;
    }
    limited(ctx, () -> service.publicDocument(a).compose(da -> service.publicDocument(b).compose(db -> {
      if (da.isEmpty() || db.isEmpty()) {
        PledgeProblems.notFound(ctx, "No such public pledge document");
        return Future.succeededFuture();
      }
      // The open-data bundle supplies the successions of either document, with their notes.
      return service.compare(da.get(), db.get()).compose(r -> service.openData().compose(context ->
          files.file("compare/" + a + "/" + b + ".html", new Report(r, context),
              () -> HtmlReport.export(r, context, a + "-" + b + ".html"))))
          .map(f -> {
            send(ctx, f, service.licence());
            return null;
          });
    })));
  }

  /** Runs {@code work} in one of the client's slots (as a guest: by address); failures answered. */
  private <T> void limited(RoutingContext ctx, java.util.function.Supplier<Future<T>> work) {
    limit.run(ctx, Principal.anonymous(), work).onFailure(e -> PledgeProblems.failed(ctx, e));
  }

  static void send(RoutingContext ctx, ExportFile f, LicenceInfo licence) {
    ctx.response()
        .putHeader("ETag", f.etag())
        // Caches may keep the file but must revalidate: statuses and links change at any time.
        .putHeader("Cache-Control", "public, no-cache")
        .putHeader("Link", "<" + licence.url() + ">; rel=\"license\"")
        .putHeader("Access-Control-Allow-Origin", "*");
    if (EntityTags.matches(ctx.request().getHeader("If-None-Match"), f.etag())) {
      ctx.response().setStatusCode(304).end();
      return;
    }
    ctx.response()
        .putHeader("Content-Type", f.mediaType())
        .putHeader("Content-Disposition", "inline; filename=\"" + f.fileName() + "\"")
        .end(Buffer.buffer(f.content()));
  }

  private static String stripSuffix(String file, String suffix) {
    if (file == null || !file.endsWith(suffix)) {
      return null;
    }
    String name = file.substring(0, file.length() - suffix.length());
    return DocumentNames.isValid(name) ? name : null;
  }
}
