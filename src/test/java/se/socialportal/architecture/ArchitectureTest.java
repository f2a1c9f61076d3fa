package se.socialportal.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.admin.live.LiveDashboard;
import se.socialportal.bistand.ApplicationValidator;
import se.socialportal.bistand.BistandModule;
import se.socialportal.casework.CaseActions;
import se.socialportal.casework.CaseCommunication;
import se.socialportal.casework.CaseView;
import se.socialportal.casework.Casework;
import se.socialportal.casework.PaperRegistration;
import se.socialportal.casework.QueueQuery;
import se.socialportal.casework.decision.AterkravService;
import se.socialportal.casework.decision.AutomatedDecision;
import se.socialportal.casework.decision.DecisionService;
import se.socialportal.casework.decision.Omprovning;
import se.socialportal.familjeratt.FamiljerattModule;
import se.socialportal.letters.Expediering;
import se.socialportal.letters.Letters;
import se.socialportal.letters.print.PrintQueue;
import se.socialportal.payment.AttestLimits;
import se.socialportal.payment.Payments;
import se.socialportal.payment.account.AccountService;
import se.socialportal.payment.attest.AttestService;
import se.socialportal.payment.batch.BatchAssembler;
import se.socialportal.payment.batch.BatchExporter;
import se.socialportal.payment.feedback.FeedbackImporter;
import se.socialportal.payment.plan.PaymentPlanner;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rooms and the arrows between them, as docs/architecture.md draws them. A room reaches only the rooms below it;
 * where a lower room must tell a higher one something it does so through a small interface of its own that the
 * composition root fills in (bistånd's SubmissionQueue, the robot's DecisionFunction). The composition root is the
 * classes directly in se.socialportal (Main, MainVerticle, Services, Routes, ConfigurationCheck).
 */
@DisplayName("The rooms and the arrows between them (docs/architecture.md)")
class ArchitectureTest {

  private static final String ROOT = "se.socialportal";
  /** What a demo installation adds, and what a production installation could leave out. */
  private static final String[] DEMO_CODE = {"se.socialportal.demo..", "se.socialportal.bankid.simulator.."};
  /** The libraries only demo code needs: the embedded PostgreSQL and the local OpenID Connect provider. */
  private static final String[] DEMO_LIBRARIES = {"io.zonky..", "no.nav.security.."};

  private static JavaClasses production;

  @BeforeAll
  static void importClasses() {
    production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages(ROOT);
  }

  @Test
  @DisplayName("no cycle among the top-level rooms")
  void noCycles() {
    slices().matching("se.socialportal.(*)..").should().beFreeOfCycles().check(production);
  }

  @Test
  @DisplayName("the layers: each room reaches only the rooms below it")
  void layers() {
    Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers()
      .layer("Root").definedBy(ROOT)
      .layer("Platform").definedBy("se.socialportal.platform..")
      .layer("Norm").definedBy("se.socialportal.norm..")
      .layer("BankId").definedBy("se.socialportal.bankid")
      .layer("BankIdSimulator").definedBy("se.socialportal.bankid.simulator..")
      .layer("Rules").definedBy("se.socialportal.rules..")
      .layer("Tenant").definedBy("se.socialportal.tenant..")
      .layer("Identity").definedBy("se.socialportal.identity..")
      .layer("Audit").definedBy("se.socialportal.audit..")
      .layer("Letters").definedBy("se.socialportal.letters..")
      .layer("Bistand").definedBy("se.socialportal.bistand..")
      .layer("Robot").definedBy("se.socialportal.robot..")
      .layer("Casework").definedBy("se.socialportal.casework..")
      .layer("Provrakning").definedBy("se.socialportal.provrakning..")
      .layer("Reports").definedBy("se.socialportal.reports..")
      .layer("Familjeratt").definedBy("se.socialportal.familjeratt..")
      .layer("Admin").definedBy(resideInAPackage("se.socialportal.admin..")
        .and(resideOutsideOfPackages("se.socialportal.admin.nyckeltal..", "se.socialportal.admin.ivo..")))
      .layer("NamndReports").definedBy("se.socialportal.admin.nyckeltal..", "se.socialportal.admin.ivo..")
      .layer("Payment").definedBy("se.socialportal.payment..")
      .layer("Overklagande").definedBy("se.socialportal.overklagande..")
      .layer("Demo").definedBy("se.socialportal.demo..")
      .whereLayer("Platform").mayNotAccessAnyLayer()
      .whereLayer("Norm").mayNotAccessAnyLayer()
      .whereLayer("BankId").mayNotAccessAnyLayer()
      .whereLayer("BankIdSimulator").mayOnlyAccessLayers("BankId")
      .whereLayer("Rules").mayOnlyAccessLayers("Platform", "Norm")
      .whereLayer("Tenant").mayOnlyAccessLayers("Platform", "Rules")
      .whereLayer("Identity").mayOnlyAccessLayers("Platform", "Tenant", "BankId")
      .whereLayer("Audit").mayOnlyAccessLayers("Platform", "Identity")
      .whereLayer("Letters").mayOnlyAccessLayers("Platform", "Identity", "Audit")
      .whereLayer("Bistand").mayOnlyAccessLayers("Platform", "Rules", "Identity", "Audit", "BankId")
      .whereLayer("Robot").mayOnlyAccessLayers("Platform", "Norm", "Rules", "Identity", "Audit", "Bistand", "BankId")
      .whereLayer("Casework").mayOnlyAccessLayers("Platform", "Norm", "Rules", "Tenant", "Identity", "Audit",
        "Letters", "Bistand", "Robot")
      .whereLayer("Provrakning").mayOnlyAccessLayers("Platform", "Norm", "Rules")
      .whereLayer("Reports").mayOnlyAccessLayers("Platform", "Rules", "Identity", "Audit", "Bistand", "Casework")
      .whereLayer("Familjeratt").mayOnlyAccessLayers("Platform", "Rules", "Identity", "Audit", "BankId")
      .whereLayer("Admin").mayOnlyAccessLayers("Platform", "Rules", "Identity", "Audit")
      .whereLayer("NamndReports").mayOnlyAccessLayers("Platform", "Rules", "Identity", "Audit", "Payment")
      .whereLayer("Payment").mayOnlyAccessLayers("Platform", "Rules", "Identity", "Audit", "Bistand", "Casework",
        "BankId")
      .whereLayer("Overklagande").mayOnlyAccessLayers("Platform", "Rules", "Identity", "Audit", "Letters", "Bistand",
        "Casework", "BankId")
      .whereLayer("Demo").mayOnlyAccessLayers("Root", "Platform", "Norm", "Rules", "Tenant", "Identity", "Audit",
        "Letters", "Bistand", "Robot", "Casework", "Familjeratt", "Payment", "BankId", "BankIdSimulator")
      .check(production);
  }

