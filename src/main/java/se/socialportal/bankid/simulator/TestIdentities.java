package se.socialportal.bankid.simulator;

import java.time.LocalDate;
import java.util.List;

/**
 * The people a demo installation's simulator knows. 191212121212 "Tolvan Tolvansson" is the classic Swedish test
 * person; the others use birth numbers 980–989, the series Skatteverket reserves for test personal numbers, with
 * correct check digits (gender digit matching the name).
 */
public final class TestIdentities {

  private TestIdentities() {
  }

  public static List<TestIdentity> demo() {
    return List.of(
      new TestIdentity("tolvan", "191212121212", "Tolvan", "Tolvansson", LocalDate.of(2020, 3, 14), false),
      new TestIdentity("testa", "198001019804", "Testa", "Testsson", LocalDate.of(2019, 11, 2), false),
      new TestIdentity("signe", "198503159827", "Signe", "Skyddad", LocalDate.of(2021, 6, 30), true),
      new TestIdentity("demo", "199207049843", "Demo", "Demosson", LocalDate.of(2023, 1, 9), false),
      new TestIdentity("ylva", "200502289861", "Ylva", "Ungsson", LocalDate.of(2024, 2, 29), false));
  }
}
