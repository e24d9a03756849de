package io.servicedelivery.intake;

import io.servicedelivery.web.InvalidField;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The mail channel: a new mail to the service-desk address becomes a request of the catalog service that {@code
 * channel_mapping} maps that address to (channel EMAIL, source key = the address in lower case), through the same
 * checks as a request of the API ({@code @Valid} there, the catalog here and the process's validation after). The
 * mail's Message-ID is the external reference, so that the same mail handled twice finds its first request.
 */
@Service
public class EmailIntake {

  /** who submitted the requests of the mail channel (service_request.submitted_by) */
  public static final String CLIENT = "mailbox";

  /** what a mail's request asks for: its impact and urgency give it the catalog's middle priority */
  static final Level IMPACT = Level.MEDIUM;

  static final Level URGENCY = Level.MEDIUM;

  private final ChannelMappings mappings;
  private final RequestIntake intake;
  private final Validator validator;

  EmailIntake(ChannelMappings mappings, RequestIntake intake, Validator validator) {
    this.mappings = mappings;
    this.intake = intake;
    this.validator = validator;
  }

  /**
   * @param deskAddress the address the mail was sent to
   * @param reference the mail's Message-ID, at most 100 characters
   * @throws CatalogViolationException when no catalog service is mapped to the address, or the catalog does not
   *     offer it
   * @throws InvalidRequestException when the mail does not make a valid request (no sender name, ...)
   */
  public Submission submit(
      String deskAddress, Requester requester, String title, String description, String reference) {
    ChannelMapping mapping =
        mappings
            .find(Channel.EMAIL, deskAddress.toLowerCase(Locale.ROOT))
            .orElseThrow(
                () ->
                    new CatalogViolationException(
                        List.of(
                            new InvalidField(
                                "to", "No catalog service is mapped to the address '" + deskAddress + "'."))));
    NewServiceRequest request =
        new NewServiceRequest(
            mapping.serviceCode(),
            mapping.requestType(),
            title,
            description,
            requester,
            null,
            IMPACT,
            URGENCY,
            Channel.EMAIL,
            reference);
    Set<ConstraintViolation<NewServiceRequest>> violations = validator.validate(request);
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(
          violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage() + ".").sorted().toList());
    }
    return intake.submit(request, CLIENT, null);
  }
}
