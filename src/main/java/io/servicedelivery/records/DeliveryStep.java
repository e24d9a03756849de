package io.servicedelivery.records;

import java.time.Duration;
import java.time.Instant;

/**
 * One step of a request's delivery as the engine's history knows it: a task or a boundary event of the request's
 * process ({@code process} is its key) or of a process it called. {@code assignee} and {@code completedBy} are set
 * for user tasks; {@code endedAt} and {@code duration} once the step is over; {@code canceled} when it was
 * interrupted (a timer that fired, a cancellation).
 */
public record DeliveryStep(
    String process,
    String activityId,
    String name,
    String type,
    Instant startedAt,
    Instant endedAt,
    Duration duration,
    String assignee,
    String completedBy,
    boolean canceled) {}
