package se.socialportal.letters.print;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.demo.AddressSimulator;
import se.socialportal.letters.Letters;
import se.socialportal.platform.config.AppConfig;
import se.socialportal.platform.config.ConfigException;

import java.time.LocalTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("PRINT_ADDRESS_SOURCE and PRINT_BATCH_TIME: the simulator only in demo mode, production says it has no source")
class PostalAddressSourcesTest {

  private static AppConfig config(String mode, String source) {
    return new AppConfig(new JsonObject().put("MODE", mode).put("PRINT_ADDRESS_SOURCE", source)
      .put("PRINT_BATCH_TIME", "14:00"));
  }

  @Test
  @DisplayName("auto: the simulator in demo mode, no source in production; simulator in production is refused")
  void choice() {
    assertEquals("simulator", PostalAddressSources.from(config("demo", "auto"), AddressSimulator::new).name());
    PostalAddressSource production = PostalAddressSources.from(config("production", "auto"), () -> {
      throw new AssertionError("production never makes the simulator");
    });
    assertFalse(production.connected());
    assertTrue(production.lookup(new PostalAddressSource.Query(java.util.UUID.randomUUID(), "191212121212")).failed());
    ConfigException refused = assertThrows(ConfigException.class,
      () -> PostalAddressSources.from(config("production", "simulator"), AddressSimulator::new));
    assertTrue(refused.getMessage().contains("PRINT_ADDRESS_SOURCE"), refused.getMessage());
    assertThrows(ConfigException.class, () -> PostalAddressSources.from(config("demo", "navet"), AddressSimulator::new));
  }

  @Test
  @DisplayName("the batch time is a time of day")
  void time() {
    assertEquals(LocalTime.of(14, 0), Letters.printTime(config("demo", "auto")));
    assertThrows(ConfigException.class, () -> Letters.printTime(new AppConfig(new JsonObject()
      .put("PRINT_BATCH_TIME", "2 pm"))));
  }
}
