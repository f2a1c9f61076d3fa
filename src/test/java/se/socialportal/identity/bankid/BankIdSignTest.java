package se.socialportal.identity.bankid;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.identity.PersonRepository;
import se.socialportal.identity.Personnummer;
import se.socialportal.platform.http.RateLimiter;
import se.socialportal.platform.http.Responses;
import se.socialportal.platform.http.RoutesModule;
import se.socialportal.platform.http.RouterAssembly;
import se.socialportal.testing.Browser;
import se.socialportal.testing.ResidentLogins;
import se.socialportal.testing.TestApp;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Signing with BankID: only the named person can sign, the evidence is kept, the room's handler runs once")
class BankIdSignTest {

  private static TestApp app;
  private static HttpServer server;
  private static final List<SignCompletion.CompletedSignature> COMPLETED = new CopyOnWriteArrayList<>();
  private static UUID tolvan;

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.start("bankidsign");
    BankIdOrders orders = app.services().identity().bankIdOrders();
    orders.onSignComplete("test", (tx, signature) -> {
      COMPLETED.add(signature);
      return tx.query("SELECT 1").execute().map(rows -> new SignCompletion.Result(Optional.of("/signerat/"), Map.of()));
    });
    tolvan = new PersonRepository(app.services().pool())
      .ensure(Personnummer.parse("191212121212", LocalDate.of(2026, 1, 1)).orElseThrow())
      .await(10, TimeUnit.SECONDS).id();
    // A stand-in for a room's "sign this" endpoint, served beside the real order routes.
    BankIdBrowsers browsers = app.services().identity().bankIdBrowsers();
    RoutesModule signHere = router -> router.post("/api/v1/test/sign").handler(ctx ->
      Responses.reply(ctx, orders.startSign(browsers.caller(ctx), BankIdBrowsers.sameDevice(ctx), "demo", tolvan,
        new SignSubject("test", UUID.randomUUID().toString()),
        "Jag intygar att uppgifterna i **ansökan för oktober 2025** är sanna.").map(started -> {
          browsers.bind(ctx, started.binding());
          return started.toJson();
        })));
    RoutesModule orderRoutes = new BankIdOrderRoutes(orders, browsers, app.services().identity().sessions(),
      new RateLimiter(app.services().pool(), app.services().clock(), "test", 1000, Duration.ofMinutes(1)),
      app.services().http().clientAddress(), app.services().tenants());
    RoutesModule simulator = router -> app.bankIdSimulator().orElseThrow().mount(router);
    server = app.vertx().createHttpServer()
      .requestHandler(RouterAssembly.create(app.vertx(), app.services().http(), List.of(signHere, orderRoutes, simulator)))
      .listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static Browser browser() {
    return new Browser(app).baseUrl("http://127.0.0.1:" + server.actualPort());
  }

  @Test
  @DisplayName("the named person signs: the handler gets signature, OCSP response, orderRef and the text shown")
  void signs() {
    Browser browser = browser();
    JsonObject order = browser.post("/api/v1/test/sign", new JsonObject()).bodyAsJsonObject();
    ResidentLogins.approve(browser, ResidentLogins.open(browser, order), "tolvan");
    JsonObject done = browser.post(ResidentLogins.collectPath(order), new JsonObject()).bodyAsJsonObject();
    assertEquals("complete", done.getString("status"));
    assertEquals("/signerat/", done.getString("redirect"));
    SignCompletion.CompletedSignature signature = COMPLETED.stream()
      .filter(s -> s.orderId().toString().equals(order.getString("orderId"))).findFirst().orElseThrow();
    assertEquals(tolvan, signature.personId());
    assertTrue(signature.userVisibleData().contains("ansökan för oktober 2025"));
    assertTrue(signature.signature().length() > 100 && !signature.ocspResponse().isEmpty()
      && !signature.orderRef().isEmpty());
    assertEquals(1L, COMPLETED.stream().filter(s -> s.orderId().equals(signature.orderId())).count());
    browser.post(ResidentLogins.collectPath(order), new JsonObject());
    assertEquals(1L, COMPLETED.stream().filter(s -> s.orderId().equals(signature.orderId())).count(),
      "collecting again does not run the handler again");
  }

  @Test
  @DisplayName("someone else cannot sign an order meant for the named person")
  void wrongPersonCannotSign() {
    Browser browser = browser();
    JsonObject order = browser.post("/api/v1/test/sign", new JsonObject()).bodyAsJsonObject();
    String orderRef = ResidentLogins.open(browser, order);
    HttpResponse<Buffer> refused = browser.post("/bankid-simulator/api/orders/" + orderRef + "/complete",
      new JsonObject().put("identityId", "testa"));
    assertNotEquals(200, refused.statusCode(), "BankID refuses a signer other than requirement.personalNumber");
    JsonObject state = browser.post(ResidentLogins.collectPath(order), new JsonObject()).bodyAsJsonObject();
    assertNotEquals("complete", state.getString("status"));
    assertTrue(COMPLETED.stream().noneMatch(s -> s.orderId().toString().equals(order.getString("orderId"))));
  }

}
