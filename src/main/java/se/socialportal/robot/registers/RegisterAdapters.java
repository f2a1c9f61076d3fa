package se.socialportal.robot.registers;

import se.socialportal.platform.config.AppConfig;
import se.socialportal.platform.config.ConfigException;
import se.socialportal.platform.config.Setting;

import java.time.Clock;
import java.util.Locale;

/** Picks the register adapter from ROBOT_REGISTERS. The simulator is refused in production: it invents data. */
public final class RegisterAdapters {

  private RegisterAdapters() {
  }

  public static RegisterAdapter from(AppConfig config, Clock clock) {
    String choice = config.string(Setting.ROBOT_REGISTERS).toLowerCase(Locale.ROOT);
    switch (choice) {
      case "auto":
        return config.isDemo() ? new RegisterSimulator(clock) : new NoRegisterConnection();
      case "none":
        return new NoRegisterConnection();
      case "simulator":
        if (!config.isDemo()) {
          throw new ConfigException(Setting.ROBOT_REGISTERS.name(),
            "simulator invents register data and is allowed in demo mode only");
        }
        return new RegisterSimulator(clock);
      default:
        throw new ConfigException(Setting.ROBOT_REGISTERS.name(), "must be auto, simulator or none, got '" + choice + "'");
    }
  }
}
