package se.socialportal.bistand;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.bistand.attachment.AttachmentRules;
import se.socialportal.bistand.attachment.FileType;
import se.socialportal.bistand.signing.SigningSummary;
import se.socialportal.platform.http.ApiException.FieldProblem;
import se.socialportal.platform.http.Messages;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Rules without I/O: validation, required documents (the same for every channel), diff, summary")
class ApplicationRulesTest {

  private static final ApplicationValidator VALIDATOR = new ApplicationValidator();
  private static final ApplicationValidator.Context JUNE = new ApplicationValidator.Context(YearMonth.of(2026, 6),
    LocalDate.of(2026, 6, 10), false);

  private static List<String> problems(JsonObject content, ApplicationValidator.Mode mode) {
    return VALIDATOR.validate(content, mode, JUNE).stream().map(p -> p.field() + "=" + p.code()).toList();
  }

  @Test
  @DisplayName("a complete application has no problems, and every problem code has a Swedish and an English text")
  void validAndTexts() {
    assertEquals(List.of(), problems(Fixtures.single(), ApplicationValidator.Mode.FULL));
    JsonObject broken = new JsonObject().put("household", new JsonObject().put("applicant", new JsonObject()
        .put("birthDate", "2030-01-01")).put("children", new JsonArray().add(new JsonObject().put("firstName", "A")
        .put("birthDate", "2020-01-01").put("livesHere", "full").put("daysPerMonth", 3))).put("otherAdults", new JsonArray()))
      .put("housing", new JsonObject().put("type", "castle").put("rent", -1).put("householdElectricity", 1.234))
      .put("incomes", new JsonArray().add(new JsonObject().put("person", "child:4").put("type", "salary").put("amount", 1)))
      .put("costs", new JsonObject().put("boat", 10)).put("assets", new JsonArray())
      .put("needs", new JsonArray().add(new JsonObject().put("type", "glasses").put("amount", 0)))
      .put("declaration", false);
    List<FieldProblem> all = VALIDATOR.validate(broken, ApplicationValidator.Mode.FULL, JUNE);
    List<String> found = all.stream().map(p -> p.field() + "=" + p.code()).toList();
    assertEquals(List.of("household.applicant.birthDate=date_in_future",
      "household.children[0].daysPerMonth=days_per_month_only_part_time",
      "housing.householdElectricity=amount_precision", "housing.rent=amount_negative", "housing.type=choose_option",
      "incomes[0].person=person_unknown", "costs.boat=unknown_field", "needs[0].amount=amount_zero",
      "declaration=declaration_required"), found);
    for (FieldProblem problem : all) {
      for (String language : List.of("sv", "en")) {
        assertTrue(Messages.has("field." + problem.code()), problem.code());
        assertTrue(!Messages.text(language, "field." + problem.code()).startsWith("field."), problem.code());
      }
    }
  }

  @Test
  @DisplayName("a draft reports wrong values but asks for nothing missing")
  void draftMode() {
    JsonObject draft = new JsonObject().put("housing", new JsonObject().put("rent", "mycket"));
    assertEquals(List.of("housing.rent=amount_invalid"), problems(draft, ApplicationValidator.Mode.DRAFT));
    assertTrue(problems(draft, ApplicationValidator.Mode.FULL).contains("household=required"));
  }

  @Test
  @DisplayName("children: under 21 at the start of the month, umgänge needs days that fit the month, dates must exist")
  void children() {
    JsonObject content = Fixtures.single();
    JsonArray children = content.getJsonObject("household").getJsonArray("children");
    children.add(new JsonObject().put("firstName", "B").put("birthDate", "2005-06-02").put("livesHere", "full"));
    children.add(new JsonObject().put("firstName", "C").put("birthDate", "2005-06-01").put("livesHere", "full"));
    children.add(new JsonObject().put("firstName", "D").put("birthDate", "2019-02-29").put("livesHere", "partTime")
      .put("daysPerMonth", 31));
    assertEquals(List.of("household.children[2].birthDate=child_too_old", "household.children[3].birthDate=date_invalid",
      "household.children[3].daysPerMonth=days_per_month"), problems(content, ApplicationValidator.Mode.FULL));
  }

