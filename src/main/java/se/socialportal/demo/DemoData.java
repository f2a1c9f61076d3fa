package se.socialportal.demo;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import se.socialportal.tenant.TenantRepository;

/**
 * What a demo installation starts with. Idempotent: every insert is keyed, so a restart on the kept demo database
 * changes nothing.
 */
public final class DemoData {

  public static final String DEMO_TENANT = "demo";

  private DemoData() {
  }

  public static Future<Void> seed(Pool pool) {
    return new TenantRepository(pool).ensure(new TenantRepository.Tenant(DEMO_TENANT, "Demo kommun", "9999",
      "212000-0000", "socialtjansten@demo.example", "0123-456 00", "Box 1, 999 99 Demostad"));
  }
}
