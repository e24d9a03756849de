package io.servicedelivery.resourcing.process;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How long re-planning resources may take before the operations managers are called in; the timer of
 * resource-allocation reads it as {@code ${replanEscalation.after}}.
 */
@Component("replanEscalation")
public class ReplanEscalation {

  private final Duration after;

  ReplanEscalation(@Value("${servicedelivery.resourcing.replan-escalation-after:PT4H}") Duration after) {
    this.after = after;
  }

  /** @return an ISO-8601 duration such as PT4H, as a timer's time duration expects */
  public String getAfter() {
    return after.toString();
  }
}
