package io.servicedelivery.migration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Moving running instances to another version of their process (docs/migration.md). Operations managers only
 * (identity/ApiSecurity); the dashboard's page posts to {@link MigrationDashboardController} with its session.
 */
@RestController
@RequestMapping("/api/migrations")
@Tag(name = "Migrations", description = "Only for members of the group operations-managers")
@ApiResponse(responseCode = "401", description = "Not authenticated: use HTTP Basic with a Camunda user")
@ApiResponse(responseCode = "403", description = "Not a member of the group operations-managers")
class MigrationController {

  private final ProcessMigrations migrations;

  MigrationController(ProcessMigrations migrations) {
    this.migrations = migrations;
  }

  @GetMapping("/processes")
  @Operation(summary = "The keys of the deployed processes")
  List<String> processes() {
    return migrations.processKeys();
  }

  @GetMapping("/versions")
  @Operation(summary = "The deployed versions of a process, newest first, with how many instances run on each")
  @ApiResponse(responseCode = "400", description = "No process with this key is deployed")
  List<ProcessVersion> versions(
      @Parameter(example = "service-delivery") @RequestParam(defaultValue = "service-delivery") String processKey) {
    return migrations.versions(processKey);
  }

  @PostMapping("/validation")
  @Operation(
      summary = "Validate a migration: the plan, the engine's verdict, and whether each running instance can move",
      description = "Activities with the same id in both versions are mapped by the engine; instructions map the"
          + " others. Nothing moves: each instance is migrated in a transaction that is rolled back.")
  @ApiResponse(responseCode = "200", description = "The validation; planValid false with planFailures when the"
      + " engine refuses the plan")
  @ApiResponse(responseCode = "400", description = "Unknown process or version, the same version twice, or an"
      + " instruction naming an activity the version does not have: every invalid value in errors")
  MigrationValidation validate(@Valid @RequestBody MigrationRequest request) {
    return migrations.validate(request);
  }

  @PostMapping
  @Operation(
      summary = "Start a migration as a batch of the engine",
      description = "Moves the given processInstanceIds, or every instance of the source version. The job executor"
          + " runs one job per instance; an instance that cannot move fails its job, which leaves an incident.")
  @ApiResponse(responseCode = "201", description = "Batch started; Location names it")
  @ApiResponse(responseCode = "400", description = "Invalid request or a plan the engine refuses")
  @ApiResponse(responseCode = "409", description = "A running migration moves some of the instances already")
  ResponseEntity<MigrationStatus> start(@Valid @RequestBody MigrationRequest request, Principal user) {
    MigrationStatus started = migrations.start(request, user.getName());
    return ResponseEntity.created(URI.create("/api/migrations/" + started.batchId())).body(started);
  }

  @GetMapping
  @Operation(summary = "The migrations started, newest first")
  List<MigrationStatus> list() {
    return migrations.migrations();
  }

  @GetMapping("/{batchId}")
  @Operation(summary = "A migration: how many of its jobs are done or failed, why they failed, whether it is over")
  @ApiResponse(responseCode = "404", description = "No migration with this batch id")
  MigrationStatus get(@PathVariable String batchId) {
    return migrations.status(batchId);
  }
}
