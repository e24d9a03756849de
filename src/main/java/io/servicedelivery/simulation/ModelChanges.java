package io.servicedelivery.simulation;

import io.servicedelivery.simulation.SimulationModel.Arrivals;
import io.servicedelivery.simulation.SimulationModel.Durations;
import io.servicedelivery.simulation.SimulationModel.ServiceTerms;
import io.servicedelivery.simulation.SimulationModel.StaffMember;
import io.servicedelivery.simulation.SimulationQuestion.Changes;
import io.servicedelivery.simulation.SimulationQuestion.NewStaff;
import io.servicedelivery.simulation.SimulationQuestion.StaffChange;
import io.servicedelivery.simulation.SimulationQuestion.StepChange;
import io.servicedelivery.simulation.SimulationQuestion.TargetChange;
import io.servicedelivery.sla.BusinessCalendar;
import io.servicedelivery.sla.Priority;
import io.servicedelivery.sla.SlaTarget;
import io.servicedelivery.web.InvalidField;
import io.servicedelivery.web.InvalidParametersException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Applies the changes of a what-if question to a model, or refuses them (400) naming each invalid field: an unknown
 * person, service, calendar or step, a person added twice, a factor or rate out of range, a resolution time not after
 * the response time.
 */
public final class ModelChanges {

  public static final double MAX_DURATION_FACTOR = 10;
  public static final double MAX_REWORK_RATE = 0.95;
  private static final String DEFAULT_CALENDAR = "OFFICE_BERLIN";

  private ModelChanges() {}

