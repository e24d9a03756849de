package io.servicedelivery.conversation;

import io.servicedelivery.web.ApiExceptionHandler;
import io.servicedelivery.web.ApiProblem;
import io.servicedelivery.web.InvalidField;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A file that may not be attached to a request: too large, empty, or of a type that is not allowed. The message says
 * what is wrong and what is allowed; through the API it is a problem whose {@code errors} name the field
 * {@code file} (413 for a file too large, 415 for a type that is not allowed, 400 otherwise).
 */
public class AttachmentRejectedException extends ApiProblem {

  /** the multipart field of the upload, named by the problem */
  public static final String FIELD = "file";

  private final String reason;

  AttachmentRejectedException(HttpStatus status, String title, String detail, String fieldMessage) {
    super(status, title, detail, Map.of(ApiExceptionHandler.ERRORS, List.of(new InvalidField(FIELD, fieldMessage))));
    this.reason = detail;
  }

  @Override
  public String getMessage() {
    return reason;
  }

  static AttachmentRejectedException tooLarge(String fileName, long size, long maxSize) {
    return new AttachmentRejectedException(
        HttpStatus.PAYLOAD_TOO_LARGE,
        "Attachment too large",
        fileName + " has " + AttachmentLimits.readable(size) + " (" + size + " bytes); an attachment may have at most "
            + AttachmentLimits.readable(maxSize) + " (" + maxSize + " bytes).",
        "must be at most " + AttachmentLimits.readable(maxSize));
  }

  static AttachmentRejectedException typeNotAllowed(String detail, String allowed) {
    return new AttachmentRejectedException(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "Attachment type not allowed",
        detail + " Allowed: " + allowed + ".",
        "must be one of " + allowed);
  }

  static AttachmentRejectedException invalid(String detail, String fieldMessage) {
    return new AttachmentRejectedException(HttpStatus.BAD_REQUEST, "Invalid attachment", detail, fieldMessage);
  }
}
