package se.socialportal.norm;

import java.math.BigDecimal;
import java.util.Objects;

/** The prisbasbelopp of one calendar year (socialförsäkringsbalken 2 kap. 6–7 §§), from robots/prisbasbelopp. */
public record Prisbasbelopp(String version, int year, BigDecimal amount) {

  public Prisbasbelopp {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(amount, "amount");
  }
}
