package se.socialportal.casework;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.identity.staff.StaffRole;
import se.socialportal.norm.CostType;
import se.socialportal.platform.db.DatabaseSettings;
import se.socialportal.robot.Comparison;
import se.socialportal.rules.IntakeChannel;
import se.socialportal.rules.delegation.DecisionType;
import se.socialportal.testing.TestDatabase;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Staff never read a raw code: every code the database, the enums, the application schema or the code that writes a
 * case's history can produce has a text in Swedish and in English, in the family the staff pages look it up in
 * (webroot/i18n, through named()). A new status, event, warning type or register handling without its words fails here.
 */
@DisplayName("Every code staff can meet has a text in Swedish and English")
class StaffTextsTest {

  private static final Pattern QUOTED = Pattern.compile("'([A-Za-z_]+)'::text");
  private static JsonObject sv;
  private static JsonObject en;
  private static JsonObject schema;

  @BeforeAll
  static void read() throws IOException {
    sv = new JsonObject(Files.readString(Path.of("webroot/i18n/sv.json")));
    en = new JsonObject(Files.readString(Path.of("webroot/i18n/en.json")));
    schema = new JsonObject(Files.readString(Path.of("src/main/resources/schemas/application-content.schema.json")));
  }

  private static void assertTexts(String family, Iterable<String> codes) {
    List<String> missing = new ArrayList<>();
    int count = 0;
    for (String code : codes) {
      count++;
      for (var language : List.of(sv, en)) {
        if (!language.containsKey(family + code)) {
          missing.add((language == sv ? "sv " : "en ") + family + code);
        }
      }
    }
    assertTrue(count > 0, "no codes found for " + family);
    assertEquals(List.of(), missing, "codes without a text");
  }

