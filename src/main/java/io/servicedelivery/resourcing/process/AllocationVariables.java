package io.servicedelivery.resourcing.process;

import static io.servicedelivery.resourcing.ResourceAllocationProcess.Variables.ALLOCATED_RESOURCE;
import static io.servicedelivery.resourcing.ResourceAllocationProcess.Variables.ALLOCATION_NOTE;
import static io.servicedelivery.resourcing.ResourceAllocationProcess.Variables.PLANNED_COMPLETION;
import static io.servicedelivery.resourcing.ResourceAllocationProcess.Variables.PLANNED_START;
import static io.servicedelivery.resourcing.ResourceAllocationProcess.Variables.REQUEST_ID;
import static io.servicedelivery.resourcing.ResourceAllocationProcess.Variables.REQUIRED_SKILL;
import static io.servicedelivery.resourcing.ResourceAllocationProcess.Variables.REQUIRED_SKILL_LEVEL;
import static io.servicedelivery.resourcing.ResourceAllocationProcess.Variables.RESOLUTION_DUE_AT;
import static io.servicedelivery.resourcing.ResourceAllocationProcess.Variables.RESOURCE_ALLOCATED;

import io.servicedelivery.engine.ProcessData;
import io.servicedelivery.resourcing.Allocation;
import io.servicedelivery.resourcing.AllocationRequest;
import java.time.Instant;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.VariableScope;

/** What the allocation reads from a request's variables and what it writes back. */
final class AllocationVariables {

  private AllocationVariables() {}

  /**
   * The request's skill and its planned window: from the planned start (or now) to the planned completion, or to
   * the resolution due time when the delivery is not planned in detail.
   */
  static AllocationRequest request(ProcessData data, Instant now) {
    Instant from = Objects.requireNonNullElse(data.instant(PLANNED_START), now);
    Instant to = data.instant(PLANNED_COMPLETION) != null ? data.instant(PLANNED_COMPLETION) : data.instant(RESOLUTION_DUE_AT);
    return new AllocationRequest(
        data.string(REQUEST_ID), data.string(REQUIRED_SKILL), data.integer(REQUIRED_SKILL_LEVEL, 1), from, to);
  }

  static void write(VariableScope scope, Allocation allocation) {
    scope.setVariable(RESOURCE_ALLOCATED, allocation.allocated());
    scope.setVariable(ALLOCATED_RESOURCE, allocation.userId());
    scope.setVariable(ALLOCATION_NOTE, allocation.note());
  }
}
