package io.servicedelivery.resourcing;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A person of the resource pool as the API shows them, with their current load and absences. */
@Schema(description = "A person of the resource pool")
public record Resource(
    String userId,
    String displayName,
    List<Skill> skills,
    int capacity,
    String workingCalendar,
    @Schema(description = "How many requests are reserved for the person now") int openReservations,
    List<Absence> absences) {}
