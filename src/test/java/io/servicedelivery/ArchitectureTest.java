package io.servicedelivery;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RestController;

/**
 * The design of {@code /work/shared/design.md}, section 3, as rules over the compiled application classes: one
 * package per capability, the BPMN glue of a capability's processes in its {@code .process} sub-package, dependencies
 * one way.
 */
@AnalyzeClasses(packages = "io.servicedelivery", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String BASE = "io.servicedelivery";

  private static final String[] CAPABILITIES_BESIDE_SLA = {
    BASE + ".catalog..",
    BASE + ".delivery..",
    BASE + ".intake..",
    BASE + ".quality..",
    BASE + ".resourcing..",
    BASE + ".records..",
    BASE + ".metrics..",
    BASE + ".notification..",
    BASE + ".identity..",
    BASE + ".conversation..",
    BASE + ".mailbox..",
    BASE + ".migration..",
    BASE + ".simulation.."
  };

  private static final Class<?>[] ENGINE_SERVICES = {
    RuntimeService.class,
    TaskService.class,
    HistoryService.class,
    RepositoryService.class,
    FormService.class,
    ManagementService.class
  };

  @ArchTest
  static final ArchRule noCyclesBetweenTopLevelPackages =
      slices()
          .matching(BASE + ".(*)..")
          .should()
          .beFreeOfCycles()
          .because(
              "dependencies between capabilities point one way, so that each can be read, changed and tested from"
                  + " the bottom up; a cycle makes two capabilities one");

  @ArchTest
  static final ArchRule noCapabilityUsesTheGlueOfAnother =
      noClasses()
          .should(useTheProcessGlueOfAnotherPackage())
          .because(
              "the .process sub-package holds the BPMN glue of the capability's own processes: the engine calls it,"
                  + " and it calls the capability's services; nothing else, least of all another capability, may"
                  + " reach into it, or a change of a diagram ripples through the code base");

  @ArchTest
  static final ArchRule slaDependsOnNoOtherCapability =
      noClasses()
          .that()
          .resideInAPackage(BASE + ".sla..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(CAPABILITIES_BESIDE_SLA)
          .because(
              "SLA time (calendars, targets, clock, due dates, pauses) is a foundation the other capabilities build"
                  + " on; it is handed the values it needs and never asks a capability for them");

  @ArchTest
  static final ArchRule onlyGlueAndNamedPlacesUseTheEngineServices =
      noClasses()
          .that()
          .resideOutsideOfPackages(
              "..process..", BASE + ".engine..", BASE + ".cluster..", BASE + ".identity..")
          .and(
              describe(
                  "are not one of the named places that talk to the engine",
                  (JavaClass javaClass) ->
                      !javaClass
                          .getName()
                          .matches(
                              String.join(
                                  "|",
                                  // starts the catalog-change process for a proposed change (a use case of the
                                  // catalog API, not a step of a process)
                                  "io\\.servicedelivery\\.catalog\\.CatalogChanges",
                                  // starts the capa process for the CAPA API and for the glue of quality-control
                                  "io\\.servicedelivery\\.quality\\.Capas",
                                  // read the engine's runtime and history for the KPIs and the process map
                                  "io\\.servicedelivery\\.metrics\\.DeliveryTotals",
                                  "io\\.servicedelivery\\.metrics\\.ProcessMapStatistics",
                                  // reads the history of a request's steps for the delivery record
                                  "io\\.servicedelivery\\.records\\.DeliverySteps",
                                  // reads the comments staff add to a request's tasks in Tasklist, which the engine
                                  // keeps, for the record and the staff's view of the conversation
                                  "io\\.servicedelivery\\.records\\.TasklistComments",
                                  // moves running instances between versions of a process: the engine's
                                  // deployments, migration plans and batches are what the capability is about
                                  "io\\.servicedelivery\\.migration\\..*"))))
          .should()
          .dependOnClassesThat()
          .belongToAnyOf(ENGINE_SERVICES)
          .because(
              "the engine is reached through a few seams (the glue of each process, engine/, cluster/, identity/"
                  + " and the named places), so that engine-specific code stays small and the engine can be"
                  + " replaced or upgraded in one place");

  @ArchTest
  static final ArchRule controllersCallServices =
      noClasses()
          .that()
          .areAnnotatedWith(RestController.class)
          .should()
          .dependOnClassesThat(
              belongToAnyOf(JdbcClient.class, JdbcTemplate.class, NamedParameterJdbcTemplate.class)
                  .or(belongToAnyOf(ENGINE_SERVICES)))
          .because(
              "a controller translates HTTP into a call of a capability's service and back; the tables and the"
                  + " engine belong to the services, which the controllers share with the processes");

  private static final Pattern GLUE = Pattern.compile("^(io\\.servicedelivery\\.[a-z]+\\.process)(\\..*)?$");

  private static ArchCondition<JavaClass> useTheProcessGlueOfAnotherPackage() {
    return new ArchCondition<>("use the .process glue of a package they are not part of") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
          Matcher target = GLUE.matcher(dependency.getTargetClass().getPackageName());
          if (target.matches() && !origin.getPackageName().startsWith(target.group(1))) {
            events.add(SimpleConditionEvent.satisfied(origin, dependency.getDescription()));
          }
        }
      }
    };
  }
}
