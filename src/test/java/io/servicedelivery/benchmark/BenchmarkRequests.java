package io.servicedelivery.benchmark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The requests the benchmarks submit, in turn: five services of the seeded catalog, so that both staff members get
 * work (network and storage go to staff2, hardware to staff1, software to the less loaded), with a priority or with
 * impact and urgency (then the priority matrix decides). None is CRITICAL, whose response time (15 minutes) a long
 * run could reach.
 */
final class BenchmarkRequests {

  /** one kind of request: service, request type, and a priority or impact and urgency */
  record Kind(String serviceCode, String requestType, String priority, String impact, String urgency) {}

  static final List<Kind> KINDS =
      List.of(
          new Kind("NETWORK_ACCESS", "VPN_ACCESS", "HIGH", null, null),
          new Kind("SOFTWARE_INSTALLATION", "STANDARD_SOFTWARE", null, "MEDIUM", "MEDIUM"),
          new Kind("LAPTOP_PROVISIONING", "NEW_LAPTOP", "MEDIUM", null, null),
          new Kind("DATA_RECOVERY", "FILE_RESTORE", null, "HIGH", "LOW"),
          new Kind("ONSITE_REPAIR", "PERIPHERAL", "LOW", null, null));

  static final String REQUESTER_EMAIL = "bench@customer.example";

  private BenchmarkRequests() {}

  static Kind kind(int n) {
    return KINDS.get(Math.floorMod(n, KINDS.size()));
  }

  /** The body of POST /api/service-requests for the n-th request of a run, as a portal sends it. */
  static Map<String, Object> body(String run, int n) {
    Kind kind = kind(n);
    Map<String, Object> requester = new LinkedHashMap<>();
    requester.put("name", "Bench Customer " + n);
    requester.put("email", REQUESTER_EMAIL);
    requester.put("customerId", "CUST-" + (n % 97));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("serviceCode", kind.serviceCode());
    body.put("requestType", kind.requestType());
    body.put("title", "Benchmark request " + n);
    body.put("description", "Submitted by the benchmark run " + run + ".");
    body.put("requester", requester);
    if (kind.priority() != null) {
      body.put("priority", kind.priority());
    } else {
      body.put("impact", kind.impact());
      body.put("urgency", kind.urgency());
    }
    body.put("channel", "PORTAL");
    body.put("externalReference", "PORTAL-" + run + "-" + n);
    return body;
  }

  /**
   * The same request as the start variables of the baseline process over /engine-rest ({@code {"variables": {..},
   * "businessKey": ..}}), with the person who will execute it (the baseline allocates nobody).
   */
  static Map<String, Object> baselineStart(String run, int n, String businessKey, String assignee) {
    Kind kind = kind(n);
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("requestId", value(businessKey));
    variables.put("serviceCode", value(kind.serviceCode()));
    variables.put("requestType", value(kind.requestType()));
    variables.put("title", value("Benchmark request " + n));
    variables.put("description", value("Submitted by the benchmark run " + run + "."));
    variables.put("requesterName", value("Bench Customer " + n));
    variables.put("requesterEmail", value(REQUESTER_EMAIL));
    variables.put("customerId", value("CUST-" + (n % 97)));
    variables.put("channel", value("PORTAL"));
    if (kind.priority() != null) {
      variables.put("priority", value(kind.priority()));
    } else {
      variables.put("impact", value(kind.impact()));
      variables.put("urgency", value(kind.urgency()));
    }
    variables.put("allocatedResource", value(assignee));
    Map<String, Object> start = new LinkedHashMap<>();
    start.put("businessKey", businessKey);
    start.put("variables", variables);
    return start;
  }

  static Map<String, Object> value(Object value) {
    return Map.of("value", value);
  }
}
