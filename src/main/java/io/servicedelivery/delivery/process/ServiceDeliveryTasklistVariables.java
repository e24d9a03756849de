package io.servicedelivery.delivery.process;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.PRIORITY_LABEL;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REQUEST_ID;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.RESOLUTION_DUE_TEXT;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.TITLE;

import io.servicedelivery.identity.TasklistVariables;
import java.util.List;
import org.springframework.stereotype.Component;

/** A delivery's task in Tasklist's lists names its request: number, title, priority and resolution due time. */
@Component
class ServiceDeliveryTasklistVariables implements TasklistVariables {

  @Override
  public List<Shown> shown() {
    return List.of(
        new Shown(REQUEST_ID, "Request"),
        new Shown(TITLE, "Title"),
        new Shown(PRIORITY_LABEL, "Priority"),
        new Shown(RESOLUTION_DUE_TEXT, "SLA due"));
  }
}
