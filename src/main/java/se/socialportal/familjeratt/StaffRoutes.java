package se.socialportal.familjeratt;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import se.socialportal.identity.session.Session;
import se.socialportal.identity.session.SessionAccess;
import se.socialportal.platform.http.ApiException;
import se.socialportal.platform.http.RoutesModule;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** The familjerättssekreterare's API under /api/v1/familjeratt/staff; other staff roles get 403. */
final class StaffRoutes implements RoutesModule {

  private static final String BASE = "/api/v1/familjeratt/staff";
  static final String ROLE = "familjerattssekreterare";

  private final SessionAccess sessions;
  private final Room room;
  private final Catalogue catalogue;
  private final StaffDesk desk;
  private final Schedules schedules;
  private final StaffViews views;
  private final Notices notices;

  StaffRoutes(SessionAccess sessions, Room room, Catalogue catalogue, StaffDesk desk,
              Schedules schedules, StaffViews views, Notices notices) {
    this.sessions = sessions;
    this.room = room;
    this.catalogue = catalogue;
    this.desk = desk;
    this.schedules = schedules;
    this.views = views;
    this.notices = notices;
  }

  @Override
  public void mount(Router router) {
    router.route(BASE + "/*").handler(sessions::load).handler(sessions::requireStaff).handler(ctx -> {
      if (!me(ctx).hasRole(ROLE)) {
        ctx.fail(ApiException.forbidden("forbidden"));
        return;
      }
      ctx.next();
    });
    router.get(BASE + "/services").handler(ctx -> Http.reply(ctx, () -> io.vertx.core.Future.succeededFuture(
      catalogue.services(me(ctx).tenantId()))));
    router.get(BASE + "/calendar").handler(this::calendar);
    router.post(BASE + "/schedules").handler(ctx -> Http.reply(ctx, 201, () -> schedules.add(me(ctx), Http.body(ctx))));
    router.delete(BASE + "/schedules/:id").handler(ctx -> Http.reply(ctx, () -> schedules.remove(me(ctx),
      Http.id(ctx, "id"))));
    router.post(BASE + "/closures").handler(ctx -> Http.reply(ctx, 201, () -> schedules.addClosure(me(ctx),
      Http.body(ctx))));
    router.post(BASE + "/bookings").handler(ctx -> Http.reply(ctx, 201, () -> desk.book(me(ctx), Http.body(ctx),
      Http.rid(ctx))));
    router.get(BASE + "/bookings/:id").handler(ctx -> Http.reply(ctx, () -> views.booking(me(ctx), Http.id(ctx, "id"),
      Http.rid(ctx))));
    router.post(BASE + "/bookings/:id/meetings").handler(ctx -> Http.reply(ctx, 201, () -> desk.addMeeting(me(ctx),
      Http.id(ctx, "id"), Http.body(ctx), Http.rid(ctx))));
    router.post(BASE + "/bookings/:id/cancel").handler(ctx -> Http.reply(ctx, () -> desk.cancel(me(ctx),
      Http.id(ctx, "id"), Http.body(ctx), Http.rid(ctx))));
    router.post(BASE + "/bookings/:id/separate").handler(ctx -> Http.reply(ctx, () -> desk.separate(me(ctx),
      Http.id(ctx, "id"), Http.rid(ctx))));
    router.post(BASE + "/bookings/:id/intyg").handler(ctx -> Http.reply(ctx, 201, () -> desk.intyg(me(ctx),
      Http.id(ctx, "id"), Http.rid(ctx))));
    router.post(BASE + "/meetings/:id/interpreter").handler(ctx -> Http.reply(ctx, () -> desk.interpreter(me(ctx),
      Http.id(ctx, "id"), Http.body(ctx), Http.rid(ctx))));
    router.post(BASE + "/meetings/:id/attendance").handler(ctx -> Http.reply(ctx, () -> desk.attendance(me(ctx),
      Http.id(ctx, "id"), Http.body(ctx), Http.rid(ctx))));
    router.get(BASE + "/notices").handler(ctx -> Http.reply(ctx, () -> notices.list(me(ctx), Http.rid(ctx))));
    router.post(BASE + "/notices").handler(ctx -> Http.reply(ctx, 201, () -> notices.register(me(ctx), Http.body(ctx))));
    router.post(BASE + "/notices/file").handler(ctx -> Http.reply(ctx, () -> notices.importFile(me(ctx),
      Fields.string(Http.body(ctx), "text"))));
    router.post(BASE + "/notices/:id/close").handler(ctx -> Http.reply(ctx, () -> notices.close(me(ctx),
      Http.id(ctx, "id"))));
    router.get(BASE + "/documents/:id").handler(ctx -> Http.file(ctx, "application/pdf", "dokument.pdf",
      () -> views.document(me(ctx), Http.id(ctx, "id"), Http.rid(ctx))));
  }

  private void calendar(RoutingContext ctx) {
    Http.reply(ctx, () -> {
      LocalDate from;
      try {
        from = Http.query(ctx, "from").map(LocalDate::parse).orElse(room.today());
      } catch (DateTimeParseException e) {
        throw ApiException.invalid("from", "date_invalid");
      }
      int days = Http.query(ctx, "days").map(value -> value.matches("[0-9]{1,2}") ? Integer.parseInt(value) : 0)
        .orElse(7);
      if (days < 1 || days > 42) {
        throw ApiException.invalid("days", "days_invalid");
      }
      return views.calendar(me(ctx), from, days, Http.query(ctx, "staff").map(value -> {
        try {
          return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
          throw ApiException.invalid("staff", "id_invalid");
        }
      }), Http.query(ctx, "unit"), Http.rid(ctx));
    });
  }

  private static Session me(RoutingContext ctx) {
    return SessionAccess.current(ctx).filter(Session::isStaff).orElseThrow(ApiException::unauthenticated);
  }
}
