package se.socialportal.familjeratt;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import se.socialportal.identity.bankid.BankIdBrowsers;
import se.socialportal.identity.session.SessionAccess;
import se.socialportal.platform.http.RoutesModule;

import java.util.UUID;

/** The residents' API under /api/v1/familjeratt: thin handlers that read the request and call a service. */
final class ResidentRoutes implements RoutesModule {

  private static final String BASE = "/api/v1/familjeratt";

  private final SessionAccess sessions;
  private final Catalogue catalogue;
  private final Bookings bookings;
  private final BookingViews views;
  private final Confirmations confirmations;
  private final BankIdBrowsers browsers;

  ResidentRoutes(SessionAccess sessions, Catalogue catalogue, Bookings bookings, BookingViews views,
                 Confirmations confirmations, BankIdBrowsers browsers) {
    this.sessions = sessions;
    this.catalogue = catalogue;
    this.bookings = bookings;
    this.views = views;
    this.confirmations = confirmations;
    this.browsers = browsers;
  }

  @Override
  public void mount(Router router) {
    router.getWithRegex(BASE + "/(services|times|bookings).*").handler(sessions::load).handler(sessions::requireResident);
    router.postWithRegex(BASE + "/bookings.*").handler(sessions::load).handler(sessions::requireResident);
    router.get(BASE + "/services").handler(ctx -> Http.reply(ctx, () -> Future.succeededFuture(
      catalogue.services(SessionAccess.resident(ctx).tenantId()))));
    router.get(BASE + "/times").handler(ctx -> Http.reply(ctx, () -> catalogue.times(SessionAccess.resident(ctx),
      Http.query(ctx, "service").orElse(""), Http.query(ctx, "interpreter").map("true"::equals).orElse(false),
      Http.query(ctx, "booking"), Http.query(ctx, "expectedBirth"))));
    router.get(BASE + "/bookings").handler(ctx -> Http.reply(ctx, () -> views.list(SessionAccess.resident(ctx))));
    router.post(BASE + "/bookings").handler(ctx -> Http.reply(ctx, 201, () -> bookings.book(
      SessionAccess.resident(ctx), Http.body(ctx))));
    router.get(BASE + "/bookings/:id").handler(ctx -> Http.reply(ctx, () -> views.view(SessionAccess.resident(ctx),
      Http.id(ctx, "id"))));
    router.post(BASE + "/bookings/:id/move").handler(ctx -> Http.reply(ctx, () -> bookings.move(
      SessionAccess.resident(ctx), Http.id(ctx, "id"), Http.body(ctx))));
    router.post(BASE + "/bookings/:id/cancel").handler(ctx -> Http.reply(ctx, () -> bookings.cancel(
      SessionAccess.resident(ctx), Http.id(ctx, "id"))));
    router.post(BASE + "/bookings/:id/decline").handler(ctx -> Http.reply(ctx, () -> bookings.decline(
      SessionAccess.resident(ctx), Http.id(ctx, "id"))));
    router.post(BASE + "/bookings/:id/confirm").handler(ctx -> Http.reply(ctx, () -> confirmations.prepare(
      SessionAccess.resident(ctx), Http.id(ctx, "id"), Http.body(ctx))));
    router.post(BASE + "/bookings/:id/confirm/sign").handler(ctx -> Http.reply(ctx, 201, () -> {
      UUID id = Http.id(ctx, "id");
      return confirmations.startSign(browsers.caller(ctx), BankIdBrowsers.sameDevice(ctx), SessionAccess.resident(ctx),
        id).map(started -> {
          browsers.bind(ctx, started.binding());
          return started.toJson().put("bookingId", id.toString());
        });
    }));
    router.get(BASE + "/bookings/:id/calendar.ics").handler(ctx -> Http.file(ctx, "text/calendar; charset=utf-8",
      "familjeratt.ics", () -> views.calendar(SessionAccess.resident(ctx), Http.id(ctx, "id")).map(Buffer::buffer)));
    router.get(BASE + "/bookings/:id/documents/:documentId").handler(ctx -> document(ctx));
  }

  private void document(RoutingContext ctx) {
    Http.file(ctx, "application/pdf", "intyg.pdf", () -> views.document(SessionAccess.resident(ctx),
      Http.id(ctx, "id"), Http.id(ctx, "documentId")));
  }
}
