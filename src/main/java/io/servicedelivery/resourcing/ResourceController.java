package io.servicedelivery.resourcing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The resource pool: read by the staff, kept by resource analysts and operations managers. */
@RestController
@RequestMapping(ResourceController.PATH)
@Tag(name = "Resource pool", description = "The people who execute services: skills, capacity, calendar, absences")
@ApiResponse(responseCode = "401", description = "Not authenticated: use HTTP Basic with a Camunda user")
@ApiResponse(
    responseCode = "404",
    description = "Nobody in the pool has the user id, or the person has no such absence")
class ResourceController {

  static final String PATH = "/api/resources";

  private final StaffDirectory staff;

  ResourceController(StaffDirectory staff) {
    this.staff = staff;
  }

  @GetMapping
  @Operation(summary = "Everybody in the resource pool, with their load and absences")
  List<Resource> list() {
    return staff.list();
  }

  @GetMapping("/{userId}")
  @Operation(summary = "A person of the resource pool")
  Resource get(@PathVariable String userId) {
    return staff.get(userId);
  }

  @PostMapping
  @Operation(
      summary = "Add a person to the resource pool",
      description = "Only for resource analysts and operations managers.")
  @ApiResponse(responseCode = "201", description = "Added; Location names the person")
  @ApiResponse(responseCode = "400", description = "Invalid person: every invalid value is listed in errors")
  @ApiResponse(responseCode = "409", description = "The person is in the pool already")
  ResponseEntity<Resource> add(@Valid @RequestBody NewResource person) {
    Resource added = staff.join(person);
    return ResponseEntity.created(URI.create(PATH + "/" + added.userId())).body(added);
  }

  @PutMapping("/{userId}")
  @Operation(
      summary = "Change a person's skills, capacity or working calendar",
      description = "The body is the complete description; reservations made already stay. Only for resource "
          + "analysts and operations managers.")
  @ApiResponse(responseCode = "400", description = "Invalid person: every invalid value is listed in errors")
  Resource update(@PathVariable String userId, @Valid @RequestBody ResourceDefinition definition) {
    return staff.update(userId, definition);
  }

  @DeleteMapping("/{userId}")
  @Operation(
      summary = "Take a person out of the resource pool",
      description = "Refused while requests are reserved for them. Only for resource analysts and operations "
          + "managers.")
  @ApiResponse(responseCode = "204", description = "Removed")
  @ApiResponse(responseCode = "409", description = "Requests are reserved for the person; requestIds names them")
  ResponseEntity<Void> remove(@PathVariable String userId) {
    staff.remove(userId);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{userId}/absences")
  @Operation(
      summary = "Record a time the person is away",
      description = "Requests reserved for the person whose planned window overlaps the absence go to somebody "
          + "else who fits, or back to the resource analysts when nobody does. Only for resource analysts and "
          + "operations managers.")
  @ApiResponse(responseCode = "201", description = "Recorded; Location names the absence")
  @ApiResponse(responseCode = "400", description = "Invalid absence: every invalid value is listed in errors")
  ResponseEntity<Absence> addAbsence(@PathVariable String userId, @Valid @RequestBody NewAbsence absence) {
    Absence added = staff.addAbsence(userId, absence);
    return ResponseEntity.created(URI.create(PATH + "/" + userId + "/absences/" + added.id())).body(added);
  }

  @DeleteMapping("/{userId}/absences/{absenceId}")
  @Operation(summary = "Remove an absence", description = "Only for resource analysts and operations managers.")
  @ApiResponse(responseCode = "204", description = "Removed")
  ResponseEntity<Void> removeAbsence(@PathVariable String userId, @PathVariable long absenceId) {
    staff.removeAbsence(userId, absenceId);
    return ResponseEntity.noContent().build();
  }
}
