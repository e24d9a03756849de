package io.servicedelivery.intake;

import java.net.URI;
import org.springframework.http.ResponseEntity;

/** The outcome of a submission: the request, and whether this call created it or found the first one again. */
public record Submission(ServiceRequestView request, boolean created) {

  /** 201 with the request's location when this call created it, 200 when it found the first one again. */
  ResponseEntity<ServiceRequestView> toResponse() {
    return created
        ? ResponseEntity.created(URI.create("/api/service-requests/" + request.requestId())).body(request)
        : ResponseEntity.ok(request);
  }
}
