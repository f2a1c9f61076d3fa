package se.socialportal.robot.registers;

import se.socialportal.platform.config.AppConfig;
import se.socialportal.platform.config.ConfigException;
import se.socialportal.platform.config.Setting;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * Picks the register adapter from ROBOT_REGISTERS. The simulator is refused in production: it invents data. It is demo
 * code, so the composition root hands it in.
 */
public final class RegisterAdapters {

  private RegisterAdapters() {
  }

  /** @param simulator the demo's register simulator, made only when chosen */
  public static RegisterAdapter from(AppConfig config, Supplier<RegisterAdapter> simulator) {
    String choice = config.string(Setting.ROBOT_REGISTERS).toLowerCase(Locale.ROOT);
    switch (choice) {
      case "auto":
        return config.isDemo() ? simulator.get() : new NoRegisterConnection();
      case "none":
        return new NoRegisterConnection();
      case "simulator":
        if (!config.isDemo()) {
          throw new ConfigException(Setting.ROBOT_REGISTERS.name(),
            "simulator invents register data and is allowed in demo mode only");
        }
        return simulator.get();
      default:
        throw new ConfigException(Setting.ROBOT_REGISTERS.name(), "must be auto, simulator or none, got '" + choice + "'");
    }
  }
}
