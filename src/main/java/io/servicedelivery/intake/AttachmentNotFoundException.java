package io.servicedelivery.intake;

import io.servicedelivery.web.ApiProblem;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The request has no attachment of that id, or none the caller may see. */
public class AttachmentNotFoundException extends ApiProblem {

  public AttachmentNotFoundException(String requestId, long attachmentId) {
    super(
        HttpStatus.NOT_FOUND,
        "Unknown attachment",
        "Service request " + requestId + " has no attachment " + attachmentId + ".",
        Map.of("requestId", requestId, "attachmentId", attachmentId));
  }
}
