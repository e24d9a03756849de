package io.servicedelivery.testsupport;

import io.servicedelivery.catalog.CatalogChangeProposal;
import io.servicedelivery.catalog.CatalogChangeProposal.RequestTypeProposal;
import io.servicedelivery.catalog.CatalogChangeProposal.SlaTargetProposal;
import io.servicedelivery.catalog.ServiceDefinition;
import io.servicedelivery.sla.Priority;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Catalog change proposals for tests, starting from a version of the catalog and changing what a test needs, and
 * the removal of everything catalog changes add, so that tests sharing an application context keep the seeded
 * catalog (version 1 of every service) that the other tests rely on.
 */
public final class CatalogProposals {

  private String code;
  private String name;
  private String description;
  private String requiredSkill;
  private BigDecimal standardEffortHours;
  private BigDecimal costRatePerHour;
  private String currency;
  private final List<RequestTypeProposal> requestTypes = new ArrayList<>();
  private final List<String> checklist = new ArrayList<>();
  private final List<SlaTargetProposal> slaTargets = new ArrayList<>();
  private Instant effectiveFrom;
  private String reason = "Test change";

  private CatalogProposals() {}

  /** A proposal that repeats the given version, to be changed by the other methods. */
  public static CatalogProposals from(ServiceDefinition service) {
    CatalogProposals proposal = new CatalogProposals();
    proposal.code = service.code();
    proposal.name = service.name();
    proposal.description = service.description();
    proposal.requiredSkill = service.requiredSkill();
    proposal.standardEffortHours = service.standardEffortHours();
    proposal.costRatePerHour = service.costRatePerHour();
    proposal.currency = service.currency();
    service.requestTypes()
        .forEach(type -> proposal.requestTypes.add(new RequestTypeProposal(type.code(), type.name())));
    proposal.checklist.addAll(service.checklist());
    service.slaTargets()
        .forEach(
            target ->
                proposal.slaTargets.add(
                    new SlaTargetProposal(
                        target.priority(),
                        target.responseMinutes(),
                        target.resolutionMinutes(),
                        target.responseCalendar(),
                        target.resolutionCalendar(),
                        target.warningPercents())));
    return proposal;
  }

  /** A complete proposal of a service the catalog does not have. */
  public static CatalogProposals newService(String code) {
    CatalogProposals proposal = new CatalogProposals();
    proposal.code = code;
    proposal.name = "Printer setup";
    proposal.description = "A network printer installed, configured and shared with the user's team.";
    proposal.requiredSkill = "hardware";
    proposal.standardEffortHours = new BigDecimal("1.50");
    proposal.costRatePerHour = new BigDecimal("70.00");
    proposal.currency = "EUR";
    proposal.requestTypes.add(new RequestTypeProposal("NEW_PRINTER", "New printer for a team"));
    proposal.checklist.add("Printer reachable on the network");
    proposal.checklist.add("Test page printed by the user");
    proposal.slaTargets.add(new SlaTargetProposal(Priority.CRITICAL, 30, 240));
    proposal.slaTargets.add(new SlaTargetProposal(Priority.HIGH, 60, 480));
    proposal.slaTargets.add(new SlaTargetProposal(Priority.MEDIUM, 240, 1440));
    proposal.slaTargets.add(new SlaTargetProposal(Priority.LOW, 480, 2880));
    return proposal;
  }

  /** The target's times; its calendars and warnings stay. */
  public CatalogProposals sla(Priority priority, int responseMinutes, int resolutionMinutes) {
    slaTargets.replaceAll(
        target -> target.priority() == priority
            ? new SlaTargetProposal(priority, responseMinutes, resolutionMinutes, target.responseCalendar(),
                target.resolutionCalendar(), target.warningPercents())
            : target);
    return this;
  }

  /** The calendars the target's times count in; its times and warnings stay. */
  public CatalogProposals slaCalendars(Priority priority, String responseCalendar, String resolutionCalendar) {
    slaTargets.replaceAll(
        target -> target.priority() == priority
            ? new SlaTargetProposal(priority, target.responseMinutes(), target.resolutionMinutes(), responseCalendar,
                resolutionCalendar, target.warningPercents())
            : target);
    return this;
  }

  /** The target's warning thresholds; its times and calendars stay. */
  public CatalogProposals slaWarnings(Priority priority, Integer... percents) {
    slaTargets.replaceAll(
        target -> target.priority() == priority
            ? new SlaTargetProposal(priority, target.responseMinutes(), target.resolutionMinutes(),
                target.responseCalendar(), target.resolutionCalendar(), List.of(percents))
            : target);
    return this;
  }

  /** The service no longer offers the request type. */
  public CatalogProposals withoutRequestType(String code) {
    requestTypes.removeIf(type -> type.code().equals(code));
    return this;
  }

  public CatalogProposals addChecklistItem(String item) {
    checklist.add(item);
    return this;
  }

  public CatalogProposals costRatePerHour(String rate) {
    costRatePerHour = new BigDecimal(rate);
    return this;
  }

  public CatalogProposals effectiveFrom(Instant instant) {
    effectiveFrom = instant;
    return this;
  }

  public CatalogProposals reason(String text) {
    reason = text;
    return this;
  }

  public CatalogChangeProposal build() {
    return new CatalogChangeProposal(
        code,
        name,
        description,
        requiredSkill,
        standardEffortHours,
        null,
        costRatePerHour,
        currency,
        List.copyOf(requestTypes),
        List.copyOf(checklist),
        null,
        List.copyOf(slaTargets),
        effectiveFrom,
        reason);
  }

  /** Deletes every change request and every version and service that approved changes added. */
  public static void removeCatalogChanges(JdbcClient jdbc) {
    for (String table : List.of("catalog_request_type", "catalog_checklist_item", "catalog_sla_target")) {
      jdbc.sql(
              "delete from " + table + " t where exists (select 1 from catalog_service_version v"
                  + " where v.service_code = t.service_code and v.version = t.version"
                  + " and v.change_request_id is not null)")
          .update();
    }
    jdbc.sql("delete from catalog_service_version where change_request_id is not null").update();
    jdbc.sql("delete from catalog_service where code not in (select service_code from catalog_service_version)")
        .update();
    jdbc.sql("delete from catalog_change_request").update();
  }
}
