package io.servicedelivery.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.servicedelivery.sla.BusinessCalendar;
import io.servicedelivery.sla.KnownCalendar;
import io.servicedelivery.sla.Priority;
import io.servicedelivery.sla.SlaTarget;
import io.servicedelivery.sla.SlaTerms;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A proposed change of the catalog: the complete new definition of one service (an existing one or a new one), the
 * moment it is to take effect and why. The limits match the catalog tables.
 */
@ConsistentDefinition
// a definition read from GET /api/catalog/services/{code} can be sent back changed: its version is the catalog's to give
@JsonIgnoreProperties("version")
public record CatalogChangeProposal(
    @NotBlank @Size(max = 40) @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
    @NotBlank @Size(max = 120) String name,
    @NotBlank @Size(max = 1000) String description,
    @NotBlank @Size(max = 60) String requiredSkill,
    @NotNull @Positive @Digits(integer = 6, fraction = 2) BigDecimal standardEffortHours,
    @Schema(description = "How far the effort of a delivery may lie above or below the standard effort, in percent "
            + "of it; the automated quality checks flag the rest", defaultValue = "50")
        @Min(1) @Max(1000) Integer effortTolerancePercent,
    @NotNull @PositiveOrZero @Digits(integer = 8, fraction = 2) BigDecimal costRatePerHour,
    @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code such as EUR") String currency,
    @NotEmpty @Size(max = 20) List<@NotNull @Valid RequestTypeProposal> requestTypes,
    @NotEmpty @Size(max = 30) List<@NotBlank @Size(max = 300) String> checklist,
    @Schema(description = "Items of the checklist that need not be confirmed; every other item is mandatory")
        @Size(max = 30) List<@NotNull String> optionalChecklistItems,
    @NotNull List<@NotNull @Valid SlaTargetProposal> slaTargets,
    @Schema(description = "When the new version takes effect; not in the past", example = "2026-12-01T00:00:00Z")
        @NotNull @FutureOrPresent Instant effectiveFrom,
    @Schema(description = "Why the catalog should change; the reviewer reads it")
        @NotBlank @Size(max = 2000) String reason) {

  static final String CODE = "[A-Z][A-Z0-9_]*";
  static final String CODE_MESSAGE = "must be capital letters, digits and underscores, starting with a letter";

  /** Without a tolerance the default applies; without optional items every item is mandatory. */
  public CatalogChangeProposal {
    effortTolerancePercent =
        effortTolerancePercent == null ? ServiceDefinition.DEFAULT_EFFORT_TOLERANCE_PERCENT : effortTolerancePercent;
    optionalChecklistItems = optionalChecklistItems == null ? List.of() : optionalChecklistItems;
  }

  public record RequestTypeProposal(
      @NotBlank @Size(max = 40) @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
      @NotBlank @Size(max = 120) String name) {}

  /**
   * Minutes from the moment a request arrives, a year at most, each counted in a business calendar (24x7 unless
   * given), and the warning thresholds in percent of the resolution time (50, 75, 90 unless given).
   */
  @Schema(description = "Exactly one per priority; the resolution time longer than the response time")
  public record SlaTargetProposal(
      @NotNull Priority priority,
      @NotNull @Positive @Max(525_600) Integer responseMinutes,
      @NotNull @Positive @Max(525_600) Integer resolutionMinutes,
      @Schema(description = "Code of the business calendar the response time counts in", defaultValue = "24X7")
          @KnownCalendar String responseCalendar,
      @Schema(description = "Code of the business calendar the resolution time counts in", defaultValue = "24X7")
          @KnownCalendar String resolutionCalendar,
      @Schema(description = "Three ascending thresholds in percent of the resolution time, each warning once",
              example = "[50, 75, 90]")
          @Size(min = 3, max = 3) List<@NotNull @Min(1) @Max(99) Integer> warningPercents) {

    public SlaTargetProposal {
      responseCalendar = responseCalendar == null ? BusinessCalendar.TWENTY_FOUR_SEVEN : responseCalendar;
      resolutionCalendar = resolutionCalendar == null ? BusinessCalendar.TWENTY_FOUR_SEVEN : resolutionCalendar;
      warningPercents = warningPercents == null ? SlaTerms.DEFAULT_WARNING_PERCENTS : warningPercents;
    }

    /** Counted 24x7, with the default warnings. */
    public SlaTargetProposal(Priority priority, Integer responseMinutes, Integer resolutionMinutes) {
      this(priority, responseMinutes, resolutionMinutes, null, null, null);
    }

    SlaTarget asTarget() {
      return new SlaTarget(
          priority, responseMinutes, resolutionMinutes, responseCalendar, resolutionCalendar, warningPercents);
    }
  }

  /** The proposal as the catalog would hold it, for comparison with a version of the catalog. */
  ServiceDefinition asDefinition(int version) {
    return new ServiceDefinition(
        code,
        version,
        effectiveFrom,
        name,
        description,
        requiredSkill,
        standardEffortHours,
        effortTolerancePercent,
        costRatePerHour,
        currency,
        requestTypes.stream()
            .map(type -> new RequestType(type.code(), type.name()))
            .sorted(Comparator.comparing(RequestType::code))
            .toList(),
        List.copyOf(checklist),
        List.copyOf(optionalChecklistItems),
        slaTargets.stream()
            .map(SlaTargetProposal::asTarget)
            .sorted(Comparator.comparing(SlaTarget::priority))
            .toList());
  }
}
