package io.servicedelivery.records;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SQL condition on {@code service_delivery_record d} that leaves the requests a {@link Viewer} may see. It is
 * part of the statement that reads the records (no second query per row), and every branch starts from an index:
 * {@code service_request (submitted_by, ...)}, {@code api_client_customer} by client, {@code service_delivery_record
 * (customer_id)} and {@code (assigned_to)}, {@code resource_reservation (user_id, ...)}, {@code quality_review
 * (reviewed_by)} and the engine's indexes on the task's assignee and the identity links' user and group.
 */
final class RequestScope {

  private RequestScope() {}

  /** @param params receives the named parameters {@code viewer} and {@code viewerGroups} the condition uses */
  static String condition(Viewer viewer, Map<String, Object> params) {
    if (viewer.seesAll()) {
      return "1 = 1";
    }
    List<String> branches = new ArrayList<>();
    if (viewer.isApiClient()) {
      branches.add("d.request_id in (select r.request_id from service_request r where r.submitted_by = :viewer)");
      branches.add(
          "d.customer_id in (select c.customer_id from api_client_customer c where c.client_id = :viewer)");
    }
    if (viewer.isStaff()) {
      branches.add("d.request_id in (select rr.request_id from resource_reservation rr where rr.user_id = :viewer)");
      branches.add("d.assigned_to = :viewer");
      branches.add("d.request_id in (select q.request_id from quality_review q where q.reviewed_by = :viewer)");
      // open tasks of the request or of the processes it called (quality control, resource allocation)
      branches.add(
          """
          d.process_instance_id in (
            select e.ROOT_PROC_INST_ID_ from ACT_RU_TASK t join ACT_RU_EXECUTION e on e.ID_ = t.PROC_INST_ID_
            where t.ASSIGNEE_ = :viewer
               or t.ID_ in (select l.TASK_ID_ from ACT_RU_IDENTITYLINK l
                            where l.TYPE_ = 'candidate' and (l.USER_ID_ = :viewer or l.GROUP_ID_ in (:viewerGroups))))""");
      params.put("viewerGroups", List.copyOf(viewer.groups()));
    }
    if (branches.isEmpty()) {
      return "1 = 0";
    }
    params.put("viewer", viewer.userId());
    return "(" + String.join(" or ", branches) + ")";
  }
}
