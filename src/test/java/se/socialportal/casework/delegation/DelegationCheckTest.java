package se.socialportal.casework.delegation;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.socialportal.rules.CurrentRuleBook;
import se.socialportal.rules.RuleBook;
import se.socialportal.rules.delegation.DecisionType;
import se.socialportal.rules.delegation.DelegationMatrix;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Delegation check against the demo tenant's matrix (Flen's tiers)")
class DelegationCheckTest {

  private static final LocalDate DAY = LocalDate.of(2026, 3, 10);
  private static DelegationMatrix matrix;

  @BeforeAll
  static void load() {
    matrix = new CaseworkRules(CurrentRuleBook.of(RuleBook.load(Path.of("robots")))).matrix("demo", DAY).orElseThrow();
  }

  private static DelegationCheck.Outcome check(String type, String amount, String role) {
    return DelegationCheck.check(matrix,
      DelegationCheck.Request.of(DecisionType.fromCode(type).orElseThrow(), new BigDecimal(amount), DAY),
      Set.of(role), List.of());
  }

  @ParameterizedTest(name = "{0} {1} kr by {2}: allowed={3}, row {4}")
  @CsvSource({
    "forsorjningsstod,   250000,  handlaggare,       true,  8.1.1",
    "forsorjningsstod,   1,       socialsekreterare, true,  8.1.1",
    "forsorjningsstod,   9000,    familjerattssekreterare, false, 8.1.1",
    "forsorjningsstod,   9000,    attestant,         false, 8.1.1",
    "forsorjningsstod,   9000,    admin,             false, 8.1.1",
    "livsforing_ovrigt,  9999,    handlaggare,       true,  8.1.1a-liv",
    "livsforing_ovrigt,  10000,   handlaggare,       true,  8.1.1a-liv",
    "livsforing_ovrigt,  10000.01, handlaggare,      false, 8.1.1b-liv",
    "livsforing_ovrigt,  10001,   handlaggare,       false, 8.1.1b-liv",
    "livsforing_ovrigt,  10001,   gruppledare,       false, 8.1.1b-liv",
    "livsforing_ovrigt,  10001,   enhetschef,        true,  8.1.1b-liv",
    "livsforing_ovrigt,  20000,   enhetschef,        true,  8.1.1b-liv",
    "livsforing_ovrigt,  20001,   enhetschef,        false, 8.1.1c-liv",
    "livsforing_ovrigt,  20001,   utskott,           true,  8.1.1c-liv",
    "skulder,            10000,   handlaggare,       true,  8.1.1a-skuld",
    "skulder,            10001,   handlaggare,       false, 8.1.1b-skuld",
    "skulder,            20000,   enhetschef,        true,  8.1.1b-skuld",
    "skulder,            20001,   enhetschef,        false, 8.1.1c-skuld",
    "skulder,            20001,   utskott,           true,  8.1.1c-skuld",
    "begravning,         29600,   handlaggare,       true,  8.1.1a-begr",   // ½ × prisbasbelopp 2026 (59 200)
    "begravning,         29601,   handlaggare,       false, 8.1.1b-begr",
    "begravning,         29601,   enhetschef,        false, 8.1.1b-begr",
    "begravning,         29601,   utskott,           true,  8.1.1b-begr",
    "avslut_utan_atgard, 0,       handlaggare,       false, 4-avslut",
    "avslut_utan_atgard, 0,       socialsekreterare, false, 4-avslut",
    "avslut_utan_atgard, 0,       gruppledare,       true,  4-avslut",
    "eftergift,          500,     gruppledare,       false, 8.3-eftergift",
    "eftergift,          500,     enhetschef,        true,  8.3-eftergift",
  })
  void matrix(String type, String amount, String role, boolean allowed, String row) {
    DelegationCheck.Outcome outcome = check(type, amount, role);
    assertEquals(allowed, outcome.allowed());
    assertEquals(row, outcome.row().orElseThrow().id());
  }

  @Test
  @DisplayName("a refusal says who may decide, with the paragraph of the delegationsordning")
  void refusalNamesTheDelegate() {
    DelegationCheck.Outcome outcome = check("livsforing_ovrigt", "15000", "handlaggare");
    assertFalse(outcome.allowed());
    assertEquals("Enhetschef eller högre (Delegationsordning 8.1.1 livsföring i övrigt b) mellan 10 000 och 20 000 kr)",
      outcome.whoMay());
  }

