package io.servicedelivery.mailbox;

import io.servicedelivery.records.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What came in through the service-desk mailbox, for the service coordinators and operations managers. */
@RestController
@RequestMapping("/api/mailbox")
class MailboxController {

  static final int LIMIT = 200;

  private final InboundMails mails;

  MailboxController(InboundMails mails) {
    this.mails = mails;
  }

  @GetMapping("/messages")
  @Operation(
      summary = "The newest 200 mails read from the service-desk mailbox, with what was done with them",
      description = "Without their content. For service coordinators and operations managers.")
  @ApiResponse(responseCode = "200", description = "The mails, newest first")
  @ApiResponse(responseCode = "403", description = "Not a service coordinator or operations manager")
  List<InboundMail> messages(
      @Parameter(description = "Only mails in this status") @RequestParam(required = false) InboundMailStatus status,
      Authentication authentication) {
    if (!Viewer.of(authentication).seesAll()) {
      throw new AccessDeniedException("The mailbox is for service coordinators and operations managers.");
    }
    return mails.list(status, LIMIT);
  }
}
