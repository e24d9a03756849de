package io.servicedelivery.intake;

import io.servicedelivery.catalog.RequestType;
import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.catalog.ServiceDefinition;
import io.servicedelivery.sla.BusinessCalendars;
import io.servicedelivery.sla.Priority;
import io.servicedelivery.sla.SlaClock;
import io.servicedelivery.sla.SlaTarget;
import io.servicedelivery.web.InvalidField;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Checks that a request is complete and names a service and request type of the catalog, and binds it to the
 * SLA of that service for its priority, all as one version of the catalog defines them: the version intake accepted
 * the request under when it came through intake, else the version effective now. A request is judged once: a catalog
 * change that lands after intake's answer does not reject what intake accepted.
 */
@Service
public class RequestValidation {

  static final int MAX_TITLE = 200;
  static final int MAX_DESCRIPTION = 4000;
  static final int MAX_NAME = 120;
  static final int MAX_EMAIL = 254;
  static final int MAX_CUSTOMER_ID = 64;

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final ServiceCatalog catalog;
  private final BusinessCalendars calendars;
  private final SlaClock slaClock;

  public RequestValidation(ServiceCatalog catalog, BusinessCalendars calendars, SlaClock slaClock) {
    this.catalog = catalog;
    this.calendars = calendars;
    this.slaClock = slaClock;
  }

  /** @throws InvalidRequestException listing every reason the request cannot be accepted */
  public ValidatedRequest validate(ServiceRequest request, Instant receivedAt) {
    return validate(request, receivedAt, null);
  }

  /**
   * @param acceptedCatalogVersion the version of the service's catalog entry intake accepted the request under
   *     ({@link #acceptedCatalogVersion}), or null for a request that did not come through intake (the order form)
   * @throws InvalidRequestException listing every reason the request cannot be accepted
   */
  public ValidatedRequest validate(ServiceRequest request, Instant receivedAt, Integer acceptedCatalogVersion) {
    List<String> reasons = new ArrayList<>();
    text(request.title(), "title", MAX_TITLE, true, reasons);
    text(request.description(), "description", MAX_DESCRIPTION, true, reasons);
    text(request.requesterName(), "requester name", MAX_NAME, true, reasons);
    text(request.customerId(), "customer id", MAX_CUSTOMER_ID, false, reasons);
    if (text(request.requesterEmail(), "requester e-mail", MAX_EMAIL, true, reasons)
        && !EMAIL.matcher(request.requesterEmail().trim()).matches()) {
      reasons.add("The requester e-mail '" + request.requesterEmail() + "' is not an e-mail address.");
    }
    if (request.requesterTimeZone() != null && !KnownTimeZoneValidator.isKnown(request.requesterTimeZone())) {
      reasons.add(
          "The requester time zone '" + request.requesterTimeZone()
              + "' is not a time zone such as Europe/Berlin or America/New_York.");
    }

    if (!Channel.isKnown(request.channel())) {
      reasons.add("The channel '" + request.channel() + "' is not one of " + Channel.allowed() + ".");
    }

    Priority priority = Priority.parse(request.priority());
    if (priority == null) {
      reasons.add(
          isBlank(request.priority())
              ? "The priority is missing: give a priority, or an impact and an urgency of HIGH, MEDIUM or LOW."
              : "The priority '" + request.priority() + "' is not one of " + allowedPriorities() + ".");
    }

    CatalogMatch match = matchCatalog(request.serviceCode(), request.requestType(), acceptedCatalogVersion);
    match.errors().forEach(error -> reasons.add(error.message()));
    Optional<ServiceDefinition> service = match.service();
    Optional<RequestType> requestType = match.requestType();

    Optional<SlaTarget> target = service.flatMap(s -> Optional.ofNullable(priority).flatMap(s::slaFor));
    if (service.isPresent() && priority != null && target.isEmpty()) {
      reasons.add("The service " + service.get().name() + " has no SLA for priority " + priority + ".");
    }
    if (!reasons.isEmpty()) {
      throw new InvalidRequestException(reasons);
    }
    SlaTarget sla = target.orElseThrow();
    return new ValidatedRequest(
        service.get(),
        requestType.orElseThrow(),
        priority,
        sla,
        slaClock.dueDates(receivedAt, calendars.terms(sla)));
  }

  /**
   * The check of the catalog alone, for intake, which validated the form of a request itself: the version of the
   * service's catalog entry in force now, which the process then validates the request against.
   *
   * @throws CatalogViolationException naming each field the catalog does not offer
   */
  public int acceptedCatalogVersion(String serviceCode, String requestType) {
    CatalogMatch match = matchCatalog(serviceCode, requestType, null);
    if (!match.errors().isEmpty()) {
      throw new CatalogViolationException(match.errors());
    }
    return match.service().orElseThrow().version();
  }

  private record CatalogMatch(
      Optional<ServiceDefinition> service, Optional<RequestType> requestType, List<InvalidField> errors) {}

  private CatalogMatch matchCatalog(String serviceCode, String requestTypeCode, Integer version) {
    List<InvalidField> errors = new ArrayList<>();
    Optional<ServiceDefinition> service = Optional.empty();
    if (isBlank(serviceCode)) {
      errors.add(new InvalidField("serviceCode", "The service is missing."));
    } else {
      service = version == null ? catalog.find(serviceCode.trim()) : catalog.find(serviceCode.trim(), version);
      if (service.isEmpty()) {
        errors.add(new InvalidField("serviceCode", "The service catalog has no service '" + serviceCode + "'."));
      }
    }
    Optional<RequestType> requestType = Optional.empty();
    if (isBlank(requestTypeCode)) {
      errors.add(new InvalidField("requestType", "The request type is missing."));
    } else if (service.isPresent()) {
      requestType = service.get().requestType(requestTypeCode.trim());
      if (requestType.isEmpty()) {
        errors.add(
            new InvalidField(
                "requestType",
                "The service " + service.get().name() + " has no request type '" + requestTypeCode + "'."));
      }
    }
    return new CatalogMatch(service, requestType, errors);
  }

  /** @return true when the value is present */
  private static boolean text(String value, String field, int maxLength, boolean required, List<String> reasons) {
    if (isBlank(value)) {
      if (required) {
        reasons.add("The " + field + " is missing.");
      }
      return false;
    }
    if (value.length() > maxLength) {
      reasons.add("The " + field + " is longer than " + maxLength + " characters.");
    }
    return true;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static String allowedPriorities() {
    return Arrays.stream(Priority.values()).map(Enum::name).collect(Collectors.joining(", "));
  }
}
