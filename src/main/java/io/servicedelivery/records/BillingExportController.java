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
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The billing hand-off of the service delivery records. */
@RestController
@RequestMapping("/api/records")
@Tag(name = "Service delivery records")
@ApiResponse(responseCode = "401", description = "not authenticated")
class BillingExportController {

  private static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final BillingExports exports;

  BillingExportController(BillingExports exports) {
    this.exports = exports;
  }

  @GetMapping("/export")
  @Operation(
      summary = "Export the delivered requests of a period for billing",
      description =
          "Operations managers only. A CSV line per delivered request closed from the start of 'from' to the start "
              + "of 'to' (UTC) that no export has taken yet; the requests are marked exported, so exporting the "
              + "same period again gives the header only.")
  @ApiResponse(
      responseCode = "200",
      description = "the CSV, header first",
      content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
  @ApiResponse(responseCode = "400", description = "from or to missing or not a date, or to not after from")
  @ApiResponse(responseCode = "403", description = "only operations managers export")
  ResponseEntity<String> export(
      @Parameter(description = "first day of the period, e.g. 2026-11-01")
          @RequestParam
          @DateTimeFormat(iso = ISO.DATE)
          LocalDate from,
      @Parameter(description = "the day after the period, e.g. 2026-12-01")
          @RequestParam
          @DateTimeFormat(iso = ISO.DATE)
          LocalDate to,
      Authentication caller) {
    if (!to.isAfter(from)) {
      throw new InvalidParametersException("to", "must be after from");
    }
    String csv = exports.export(startOf(from), startOf(to), caller.getName());
    return ResponseEntity.ok()
        .contentType(TEXT_CSV)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename("billing-" + from + "-" + to + ".csv").build().toString())
        .body(csv);
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
