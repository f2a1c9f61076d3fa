package se.socialportal.demo;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.time.Clock;

/**
 * What a demo installation starts with. Idempotent: every insert is keyed, so a restart on the kept demo database
 * changes nothing.
 */
public final class DemoData {

  public static final String DEMO_TENANT = "demo";
  public static final String NEIGHBOUR_TENANT = "grannkommun";

  private DemoData() {
  }

  /** The demo cases; the two municipalities themselves come from robots/tenants/ (TenantSync, before this). */
  public static Future<Void> seed(Pool pool, Clock clock) {
    return DemoCasework.seed(pool, clock);
  }
}