  @Test
  @DisplayName("a deputy named for an absent enhetschef decides in the enhetschef's place, and it is recorded")
  void deputyOfAbsentDelegate() {
    DelegationCheck.StandIn absence = new DelegationCheck.StandIn("a1", "s1", "Erik", Set.of("enhetschef"));
    DelegationCheck.Outcome outcome = DelegationCheck.check(matrix,
      DelegationCheck.Request.of(DecisionType.LIVSFORING_OVRIGT, new BigDecimal("15000"), DAY),
      Set.of("gruppledare"), List.of(absence));
    assertTrue(outcome.allowed());
    assertEquals("enhetschef", outcome.decidedAt().orElseThrow().code());
    assertEquals(Optional.of(absence), outcome.actingFor());
    DelegationCheck.Outcome notEnough = DelegationCheck.check(matrix,
      DelegationCheck.Request.of(DecisionType.LIVSFORING_OVRIGT, new BigDecimal("25000"), DAY),
      Set.of("gruppledare"), List.of(absence));
    assertFalse(notEnough.allowed(), "standing in for an enhetschef gives no more than the enhetschef's delegation");
  }

  @Test
  @DisplayName("the nearest higher manager may take a lower delegate's decision without acting for anyone")
  void higherLevelDecides() {
    DelegationCheck.Outcome outcome = check("forsorjningsstod", "9000", "enhetschef");
    assertTrue(outcome.allowed());
    assertTrue(outcome.actingFor().isEmpty());
  }

  @Test
  @DisplayName("återkrav needs the level the original decision needed")
  void aterkravFollowsTheOriginal() {
    var fromEnhetschefDecision = new DelegationCheck.Request(DecisionType.ATERKRAV, new BigDecimal("3000"), DAY,
      Optional.of("enhetschef"));
    assertFalse(DelegationCheck.check(matrix, fromEnhetschefDecision, Set.of("handlaggare"), List.of()).allowed());
    assertTrue(DelegationCheck.check(matrix, fromEnhetschefDecision, Set.of("enhetschef"), List.of()).allowed());
    var fromHandlaggare = new DelegationCheck.Request(DecisionType.ATERKRAV, new BigDecimal("3000"), DAY,
      Optional.of("handlaggare"));
    assertTrue(DelegationCheck.check(matrix, fromHandlaggare, Set.of("handlaggare"), List.of()).allowed());
    var unknownOriginal = new DelegationCheck.Request(DecisionType.ATERKRAV, new BigDecimal("3000"), DAY,
      Optional.empty());
    assertFalse(DelegationCheck.check(matrix, unknownOriginal, Set.of("utskott"), List.of()).allowed());
  }

  @Test
  @DisplayName("half a prisbasbelopp follows the year: 29 400 kr in 2025 (58 800), 29 600 kr in 2026 (59 200)")
  void prisbasbeloppOfTheYear() {
    CaseworkRules rules = new CaseworkRules(CurrentRuleBook.of(RuleBook.load(Path.of("robots"))));
    DelegationMatrix in2025 = rules.matrix("demo", LocalDate.of(2025, 6, 1)).orElseThrow();
    var request = DelegationCheck.Request.of(DecisionType.BEGRAVNING, new BigDecimal("29500"), LocalDate.of(2025, 6, 1));
    assertFalse(DelegationCheck.check(in2025, request, Set.of("handlaggare"), List.of()).allowed());
    assertTrue(DelegationCheck.check(matrix, DelegationCheck.Request.of(DecisionType.BEGRAVNING, new BigDecimal("29500"),
      DAY), Set.of("handlaggare"), List.of()).allowed());
  }

  @Test
  @DisplayName("before the matrix's effective date nothing is delegated")
  void effectiveDate() {
    CaseworkRules rules = new CaseworkRules(CurrentRuleBook.of(RuleBook.load(Path.of("robots"))));
    assertTrue(rules.matrix("demo", LocalDate.of(2024, 3, 31)).isEmpty());
    assertTrue(rules.matrix("demo", LocalDate.of(2024, 4, 1)).isPresent());
    assertTrue(rules.matrix("okand", DAY).isEmpty());
  }
}