  /** @throws InvalidParametersException naming every invalid field of the changes */
  public static SimulationModel apply(SimulationModel model, Changes changes) {
    List<InvalidField> errors = new ArrayList<>();
    Map<String, StaffMember> staff = new LinkedHashMap<>();
    model.staff().forEach(member -> staff.put(member.userId(), member));

    List<String> removed = changes.removeStaff() == null ? List.of() : changes.removeStaff();
    for (int i = 0; i < removed.size(); i++) {
      if (staff.remove(removed.get(i)) == null) {
        errors.add(new InvalidField("changes.removeStaff[" + i + "]", "is not a person of the pool: '"
            + removed.get(i) + "'"));
      }
    }
    if (changes.staff() != null) {
      changes.staff().forEach((userId, change) -> {
        String field = "changes.staff." + userId;
        StaffMember member = staff.get(userId);
        if (member == null) {
          errors.add(new InvalidField(field, "is not a person of the pool: '" + userId + "'"));
          return;
        }
        staff.put(userId, changed(model, member, change, field, errors));
      });
    }
    List<NewStaff> added = changes.addStaff() == null ? List.of() : changes.addStaff();
    for (int i = 0; i < added.size(); i++) {
      NewStaff person = added.get(i);
      String field = "changes.addStaff[" + i + "]";
      if (person.userId().isBlank() || staff.containsKey(person.userId())
          || model.staffMember(person.userId()).isPresent()) {
        errors.add(new InvalidField(field + ".userId", "must be new to the pool: '" + person.userId() + "'"));
        continue;
      }
      String calendar = person.workingCalendar() == null ? DEFAULT_CALENDAR : person.workingCalendar();
      requireWorkingCalendar(model, calendar, field + ".workingCalendar", errors);
      staff.put(person.userId(),
          new StaffMember(person.userId(), skills(person.skills()), person.capacity(), calendar));
    }

    Map<String, ServiceTerms> services = new HashMap<>(model.services());
    List<TargetChange> targets = changes.slaTargets() == null ? List.of() : changes.slaTargets();
    for (int i = 0; i < targets.size(); i++) {
      changeTarget(model, services, targets.get(i), "changes.slaTargets[" + i + "]", errors);
    }

    Map<Step, Durations> durations = new EnumMap<>(model.durations());
    SimulationModel.Branches branches = model.branches();
    if (changes.steps() != null) {
      for (Map.Entry<String, StepChange> entry : changes.steps().entrySet()) {
        String field = "changes.steps." + entry.getKey();
        Step step = Step.byId(entry.getKey()).orElse(null);
        if (step == null) {
          errors.add(new InvalidField(field, "is not a step of the simulation: one of " + stepIds()));
          continue;
        }
        StepChange change = entry.getValue();
        if (change.durationFactor() != null) {
          if (!(change.durationFactor() >= 0 && change.durationFactor() <= MAX_DURATION_FACTOR)) {
            errors.add(new InvalidField(field + ".durationFactor", "must be from 0 to " + MAX_DURATION_FACTOR));
          } else if (durations.containsKey(step)) {
            durations.put(step, durations.get(step).scaled(change.durationFactor()));
          }
        }
        if (change.reworkRate() != null) {
          if (step != Step.REVIEW_QUALITY) {
            errors.add(new InvalidField(field + ".reworkRate",
                "only " + Step.REVIEW_QUALITY.id() + " sends work back (rework)"));
          } else if (!(change.reworkRate() >= 0 && change.reworkRate() <= MAX_REWORK_RATE)) {
            errors.add(new InvalidField(field + ".reworkRate", "must be from 0 to " + MAX_REWORK_RATE));
          } else {
            branches = branches.withRework(change.reworkRate());
          }
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidParametersException(errors);
    }
    List<Arrivals> arrivals = model.arrivals();
    if (changes.arrivalsPercent() != null) {
      double factor = 1 + changes.arrivalsPercent() / 100;
      arrivals = arrivals.stream().map(pattern -> scaled(pattern, factor)).toList();
    }
    return new SimulationModel(
        model.from(),
        model.to(),
        arrivals,
        durations,
        branches,
        model.plannedLead(),
        List.copyOf(staff.values()),
        services,
        model.calendars());
  }

  private static StaffMember changed(
      SimulationModel model, StaffMember member, StaffChange change, String field, List<InvalidField> errors) {
    Set<String> skills = new HashSet<>(member.skills());
    if (change.addSkills() != null) {
      skills.addAll(skills(change.addSkills()));
    }
    if (change.removeSkills() != null) {
      for (String skill : skills(change.removeSkills())) {
        if (!skills.remove(skill)) {
          errors.add(new InvalidField(field + ".removeSkills", "'" + member.userId() + "' has no skill '" + skill
              + "'"));
        }
      }
    }
    String calendar = change.workingCalendar() == null ? member.workingCalendar() : change.workingCalendar();
    if (change.workingCalendar() != null) {
      requireWorkingCalendar(model, calendar, field + ".workingCalendar", errors);
    }
    return new StaffMember(
        member.userId(),
        skills,
        change.capacity() == null ? member.capacity() : change.capacity(),
        calendar,
        member.absences());
  }

  private static void changeTarget(
      SimulationModel model,
      Map<String, ServiceTerms> services,
      TargetChange change,
      String field,
      List<InvalidField> errors) {
    ServiceTerms terms = services.get(change.serviceCode());
    if (terms == null) {
      errors.add(new InvalidField(field + ".serviceCode", "is not a service of the catalog: '"
          + change.serviceCode() + "'"));
      return;
    }
    SlaTarget current = terms.targets().get(change.priority());
    if (current == null) {
      errors.add(new InvalidField(field + ".priority", "the service has no SLA target for " + change.priority()));
      return;
    }
    int response = change.responseMinutes() == null ? current.responseMinutes() : change.responseMinutes();
    int resolution = change.resolutionMinutes() == null ? current.resolutionMinutes() : change.resolutionMinutes();
    if (resolution <= response) {
      errors.add(new InvalidField(field + ".resolutionMinutes",
          "must be greater than the response time of " + response + " minutes"));
      return;
    }
    String responseCalendar =
        change.responseCalendar() == null ? current.responseCalendar() : change.responseCalendar();
    String resolutionCalendar =
        change.resolutionCalendar() == null ? current.resolutionCalendar() : change.resolutionCalendar();
    if (change.responseCalendar() != null) {
      requireWorkingCalendar(model, responseCalendar, field + ".responseCalendar", errors);
    }
    if (change.resolutionCalendar() != null) {
      requireWorkingCalendar(model, resolutionCalendar, field + ".resolutionCalendar", errors);
    }
    Map<Priority, SlaTarget> targets = new EnumMap<>(Priority.class);
    targets.putAll(terms.targets());
    targets.put(change.priority(), new SlaTarget(
        change.priority(), response, resolution, responseCalendar, resolutionCalendar, current.warningPercents()));
    services.put(terms.code(), new ServiceTerms(terms.code(), terms.requiredSkill(), targets));
  }

  private static void requireWorkingCalendar(
      SimulationModel model, String code, String field, List<InvalidField> errors) {
    BusinessCalendar calendar = model.calendars().get(code);
    if (calendar == null) {
      errors.add(new InvalidField(field, "is not a business calendar: '" + code + "'"));
    } else if (!calendar.twentyFourSeven() && !calendar.hasWorkingTime()) {
      errors.add(new InvalidField(field, "the calendar '" + code + "' has no working hours"));
    }
  }

  private static Set<String> skills(List<String> names) {
    Set<String> skills = new HashSet<>();
    names.forEach(name -> skills.add(name.trim().toLowerCase(Locale.ROOT)));
    return skills;
  }

  private static List<String> stepIds() {
    return java.util.Arrays.stream(Step.values()).map(Step::id).toList();
  }

  private static Arrivals scaled(Arrivals pattern, double factor) {
    double[] rates = pattern.ratePerHour().clone();
    for (int h = 0; h < rates.length; h++) {
      rates[h] *= factor;
    }
    return new Arrivals(pattern.serviceCode(), pattern.priority(), rates);
  }
}
