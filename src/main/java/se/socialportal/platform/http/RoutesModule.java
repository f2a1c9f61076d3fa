package se.socialportal.platform.http;

import io.vertx.ext.web.Router;

/**
 * A room's HTTP surface. The HTTP verticle builds one router per instance and asks every module to mount its routes;
 * a module holds only shared, thread-safe clients (pool, BankID client, rules) and keeps its handlers small.
 */
@FunctionalInterface
public interface RoutesModule {
  void mount(Router router);
}
