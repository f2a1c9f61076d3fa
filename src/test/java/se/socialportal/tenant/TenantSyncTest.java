package se.socialportal.tenant;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.rules.TenantDetails;
import se.socialportal.testing.TestApp;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("Municipalities join the installation through robots/tenants/<id>/tenant-*.json")
class TenantSyncTest {

  private static TestApp app;

  @BeforeAll
  static void start() {
    app = TestApp.start("tenantsync", new JsonObject().put("DEMO_DATA", "false"));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static Row tenant(String id) throws Exception {
    return app.services().pool().preparedQuery("SELECT * FROM tenant WHERE id = $1").execute(Tuple.of(id))
      .await(10, TimeUnit.SECONDS).iterator().next();
  }

  @Test
  @DisplayName("at startup, without demo data, every tenant file in force is in the tenant table with its nämnd")
  void tenantsFromFiles() throws Exception {
    Row neighbour = tenant("grannkommun");
    assertEquals("Grannkommunen", neighbour.getString("name"));
    assertEquals("Arbetsmarknads- och socialnämnden", neighbour.getString("namnd"));
    assertEquals("Box 2, 999 98 Grannby", neighbour.getString("postal_address"));
    assertEquals("Socialnämnden", tenant("demo").getString("namnd"));
  }

  @Test
  @DisplayName("a new version of the file updates the row (a renamed nämnd reaches the letters); nothing is removed")
  void newVersionUpdates() throws Exception {
    TenantSync.apply(app.services().pool(), List.of(new TenantDetails("grannkommun", "grannkommun-tenant-2026.1",
      "Grannkommunen", "Välfärdsnämnden", Optional.of("9998"), Optional.empty(), "Box 3, 999 97 Grannby",
      "0123-789 01", "valfard@grannkommun.example"))).await(10, TimeUnit.SECONDS);
    Row neighbour = tenant("grannkommun");
    assertEquals("Välfärdsnämnden", neighbour.getString("namnd"));
    assertEquals("Box 3, 999 97 Grannby", neighbour.getString("postal_address"));
    assertEquals("Demo kommun", tenant("demo").getString("name"), "other tenants are left as they are");
    // Back to the files, as the next startup would do (the other test reads them).
    TenantSync.apply(app.services().pool(), app.services().rules().get().tenantDetails(app.clock().thisMonth()))
      .await(10, TimeUnit.SECONDS);
    assertEquals("Arbetsmarknads- och socialnämnden", tenant("grannkommun").getString("namnd"));
  }
}
