package io.servicedelivery.delivery.process;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.EXECUTE_SERVICE_ACTIVITIES;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.ABSENT_RESOURCE;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.ALLOCATED_RESOURCE;

import io.servicedelivery.engine.ProcessData;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Gives the open "Execute service activities" task of the absent assignee to the person reserved instead. A task
 * somebody else has claimed meanwhile stays with them.
 */
@Component("handOverExecution")
class HandOverExecutionDelegate implements JavaDelegate {

  private final TaskService taskService;

  HandOverExecutionDelegate(TaskService taskService) {
    this.taskService = taskService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessData data = ProcessData.of(execution);
    for (Task task :
        taskService.createTaskQuery()
            .processInstanceId(execution.getProcessInstanceId())
            .taskDefinitionKey(EXECUTE_SERVICE_ACTIVITIES)
            .taskAssignee(data.string(ABSENT_RESOURCE))
            .list()) {
      taskService.setAssignee(task.getId(), data.string(ALLOCATED_RESOURCE));
    }
  }
}