  @Test
  @DisplayName("only the composition root and the demo code itself reach demo code (demo, the BankID simulator)")
  void demoCodeOnlyFromTheRoot() {
    noClasses().that().resideOutsideOfPackages(ROOT, "se.socialportal.demo..", "se.socialportal.bankid.simulator..")
      .should().dependOnClassesThat().resideInAnyPackage(DEMO_CODE)
      .because("a production build leaves the demo parts out; only the composition root chooses them")
      .check(production);
  }

  @Test
  @DisplayName("the composition root names no demo class: it finds demo code through the DemoMode seam (ServiceLoader)")
  void rootReachesDemoOnlyThroughTheSeam() {
    noClasses().that().resideInAPackage(ROOT)
      .should().dependOnClassesThat().resideInAnyPackage(DEMO_CODE)
      .because("the production artifact has no demo classes, and the root must load without them")
      .check(production);
  }

  @Test
  @DisplayName("the embedded PostgreSQL and the local OpenID Connect provider are used by demo code only")
  void demoLibrariesOnlyInDemoCode() {
    noClasses().that().resideOutsideOfPackage("se.socialportal.demo..")
      .should().dependOnClassesThat().resideInAnyPackage(DEMO_LIBRARIES)
      .check(production);
  }

  @Test
  @DisplayName("the norm engine is pure: nothing else of ours, no Vert.x")
  void normIsPure() {
    noClasses().that().resideInAPackage("se.socialportal.norm..")
      .should().dependOnClassesThat(ours().and(resideOutsideOfPackage("se.socialportal.norm..")))
      .orShould().dependOnClassesThat().resideInAPackage("io.vertx..")
      .check(production);
  }

  @Test
  @DisplayName("the BankID client imports nothing else of ours")
  void bankIdClientStandsAlone() {
    noClasses().that().resideInAPackage("se.socialportal.bankid")
      .should().dependOnClassesThat(ours().and(resideOutsideOfPackage("se.socialportal.bankid")))
      .check(production);
  }

  @Test
  @DisplayName("built once: the shared services are made by the composition root or their room's factory only")
  void servicesBuiltOnce() {
    builtOnlyBy(new Class<?>[] {BistandModule.class, FamiljerattModule.class, LiveDashboard.class}, ROOT);
    builtOnlyBy(new Class<?>[] {Expediering.class, PrintQueue.class}, Letters.class.getName());
    builtOnlyBy(new Class<?>[] {ApplicationValidator.class}, ApplicationValidator.class.getName());
    builtOnlyBy(new Class<?>[] {PaymentPlanner.class, AttestService.class, AccountService.class, BatchAssembler.class,
      BatchExporter.class, FeedbackImporter.class, AttestLimits.class}, Payments.class.getName());
    builtOnlyBy(new Class<?>[] {QueueQuery.class, CaseView.class, CaseActions.class, DecisionService.class,
      AterkravService.class, CaseCommunication.class, PaperRegistration.class, AutomatedDecision.class,
      Omprovning.class},
      Casework.class.getName());
  }

  /** No class but {@code builder} (a class, or a package: the composition root) calls the types' constructors. */
  private static void builtOnlyBy(Class<?>[] types, String builder) {
    DescribedPredicate<JavaConstructorCall> constructing = DescribedPredicate.describe(
      "a constructor of " + java.util.Arrays.stream(types).map(Class::getSimpleName).toList(),
      call -> java.util.Arrays.stream(types).anyMatch(type -> call.getTargetOwner().isEquivalentTo(type)));
    noClasses().that().doNotHaveFullyQualifiedName(builder).and().resideOutsideOfPackage(builder)
      .and(DescribedPredicate.describe("not one of those types",
        (JavaClass type) -> java.util.Arrays.stream(types).noneMatch(type::isEquivalentTo)))
      .should().callConstructorWhere(constructing)
      .because("each is built once per process and shared")
      .check(production);
  }

  private static DescribedPredicate<JavaClass> ours() {
    return resideInAPackage("se.socialportal..");
  }
}
