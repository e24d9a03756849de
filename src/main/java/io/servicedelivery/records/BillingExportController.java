package io.servicedelivery.records;

import io.servicedelivery.web.InvalidParametersException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The billing hand-off of the service delivery records: a preview of a period that marks nothing, the export that
 * takes the period's delivered requests once, and the exports made, each with its CSV as often as billing needs it.
 * Operations managers only (see identity.ApiSecurity).
 */
@RestController
@RequestMapping("/api/records")
@Tag(name = "Service delivery records")
@ApiResponse(responseCode = "401", description = "not authenticated")
@ApiResponse(responseCode = "403", description = "only operations managers see and make billing exports")
class BillingExportController {

  static final String EXPORTS = "/api/records/exports";

  private static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final BillingExports exports;

  BillingExportController(BillingExports exports) {
    this.exports = exports;
  }

  @GetMapping("/export")
  @Operation(
      summary = "Preview the billing export of a period",
      description =
          "Operations managers only. A CSV line per delivered request closed from the start of 'from' to the start "
              + "of 'to' (UTC) that no export has taken yet: what POST /api/records/exports would take now. Marks "
              + "nothing; look as often as you like.")
  @ApiResponse(
      responseCode = "200",
      description = "the CSV, header first",
      content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
  @ApiResponse(responseCode = "400", description = "from or to missing or not a date, or to not after from")
  ResponseEntity<String> preview(
      @Parameter(description = "first day of the period, e.g. 2026-11-01")
          @RequestParam
          @DateTimeFormat(iso = ISO.DATE)
          LocalDate from,
      @Parameter(description = "the day after the period, e.g. 2026-12-01")
          @RequestParam
          @DateTimeFormat(iso = ISO.DATE)
          LocalDate to) {
    requirePeriod(from, to);
    return csv(ResponseEntity.ok(), "billing-preview-" + from + "-" + to + ".csv")
        .body(exports.preview(startOf(from), startOf(to)));
  }

  @PostMapping("/exports")
  @Operation(
      summary = "Export the delivered requests of a period for billing",
      description =
          "Operations managers only. Takes every delivered request closed from the start of 'from' to the start of "
              + "'to' (UTC) that no export has taken yet, marks it EXPORTED with the new export's id and answers "
              + "its CSV; Location names the export, whose CSV GET fetches again as often as needed. Each request "
              + "is exported once: when no request is left in the period (also when a second export of the same "
              + "period ran at the same moment and the first took them all) the answer is 409 and nothing is "
              + "stored.")
  @ApiResponse(
      responseCode = "201",
      description = "the export made; its CSV, header first; Location: /api/records/exports/{exportId}",
      content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
  @ApiResponse(responseCode = "400", description = "from or to missing or not a date, or to not after from")
  @ApiResponse(
      responseCode = "409",
      description = "no delivered request of the period is left to export; previous exports are listed by GET")
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
    requirePeriod(from, to);
    BillingExport export =
        exports
            .export(startOf(from), startOf(to), caller.getName())
            .orElseThrow(() -> new NothingToExportException(from, to));
    URI location = URI.create(EXPORTS + "/" + export.id());
    return csv(ResponseEntity.created(location), "billing-export-" + export.id() + ".csv")
        .body(exports.csvOf(export.id()).orElseThrow());
  }

  @GetMapping("/exports")
  @Operation(summary = "List the billing exports made", description = "Operations managers only. The newest first.")
  @ApiResponse(responseCode = "200", description = "the exports")
  List<BillingExport> list() {
    return exports.list();
  }

  @GetMapping("/exports/{exportId}")
  @Operation(
      summary = "Fetch a billing export again",
      description =
          "Operations managers only. The CSV of the export, with the requests it took: the same lines every time.")
  @ApiResponse(
      responseCode = "200",
      description = "the CSV, header first",
      content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
  @ApiResponse(responseCode = "404", description = "no export with this id")
  ResponseEntity<String> get(@PathVariable long exportId) {
    String csv = exports.csvOf(exportId).orElseThrow(() -> new UnknownBillingExportException(exportId));
    return csv(ResponseEntity.ok(), "billing-export-" + exportId + ".csv").body(csv);
  }

  private static ResponseEntity.BodyBuilder csv(ResponseEntity.BodyBuilder response, String fileName) {
    return response
        .contentType(TEXT_CSV)
        .header(
            HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString());
  }

  private static void requirePeriod(LocalDate from, LocalDate to) {
    if (!to.isAfter(from)) {
      throw new InvalidParametersException("to", "must be after from");
    }
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
