package io.servicedelivery.intake;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Request bodies for the API tests, as a portal would send them. */
public final class ApiRequests {

  private ApiRequests() {}

  public static Map<String, Object> vpnRequest(String externalReference) {
    Map<String, Object> requester = new LinkedHashMap<>();
    requester.put("name", "Ada Customer");
    requester.put("email", "ada@customer.example");
    requester.put("customerId", "CUST-042");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("serviceCode", "NETWORK_ACCESS");
    body.put("requestType", "VPN_ACCESS");
    body.put("title", "VPN for a new colleague");
    body.put("description", "Our new accountant starts on Monday and works from home on Fridays.");
    body.put("requester", requester);
    body.put("priority", "HIGH");
    body.put("channel", "PORTAL");
    if (externalReference != null) {
      body.put("externalReference", externalReference);
    }
    return body;
  }

  static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
    Map<String, Object> copy = deepCopy(body);
    if (field.startsWith("requester.")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> requester = (Map<String, Object>) copy.get("requester");
      requester.put(field.substring("requester.".length()), value);
    } else {
      copy.put(field, value);
    }
    return copy;
  }

  static Map<String, Object> without(Map<String, Object> body, String field) {
    Map<String, Object> copy = deepCopy(body);
    copy.remove(field);
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> deepCopy(Map<String, Object> body) {
    Map<String, Object> copy = new LinkedHashMap<>(body);
    if (copy.get("requester") instanceof Map<?, ?> requester) {
      copy.put("requester", new HashMap<>((Map<String, Object>) requester));
    }
    return copy;
  }
}
