package se.socialportal.bistand.attachment;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import se.socialportal.bistand.HttpParams;
import se.socialportal.identity.session.SessionAccess;
import se.socialportal.platform.http.ApiException;
import se.socialportal.platform.http.JsonRequests;
import se.socialportal.platform.http.RequestIds;
import se.socialportal.platform.http.Responses;
import se.socialportal.platform.http.RoutesModule;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Upload, removal and download of a case's attachments. Files are never in webroot: they are served only here, to
 * the household, as downloads (Content-Disposition: attachment, nosniff, a sandboxing CSP), from a URL with two
 * random ids.
 */
public final class AttachmentRoutes implements RoutesModule {

  private static final String BASE = "/api/v1/applications/:id/attachments";
  /** The multipart envelope around one file is small; anything much larger than a 10 MB file is refused unread. */
  private static final long MAX_REQUEST_BYTES = AttachmentStore.MAX_BYTES + 64 * 1024;

  private final SessionAccess sessions;
  private final AttachmentService attachments;
  private final MultipartReceiver receiver;

  public AttachmentRoutes(SessionAccess sessions, AttachmentService attachments, MultipartReceiver receiver) {
    this.sessions = sessions;
    this.attachments = attachments;
    this.receiver = receiver;
  }

  @Override
  public void mount(Router router) {
    JsonRequests.acceptsUpload(router.post(BASE)).handler(AttachmentRoutes::pause).handler(sessions::load)
      .handler(sessions::requireResident).handler(this::upload);
    router.delete(BASE + "/:attachmentId").handler(sessions::load).handler(sessions::requireResident)
      .handler(this::remove);
    router.get(BASE + "/:attachmentId").handler(sessions::load).handler(sessions::requireResident)
      .handler(this::download);
  }

  /** Holds the upload's bytes until we know who sends them; never leaves a request paused after the answer. */
  private static void pause(RoutingContext ctx) {
    ctx.request().pause();
    ctx.addHeadersEndHandler(v -> {
      if (!ctx.request().isEnded()) {
        ctx.request().resume();
      }
    });
    ctx.next();
  }

  private void upload(RoutingContext ctx) {
    var session = SessionAccess.resident(ctx);
    var id = HttpParams.id(ctx, "id");
    String length = ctx.request().getHeader("Content-Length");
    if (length != null && length.matches("[0-9]{1,18}") && Long.parseLong(length) > MAX_REQUEST_BYTES) {
      ctx.fail(ApiException.invalid("file", "attachment_too_large", AttachmentStore.MAX_BYTES / (1024 * 1024)));
      return;
    }
    receiver.receive(ctx.request())
      .compose(received -> attachments.upload(session, id, received))
      .onSuccess(json -> Responses.created(ctx, json))
      .onFailure(ctx::fail);
  }

  private void remove(RoutingContext ctx) {
    attachments.remove(SessionAccess.resident(ctx), HttpParams.id(ctx, "id"), HttpParams.id(ctx, "attachmentId"))
      .onSuccess(v -> Responses.noContent(ctx)).onFailure(ctx::fail);
  }

  private void download(RoutingContext ctx) {
    attachments.forDownload(SessionAccess.resident(ctx), HttpParams.id(ctx, "id"), HttpParams.id(ctx, "attachmentId"),
        RequestIds.of(ctx))
      .compose(attachment -> ctx.response()
        .putHeader("Content-Type", attachment.mediaType())
        .putHeader("Content-Disposition", disposition(attachment.fileName()))
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Content-Security-Policy", "default-src 'none'; sandbox")
        .putHeader("Cache-Control", "no-store")
        .sendFile(attachments.path(attachment).toString()))
      .onFailure(ctx::fail);
  }

  /** attachment; with an ASCII fallback name and the real name in RFC 5987 form. */
  static String disposition(String fileName) {
    String ascii = fileName.replaceAll("[^A-Za-z0-9._ -]", "_");
    String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }
}
