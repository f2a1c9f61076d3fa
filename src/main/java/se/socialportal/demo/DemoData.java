package se.socialportal.demo;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import se.socialportal.tenant.TenantRepository;

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

  public static Future<Void> seed(Pool pool, Clock clock) {
    TenantRepository tenants = new TenantRepository(pool);
    return tenants.ensure(new TenantRepository.Tenant(DEMO_TENANT, "Demo kommun", "9999",
        "212000-0000", "socialtjansten@demo.example", "0123-456 00", "Box 1, 999 99 Demostad"))
      .compose(v -> tenants.ensure(new TenantRepository.Tenant(NEIGHBOUR_TENANT, "Grannkommunen", "9998",
        "212000-0001", "socialtjansten@grannkommun.example", "0123-789 00", "Box 2, 999 98 Grannby")))
      .compose(v -> DemoCasework.seed(pool, clock));
  }
}