  @Test
  @DisplayName("a co-applicant stated in the form must be named by personnummer, and the other way round")
  void coApplicantConsistency() {
    var named = new ApplicationValidator.Context(JUNE.month(), JUNE.today(), true);
    assertEquals(List.of("coApplicant.personnummer=co_applicant_personnummer_required"),
      problems(Fixtures.couple(), ApplicationValidator.Mode.FULL));
    assertEquals(List.of("household.coApplicant.relation=required"), VALIDATOR.validate(Fixtures.single(),
      ApplicationValidator.Mode.FULL, named).stream().map(p -> p.field() + "=" + p.code()).toList());
  }

  @Test
  @DisplayName("required documents: first application, changed costs, needs and stickprov — never the channel")
  void requiredDocuments() {
    JsonObject content = Fixtures.couple();
    content.getJsonArray("incomes").add(new JsonObject().put("person", "applicant").put("type", "salary").put("amount", 900));
    content.getJsonArray("needs").add(new JsonObject().put("type", "glasses").put("amount", 1800));
    List<String> first = ids(AttachmentRules.required(new AttachmentRules.Facts("new", content, null, false)));
    assertEquals(List.of("bankStatements.applicant", "bankStatements.coApplicant", "housingCost.housing",
      "incomeStatement.salary", "costReceipt.homeInsurance", "needQuote.0"), first);
    JsonObject last = Fixtures.couple();
    assertEquals(List.of("needQuote.0"), ids(AttachmentRules.required(
      new AttachmentRules.Facts("reapplication", content, last, false))), "unchanged costs need nothing");
    content.getJsonObject("costs").put("dentalCare", 650).put("homeInsurance", 100);
    assertEquals(List.of("costReceipt.dentalCare", "needQuote.0"), ids(AttachmentRules.required(
      new AttachmentRules.Facts("reapplication", content, last, false))), "only what is new or higher");
    assertEquals(List.of("bankStatements.applicant", "bankStatements.coApplicant", "housingCost.housing",
      "costReceipt.homeInsurance", "costReceipt.dentalCare", "needQuote.0"), ids(AttachmentRules.required(
      new AttachmentRules.Facts("reapplication", content, last, true))));
    // The facts carry no channel: a paper and a digital application with the same content get the same answer.
    assertTrue(java.util.Arrays.stream(AttachmentRules.Facts.class.getRecordComponents())
      .noneMatch(component -> component.getName().toLowerCase().contains("channel")));
  }

  @Test
  @DisplayName("what changed since last month, and the text shown in the BankID app")
  void diffAndSummary() {
    JsonObject before = Fixtures.couple();
    JsonObject now = Fixtures.couple();
    now.getJsonObject("housing").put("rent", 7800.00);
    assertEquals(List.of(), ContentDiff.changedPaths(now, before), "7800 and 7800.00 are the same amount");
    now.getJsonArray("incomes").remove(1);
    now.getJsonObject("costs").put("childcare", 300);
    assertEquals(List.of("incomes", "costs.childcare"), ContentDiff.changedPaths(now, before));
    String text = SigningSummary.markdown(YearMonth.of(2026, 7), Fixtures.couple(), "applicant");
    assertTrue(text.contains("Månad: juli 2026"), text);
    assertTrue(text.contains("Hushåll: 2 vuxna, 1 barn"), text);
    assertTrue(text.contains("Inkomster: 7 650 kr per månad"), text);
    assertTrue(text.contains("Boendekostnad: 8 150 kr"), text);
    assertEquals("1 234,50 kr", SigningSummary.kronor(new BigDecimal("1234.5")));
  }

  @Test
  @DisplayName("file types are told by their first bytes")
  void sniffing() {
    assertEquals(Optional.of(FileType.PDF), FileType.sniff("%PDF-1.7".getBytes()));
    assertEquals(Optional.of(FileType.PNG), FileType.sniff(Fixtures.png().getBytes()));
    assertEquals(Optional.of(FileType.JPEG), FileType.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}));
    assertEquals(Optional.empty(), FileType.sniff("<svg onload=x>".getBytes()));
    assertEquals(Optional.empty(), FileType.sniff(new byte[] {'%', 'P'}));
  }

  private static List<String> ids(List<AttachmentRules.Requirement> requirements) {
    return requirements.stream().map(AttachmentRules.Requirement::id).toList();
  }
}
