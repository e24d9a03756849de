package io.servicedelivery.testsupport;

import io.servicedelivery.delivery.ServiceDeliveryProcess.Variables;
import java.util.HashMap;
import java.util.Map;

/** The request most tests use, as the variables of the order form or the ServiceRequestSubmitted message. */
public final class SampleRequests {

  public static final String REQUESTER_EMAIL = "ada@customer.example";

  private SampleRequests() {}

  /** VPN access with priority HIGH (NETWORK_ACCESS: plan within 1 h, deliver within 8 h); a map to change. */
  public static Map<String, Object> vpnRequest() {
    Map<String, Object> request = new HashMap<>();
    request.put(Variables.SERVICE_CODE, "NETWORK_ACCESS");
    request.put(Variables.REQUEST_TYPE, "VPN_ACCESS");
    request.put(Variables.PRIORITY, "HIGH");
    request.put(Variables.TITLE, "VPN for a new colleague");
    request.put(Variables.DESCRIPTION, "Our new accountant starts on Monday and works from home on Fridays.");
    request.put(Variables.REQUESTER_NAME, "Ada Customer");
    request.put(Variables.REQUESTER_EMAIL, REQUESTER_EMAIL);
    request.put(Variables.CUSTOMER_ID, "CUST-042");
    return request;
  }
}
