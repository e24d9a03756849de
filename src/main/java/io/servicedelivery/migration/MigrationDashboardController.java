package io.servicedelivery.migration;

import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's page {@code migrations.html} validates and starts migrations here, with its session and CSRF token
 * (identity/DashboardSecurity); it reads versions and progress from {@code /api/migrations}.
 */
@RestController
class MigrationDashboardController {

  private final ProcessMigrations migrations;

  MigrationDashboardController(ProcessMigrations migrations) {
    this.migrations = migrations;
  }

  @PostMapping("/dashboard/api/migrations/validation")
  MigrationValidation validate(@Valid @RequestBody MigrationRequest request) {
    return migrations.validate(request);
  }

  @PostMapping("/dashboard/api/migrations")
  ResponseEntity<MigrationStatus> start(@Valid @RequestBody MigrationRequest request, Principal user) {
    MigrationStatus started = migrations.start(request, user.getName());
    return ResponseEntity.created(URI.create("/api/migrations/" + started.batchId())).body(started);
  }
}
