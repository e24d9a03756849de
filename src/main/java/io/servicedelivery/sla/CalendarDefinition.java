package io.servicedelivery.sla;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A business calendar as it is created or replaced: everything but its code, which is the resource's. The limits
 * match the calendar tables.
 */
@ConsistentCalendar
// a calendar read from GET /api/catalog/calendars/{code} can be sent back changed: its code is the path's
@JsonIgnoreProperties("code")
public record CalendarDefinition(
    @NotBlank @Size(max = 120) String name,
    @Schema(description = "IANA time zone of the working hours", example = "Europe/Berlin")
        @NotBlank @Size(max = 60) String zoneId,
    @Schema(description = "true: every moment counts, without working hours or holidays")
        @NotNull Boolean twentyFourSeven,
    @Schema(description = "Ranges of local time per day of the week, at most 10 a day; an end of 00:00 is midnight. "
            + "Days without ranges have no working time. Empty for a 24x7 calendar.",
            example = "{\"MONDAY\": [{\"start\": \"08:00\", \"end\": \"12:00\"}, "
                + "{\"start\": \"13:00\", \"end\": \"17:00\"}]}")
        Map<DayOfWeek, @NotNull @Size(max = MAX_RANGES_A_DAY) List<@NotNull @Valid WorkingHours>> workingHours,
    @Schema(description = "Days without working time; empty for a 24x7 calendar")
        @Size(max = MAX_HOLIDAYS) List<@NotNull @Valid Holiday> holidays) {

  static final int MAX_RANGES_A_DAY = 10;
  static final int MAX_HOLIDAYS = 1000;

  public CalendarDefinition {
    workingHours = workingHours == null ? Map.of() : workingHours;
    holidays = holidays == null ? List.of() : holidays;
  }

  public record WorkingHours(
      @Schema(type = "string", example = "08:00") @NotNull LocalTime start,
      @Schema(type = "string", example = "18:00") @NotNull LocalTime end) {}

  public record Holiday(
      @Schema(example = "2026-12-25") @NotNull LocalDate date,
      @Schema(example = "Christmas Day") @NotBlank @Size(max = 120) String name) {}

  /** The calendar this definition gives the code; call it with a valid definition only. */
  BusinessCalendar asCalendar(String code) {
    Map<DayOfWeek, List<BusinessCalendar.WorkingHours>> days = new EnumMap<>(DayOfWeek.class);
    workingHours.forEach(
        (day, ranges) ->
            days.put(
                day,
                ranges.stream().map(range -> new BusinessCalendar.WorkingHours(range.start(), range.end())).toList()));
    return new BusinessCalendar(
        code,
        name,
        ZoneId.of(zoneId),
        twentyFourSeven,
        days,
        holidays.stream().map(holiday -> new BusinessCalendar.Holiday(holiday.date(), holiday.name())).toList());
  }
}
