package se.socialportal.bankid;

import io.vertx.core.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.TestClock;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.socialportal.testing.Futures.await;

@DisplayName("Collect is called at most every two seconds per order, whatever the caller does")
class BankIdCollectThrottleTest {

  private static SimulatorFixture fixture;

  @BeforeAll
  static void start() {
    fixture = new SimulatorFixture();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  @DisplayName("two collects within two seconds make one call; after two seconds the next call goes out")
  void oneCallPerInterval() {
    OrderStart start = await(fixture.client.auth(AuthRequest.builder("192.0.2.1").build()));
    int before = calls();
    CollectResult first = await(fixture.client.collect(start.orderRef()));
    fixture.clock.advance(Duration.ofMillis(1999));
    CollectResult second = await(fixture.client.collect(start.orderRef()));
    assertEquals(before + 1, calls());
    assertEquals(first, second);
    fixture.clock.advance(Duration.ofMillis(1));
    await(fixture.client.collect(start.orderRef()));
    assertEquals(before + 2, calls());
  }

  @Test
  @DisplayName("simultaneous collects share the call in flight")
  void concurrentCallersShare() {
    OrderStart start = await(fixture.client.auth(AuthRequest.builder("192.0.2.1").build()));
    int before = calls();
    Future<CollectResult> a = fixture.client.collect(start.orderRef());
    Future<CollectResult> b = fixture.client.collect(start.orderRef());
    Future<CollectResult> c = fixture.client.collect(start.orderRef());
    await(Future.all(a, b, c));
    assertEquals(before + 1, calls());
  }

  @Test
  @DisplayName("each order has its own interval")
  void perOrder() {
    OrderStart one = await(fixture.client.auth(AuthRequest.builder("192.0.2.1").build()));
    OrderStart two = await(fixture.client.auth(AuthRequest.builder("192.0.2.2").build()));
    int before = calls();
    await(fixture.client.collect(one.orderRef()));
    await(fixture.client.collect(two.orderRef()));
    assertEquals(before + 2, calls());
  }

  @Test
  @DisplayName("after a cancel the next collect asks BankID instead of repeating the cached pending answer")
  void cancelForgets() {
    OrderStart start = await(fixture.client.auth(AuthRequest.builder("192.0.2.1").build()));
    assertEquals(CollectStatus.PENDING, await(fixture.client.collect(start.orderRef())).status());
    await(fixture.client.cancel(start.orderRef()));
    assertEquals(HintCode.CANCELLED, await(fixture.client.collect(start.orderRef())).hintCode());
  }

  @Test
  @DisplayName("entries for finished orders are evicted once their interval is over; unfinished ones when old")
  void eviction() {
    TestClock clock = TestClock.stopped(TestClock.START);
    CollectThrottle throttle = new CollectThrottle(clock, Duration.ofSeconds(2), Duration.ofMinutes(10));
    throttle.collect("done", () -> Future.succeededFuture(result("done", "complete")));
    throttle.collect("waiting", () -> Future.succeededFuture(result("waiting", "pending")));
    assertEquals(2, throttle.size());
    clock.advance(Duration.ofSeconds(2));
    throttle.collect("other", () -> Future.succeededFuture(result("other", "pending")));
    assertEquals(2, throttle.size(), "the complete order's entry is gone, the pending one stays");
    clock.advance(Duration.ofMinutes(10));
    throttle.collect("last", () -> Future.succeededFuture(result("last", "pending")));
    assertEquals(1, throttle.size(), "old entries go whatever their state");
  }

  private static CollectResult result(String orderRef, String status) {
    return CollectResult.fromJson(new io.vertx.core.json.JsonObject().put("orderRef", orderRef).put("status", status));
  }

  private static int calls() {
    return fixture.simulator.rpRequestCount("/collect");
  }
}
