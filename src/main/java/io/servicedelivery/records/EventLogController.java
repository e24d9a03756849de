package io.servicedelivery.records;

import io.servicedelivery.web.InvalidParametersException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The delivery history as an IEEE XES event log for the analysts' process-mining tools ({@link EventLog}), streamed.
 * Operations managers only (see identity.ApiSecurity).
 */
@RestController
@RequestMapping("/api/records")
@Tag(name = "Service delivery records")
@ApiResponse(responseCode = "401", description = "not authenticated")
@ApiResponse(responseCode = "403", description = "only operations managers export the event log")
class EventLogController {

  /** XES is XML; no media type of its own is registered */
  static final MediaType XES = new MediaType("application", "xml", StandardCharsets.UTF_8);

  private final EventLog eventLog;

  EventLogController(EventLog eventLog) {
    this.eventLog = eventLog;
  }

  @GetMapping("/event-log")
  @Operation(
      summary = "Export the event log of a period for process mining (IEEE XES)",
      description =
          "Operations managers only. An IEEE 1849-2016 XES document (xes.version 1849.2016), streamed: a trace per "
              + "service request received from the start of 'from' to the start of 'to' (UTC), oldest first, with "
              + "its service, priority, customer, channel, outcome, SLA outcome (met, breached, open, none), reworks "
              + "and cost; in it an event per start and completion (or abort) of each step of the request and of the "
              + "processes it called, with the step's name, lifecycle transition, timestamp, resource (the user, or "
              + "'system') and group. A trace has all its steps up to now, also those after 'to'. 'serviceCode' "
              + "keeps the requests of one catalog service; a code no request has gives a log without traces. Opens "
              + "in ProM, Disco, Celonis, pm4py and the like.")
  @ApiResponse(
      responseCode = "200",
      description = "the XES document",
      content = @Content(mediaType = "application/xml", schema = @Schema(type = "string")))
  @ApiResponse(
      responseCode = "400",
      description = "from or to missing or not a date, from not before to, or serviceCode blank")
  ResponseEntity<StreamingResponseBody> eventLog(
      @Parameter(description = "first day of the period, e.g. 2026-01-01")
          @RequestParam
          @DateTimeFormat(iso = ISO.DATE)
          LocalDate from,
      @Parameter(description = "the day after the period, e.g. 2027-01-01")
          @RequestParam
          @DateTimeFormat(iso = ISO.DATE)
          LocalDate to,
      @Parameter(description = "only the requests of this catalog service, e.g. NETWORK_ACCESS")
          @RequestParam(required = false)
          String serviceCode) {
    if (!from.isBefore(to)) {
      throw new InvalidParametersException("from", "must be before to");
    }
    if (serviceCode != null && serviceCode.isBlank()) {
      throw new InvalidParametersException("serviceCode", "must not be blank");
    }
    EventLogExport export = eventLog.open(new EventLogFilter(startOf(from), startOf(to), serviceCode));
    String fileName =
        "event-log-" + from + "-" + to + (serviceCode == null ? "" : "-" + serviceCode.replaceAll("[^A-Za-z0-9_-]", ""))
            + ".xes";
    return ResponseEntity.ok()
        .contentType(XES)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
        .body(out -> eventLog.write(export, out));
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
