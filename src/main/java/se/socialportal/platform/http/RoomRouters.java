package se.socialportal.platform.http;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Each room's routes in a router of their own, entered only by a request whose path begins as one of its routes'
 * paths begins. A router tries its routes one after the other and a route with a path parameter is a regular
 * expression matched against every request that gets that far: with every room in one router, a static page was
 * matched against some eighty expressions before the webroot answered it, and a request to the last room against
 * those of every room before. Order and outcome are as with one router: the rooms are entered in mounting order, a
 * request that no route of a room takes goes on to the next one, and failures reach the same failure handlers.
 */
final class RoomRouters {

  /** On the route that enters a room: the room's router, so that {@link #routes} can list its routes. */
  private static final String ROOM = "socialportal.room";
  private static final String QUANTIFIERS = "?*{";
  private static final String REGEX_SPECIAL = "\\[](){}.*+?^$|";

  private RoomRouters() {
  }

  /** Mounts the module's routes on a router of their own, entered from {@code router} as described above. */
  static void mount(Vertx vertx, Router router, RoutesModule module) {
    Router room = Router.router(vertx);
    module.mount(room);
    List<String> prefixes = prefixes(room.getRoutes());
    if (prefixes.isEmpty()) {
      return;
    }
    String[] starts = prefixes.toArray(new String[0]);
    router.route().putMetadata(ROOM, room)
      .handler(ctx -> {
        if (enters(starts, ctx)) {
          room.handleContext(ctx);
        } else {
          ctx.next();
        }
      })
      .failureHandler(ctx -> {
        if (enters(starts, ctx)) {
          room.handleFailure(ctx);
        } else {
          ctx.next();
        }
      });
  }

  /** Every route of the router, the rooms' routes in their place. */
  static List<Route> routes(Router router) {
    List<Route> routes = new ArrayList<>();
    for (Route route : router.getRoutes()) {
      Object room = route.getMetadata(ROOM);
      if (room instanceof Router) {
        routes.addAll(routes((Router) room));
      } else {
        routes.add(route);
      }
    }
    return routes;
  }

  private static boolean enters(String[] starts, RoutingContext ctx) {
    String path = ctx.normalizedPath();
    for (String start : starts) {
      if (path.startsWith(start)) {
        return true;
      }
    }
    return false;
  }

  /** The shortest set of beginnings that every path a route can take starts with ("" when one takes any path). */
  static List<String> prefixes(List<Route> routes) {
    Set<String> all = new LinkedHashSet<>();
    for (Route route : routes) {
      all.add(prefix(route));
    }
    List<String> minimal = new ArrayList<>();
    for (String candidate : all) {
      if (all.stream().noneMatch(other -> !other.equals(candidate) && candidate.startsWith(other))) {
        minimal.add(candidate);
      }
    }
    return minimal;
  }

  private static String prefix(Route route) {
    String path = route.getPath();
    if (path != null) {
      int parameter = path.indexOf(':');
      return parameter < 0 ? path : path.substring(0, parameter);
    }
    // A regular expression route's name is its expression (no room names its routes).
    return route.isRegexPath() && route.getName() != null ? literalPrefix(route.getName()) : "";
  }

  /** The text every match of the expression begins with: up to its first special character or quantified one. */
  static String literalPrefix(String regex) {
    if (regex.startsWith("\\Q")) {
      int end = regex.indexOf("\\E");
      return end < 0 ? regex.substring(2) : regex.substring(2, end);
    }
    int i = 0;
    while (i < regex.length() && REGEX_SPECIAL.indexOf(regex.charAt(i)) < 0) {
      i++;
    }
    if (i < regex.length() && QUANTIFIERS.indexOf(regex.charAt(i)) >= 0 && i > 0) {
      i--;
    }
    return regex.substring(0, i);
  }
}
