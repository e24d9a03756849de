package io.servicedelivery.delivery;

import io.servicedelivery.records.ServiceDeliveryRecords;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The resolution clock stands still while a request waits for the customer: the pause is recorded with its reason
 * and the resolution timers are held; on resume the due dates move by the paused time.
 */
@Service
class SlaPauses {

  private final ServiceDeliveryRecords records;
  private final SlaSchedule schedule;
  private final Clock clock;
  private final Duration answerPeriod;

  SlaPauses(
      ServiceDeliveryRecords records,
      SlaSchedule schedule,
      Clock clock,
      @Value("${servicedelivery.sla.customer-answer-days:5}") int customerAnswerDays) {
    this.records = records;
    this.schedule = schedule;
    this.clock = clock;
    this.answerPeriod = Duration.ofDays(customerAnswerDays);
  }

  /** @return by when the customer must answer before the request is closed as abandoned */
  Instant pause(String requestId, String processInstanceId, String question) {
    records.startPause(requestId, question);
    schedule.holdResolutionTimers(processInstanceId, answerPeriod);
    return clock.instant().plus(answerPeriod);
  }

  ResumedSla resume(String requestId, Instant resolutionDueAt, Instant warningAt, Duration pausedBefore) {
    Duration paused =
        records
            .openPauseSince(requestId)
            .map(since -> Duration.between(since, clock.instant()))
            .orElse(Duration.ZERO);
    records.endPause(requestId, paused);
    records.moveResolutionDue(requestId, resolutionDueAt.plus(paused));
    return new ResumedSla(resolutionDueAt.plus(paused), warningAt.plus(paused), paused, pausedBefore.plus(paused));
  }
}
