package se.socialportal.rules;

import java.util.Arrays;
import java.util.List;

/**
 * The ways an application arrives (application.channel). Rules that must treat every channel alike — stickprov above
 * all (likställighetsprincipen, 2 kap. 3 § KL; docs/sources.md#likabehandling-and-stickprov) — are checked against this
 * list, and so is the database's constraint on the column (IntakeChannelTest).
 */
public enum IntakeChannel {
  DIGITAL("digital"), PAPER("paper"), ASSISTED("assisted");

  private final String code;

  IntakeChannel(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static List<String> codes() {
    return Arrays.stream(values()).map(IntakeChannel::code).toList();
  }
}