  /** Every CHECK (column IN (...)) of the migrated schema that staff pages show, in one fresh database. */
  @Test
  @DisplayName("codes the database allows: statuses, outcomes, warning types, mailbox states, actors, trace outcomes")
  void databaseCodes() throws SQLException {
    DatabaseSettings database = TestDatabase.fresh("stafftexts");
    try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.jdbcProperties())) {
      assertTexts("staff.status.", allowed(connection, "application", "status"));
      assertTexts("staff.channel.", allowed(connection, "application", "channel"));
      assertTexts("staff.outcome.", allowed(connection, "decision", "outcome"));
      assertTexts("staff.outcome.", allowed(connection, "beslutsforslag", "outcome"));
      assertTexts("staff.decisionType.", allowed(connection, "decision", "type"));
      assertTexts("staff.warningType.", allowed(connection, "case_warning", "type"));
      assertTexts("staff.mailboxStatus.", allowed(connection, "decision_letter", "mailbox_status"));
      assertTexts("staff.actor.", allowed(connection, "application_event", "actor_kind"));
      assertTexts("staff.section.", allowed(connection, "calculation_adjustment", "section"));
      assertTexts("staff.stickprovResult.", allowed(connection, "stickprov_draw", "result"));
      // An open request is shown as waiting or overdue; the others by their status.
      assertTexts("staff.komplettering.", allowed(connection, "komplettering_request", "status").stream()
        .filter(status -> !status.equals("open")).toList());
    }
  }

  @Test
  @DisplayName("codes of the enums: decision types, channels, roles, cost types, comparison kinds")
  void enumCodes() {
    assertTexts("staff.decisionType.", Arrays.stream(DecisionType.values()).map(DecisionType::code).toList());
    assertTexts("staff.channel.", IntakeChannel.codes());
    assertTexts("staff.familyType.", Arrays.stream(se.socialportal.admin.nyckeltal.FamilyType.values())
      .map(se.socialportal.admin.nyckeltal.FamilyType::code).toList());
    assertTexts("staff.reasonCode.", se.socialportal.admin.nyckeltal.Labels.reasonCodes());
    assertTexts("staff.ivoWhy.", se.socialportal.admin.nyckeltal.Labels.whyCodes());
    assertTexts("staff.role.", Arrays.stream(StaffRole.values()).map(role -> role.name().toLowerCase(Locale.ROOT)).toList());
    assertTexts("staff.comparison.kind.", Arrays.stream(Comparison.Kind.values()).map(Enum::name).toList());
    assertTexts("staff.registerData.handling.", RegisterTable.HANDLING);
    assertTexts("staff.traceOutcome.", se.socialportal.robot.TraceEntry.OUTCOMES);
    assertTexts("staff.automationType.", se.socialportal.robot.Automation.TYPES);
    assertTexts("staff.automationType.", Arrays.stream(se.socialportal.rules.DecisionType.values())
      .map(se.socialportal.rules.DecisionType::key).toList());
    // Costs in the application's costs object (rent and hushållsel are asked under housing).
    assertTexts("cost.", Arrays.stream(CostType.values()).map(CostType::jsonName)
      .filter(code -> !code.equals("rent") && !code.equals("householdElectricity")).toList());
  }

  @Test
  @DisplayName("codes of the application schema: income, need, asset and housing types, relations, how a child lives")
  void schemaCodes() {
    assertTexts("incomeType.", schemaEnum("/properties/incomes/items/properties/type"));
    assertTexts("needType.", schemaEnum("/properties/needs/items/properties/type"));
    assertTexts("assetType.", schemaEnum("/properties/assets/items/properties/type"));
    assertTexts("housingType.", schemaEnum("/properties/housing/properties/type"));
    assertTexts("cost.", schema.getJsonObject("properties").getJsonObject("costs").getJsonObject("properties").fieldNames());
    assertTexts("relation.", schemaEnum("/properties/household/properties/coApplicant/properties/relation"));
    assertTexts("staff.otherAdultRelation.", schemaEnum("/properties/household/properties/otherAdults/items/properties/relation"));
    assertTexts("staff.lives.", schemaEnum("/properties/household/properties/children/items/properties/livesHere"));
  }

  /**
   * Event types are named where a step of the case is recorded; every such call site in the code is read here, so an
   * event added there without its text fails.
   */
  @Test
  @DisplayName("every event type the code writes to a case's history, and every robot step of the trace")
  void eventTypesAndSteps() throws IOException {
    List<Pattern> sites = List.of(
      Pattern.compile("ApplicationEvent\\.of\\(\\w+, \"([a-z_]+)\""),
      Pattern.compile("CaseEvents\\.staff\\(tx, header, \"([a-z_]+)\""),
      Pattern.compile("robotEvent\\(job, \"([a-z_]+)\""),
      Pattern.compile("new ApplicationEvent\\([^;]*?\"([a-z_]+)\", Optional", Pattern.DOTALL),
      Pattern.compile("decide\\(session, applicationId, requestId, \"([a-z_]+)\""),
      Pattern.compile("assign\\(tx, session, header, [^,]+, \"([a-z_]+)\""),
      Pattern.compile("returnToDraft\\(tx, application, \"([a-z_]+)\""),
      Pattern.compile("\\btype = \"([a-z_]+)\";"),
      Pattern.compile("\"([a-z_]+_decided)\", requestId"));
    Set<String> events = new TreeSet<>();
    Set<String> steps = new TreeSet<>();
    Pattern stepName = Pattern.compile("public String name\\(\\) \\{\\s*return \"([a-z_]+)\";");
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
        String source = Files.readString(file, StandardCharsets.UTF_8);
        for (Pattern site : sites) {
          Matcher matcher = site.matcher(source);
          while (matcher.find()) {
            events.add(matcher.group(1));
          }
        }
        if (file.toString().contains("/robot/") && source.contains("implements Step")) {
          Matcher matcher = stepName.matcher(source);
          while (matcher.find()) {
            steps.add(matcher.group(1));
          }
        }
      }
    }
    assertTrue(events.containsAll(List.of("submitted", "claimed", "warning_acknowledged", "approved", "robot_proposal",
      "robot_rules_arrived", "decided", "aterkrav_decided", "cosignature_expired")), "the scan finds the call sites: " + events);
    assertTexts("staff.event.", events);
    assertTexts("event.", events); // Mina sidor shows the same history to the household
    assertTrue(steps.containsAll(List.of("registers", "calculation", "automation")), steps.toString());
    assertTexts("staff.traceStep.", steps);
  }

  private static List<String> schemaEnum(String pointer) {
    Object node = schema;
    for (String part : pointer.substring(1).split("/")) {
      node = ((JsonObject) node).getValue(part);
    }
    JsonArray values = ((JsonObject) node).getJsonArray("enum");
    return values.stream().map(String::valueOf).toList();
  }

  private static Set<String> allowed(Connection connection, String table, String column) throws SQLException {
    try (Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery("SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c "
           + "WHERE c.conrelid = '" + table + "'::regclass AND c.contype = 'c' "
           + "AND pg_get_constraintdef(c.oid) LIKE '%" + column + " = ANY%'")) {
      Set<String> values = new TreeSet<>();
      while (rows.next()) {
        Matcher quoted = QUOTED.matcher(rows.getString(1));
        while (quoted.find()) {
          values.add(quoted.group(1));
        }
      }
      assertTrue(!values.isEmpty(), "no CHECK on " + table + "." + column);
      return values;
    }
  }
}
