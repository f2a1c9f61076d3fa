package se.socialportal.letters.print;

import se.socialportal.platform.config.AppConfig;
import se.socialportal.platform.config.ConfigException;
import se.socialportal.platform.config.Setting;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * Picks the postal address source from PRINT_ADDRESS_SOURCE. The simulator is refused in production: it invents
 * addresses. It is demo code, so the composition root hands it in.
 */
public final class PostalAddressSources {

  private PostalAddressSources() {
  }

  /** @param simulator the demo's address simulator, made only when chosen */
  public static PostalAddressSource from(AppConfig config, Supplier<PostalAddressSource> simulator) {
    String choice = config.string(Setting.PRINT_ADDRESS_SOURCE).toLowerCase(Locale.ROOT);
    switch (choice) {
      case "auto":
        return config.isDemo() ? simulator.get() : new NoPostalAddressSource();
      case "none":
        return new NoPostalAddressSource();
      case "simulator":
        if (!config.isDemo()) {
          throw new ConfigException(Setting.PRINT_ADDRESS_SOURCE.name(),
            "simulator invents postal addresses and is allowed in demo mode only");
        }
        return simulator.get();
      default:
        throw new ConfigException(Setting.PRINT_ADDRESS_SOURCE.name(),
          "must be auto, simulator or none, got '" + choice + "'");
    }
  }
}
