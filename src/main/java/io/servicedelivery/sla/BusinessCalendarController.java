package io.servicedelivery.sla;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The business calendars SLA targets count in: read by everybody, created and replaced by operations managers. */
@RestController
@RequestMapping(BusinessCalendarController.PATH)
@Tag(name = "Business calendars", description = "When SLA time counts; changed only by operations managers")
@ApiResponse(responseCode = "401", description = "Not authenticated: use HTTP Basic with a Camunda user")
class BusinessCalendarController {

  static final String PATH = "/api/catalog/calendars";

  private final BusinessCalendars calendars;

  BusinessCalendarController(BusinessCalendars calendars) {
    this.calendars = calendars;
  }

  @GetMapping
  @Operation(summary = "Every business calendar, with working hours and holidays")
  @ApiResponse(responseCode = "200", description = "The calendars, by code")
  List<BusinessCalendar> list() {
    return calendars.list();
  }

  @GetMapping("/{code}")
  @Operation(summary = "A business calendar with its working hours and holidays")
  @ApiResponse(responseCode = "200", description = "The calendar")
  @ApiResponse(responseCode = "404", description = "No calendar with this code")
  BusinessCalendar get(@PathVariable String code) {
    return calendars.get(code);
  }

  @PutMapping("/{code}")
  @Operation(
      summary = "Create or replace a business calendar",
      description = "The body is the complete calendar; a calendar read with GET can be sent back changed (its code "
          + "is the path's). Due dates computed from then on count in the new calendar; requests already running "
          + "keep the due dates they have. Only for members of the group operations-managers.")
  @ApiResponse(responseCode = "201", description = "Created; Location names the calendar")
  @ApiResponse(responseCode = "200", description = "Replaced")
  @ApiResponse(responseCode = "400", description = "Invalid calendar: every invalid value is listed in errors")
  @ApiResponse(responseCode = "403", description = "Not a member of the group operations-managers")
  ResponseEntity<BusinessCalendar> put(
      @PathVariable
          @Size(max = 40)
          @Pattern(regexp = "[A-Z0-9][A-Z0-9_]*", message = "must be capital letters, digits and underscores")
          String code,
      @Valid @RequestBody CalendarDefinition definition) {
    BusinessCalendar calendar = definition.asCalendar(code);
    boolean created;
    try {
      created = calendars.save(calendar);
    } catch (DuplicateKeyException createdMeanwhile) {
      // another call created the calendar since ours looked: replace it as if it had been there
      created = calendars.save(calendar);
    }
    BusinessCalendar saved = calendars.get(code);
    return created ? ResponseEntity.created(URI.create(PATH + "/" + code)).body(saved) : ResponseEntity.ok(saved);
  }
}
