package io.servicedelivery.intake;

import io.servicedelivery.intake.CustomerLinks.Link;
import io.servicedelivery.records.ServiceDeliveryRecord;
import io.servicedelivery.records.ServiceDeliveryRecords;
import io.servicedelivery.records.Viewer;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

/**
 * The pages the links in the customer's mails open ({@link CustomerLinks}). Opening a link (GET) changes nothing:
 * mail scanners open links too. It shows what the link would do and a button that posts it; the post does it. A
 * forged, malformed or expired link gets a page that says so (403 or 410), a request no longer in the state the
 * link was meant for a page that says what happened (409).
 */
@Controller
@Hidden
@RequestMapping(CustomerLinks.PATH)
class CustomerLinkController {

  private static final String PAGE = read("pages/customer-link.html");
  /** the customer who holds the link: the signed token is the authorization, for the one request it names */
  private static final Viewer CUSTOMER_BY_LINK = new Viewer("mail-link", Viewer.SYSTEM.groups());

  private final CustomerLinks links;
  private final RequestIntake intake;
  private final CustomerRatings ratings;
  private final ServiceDeliveryRecords records;

  CustomerLinkController(
      CustomerLinks links, RequestIntake intake, CustomerRatings ratings, ServiceDeliveryRecords records) {
    this.links = links;
    this.intake = intake;
    this.ratings = ratings;
    this.records = records;
  }

  @GetMapping(value = "/{token}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> show(@PathVariable String token) {
    Optional<Link> verified = links.verify(token);
    if (verified.isEmpty()) {
      return invalid();
    }
    Link link = verified.get();
    Optional<ServiceDeliveryRecord> record = records.find(link.requestId());
    if (record.isEmpty()) {
      return invalid();
    }
    String title = "\u201c" + record.get().title() + "\u201d (" + link.requestId() + ")";
    return switch (link.action()) {
      case CONFIRM ->
          page(HttpStatus.OK, "Confirm the delivery",
              "Please confirm that your request " + title + " is delivered as agreed. The request is then closed.",
              form(token, "", "Confirm the delivery"));
      case OBJECT ->
          page(HttpStatus.OK, "Something is not right?",
              "Tell us what is missing or wrong with your request " + title + ". We reopen it and work on it again.",
              form(token,
                  "<label for=\"reason\">What is wrong</label>"
                      + "<textarea id=\"reason\" name=\"reason\" maxlength=\"4000\" required></textarea>",
                  "Reopen the request"));
      case RATE ->
          page(HttpStatus.OK, "Rate the delivery",
              "How satisfied are you with the delivery of your request " + title + "? Your rating: "
                  + link.rating() + " of 5.",
              form(token,
                  "<label for=\"comment\">A comment (optional)</label>"
                      + "<textarea id=\"comment\" name=\"comment\" maxlength=\"2000\"></textarea>",
                  "Send my rating"));
    };
  }

  @PostMapping(value = "/{token}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> act(
      @PathVariable String token,
      @RequestParam(required = false) String reason,
      @RequestParam(required = false) String comment) {
    Optional<Link> verified = links.verify(token);
    if (verified.isEmpty()) {
      return invalid();
    }
    Link link = verified.get();
    try {
      switch (link.action()) {
        case CONFIRM -> {
          intake.confirm(CUSTOMER_BY_LINK, link.requestId());
          return page(HttpStatus.OK, "Thank you", "Your request " + link.requestId() + " is closed.", "");
        }
        case OBJECT -> {
          if (reason == null || reason.isBlank()) {
            return page(HttpStatus.BAD_REQUEST, "Please tell us what is wrong",
                "We need a few words about what is missing or wrong to reopen the request.",
                form(token,
                    "<label for=\"reason\">What is wrong</label>"
                        + "<textarea id=\"reason\" name=\"reason\" maxlength=\"4000\" required></textarea>",
                    "Reopen the request"));
          }
          intake.object(CUSTOMER_BY_LINK, link.requestId(), cut(reason, 4000));
          return page(HttpStatus.OK, "Your request is reopened",
              "We work on your request " + link.requestId() + " again and tell you when it is done.", "");
        }
        case RATE -> {
          ratings.rate(link.requestId(), new NewFeedback(link.rating(), cut(comment, 2000)), CUSTOMER_BY_LINK);
          return page(HttpStatus.OK, "Thank you for your rating",
              "You rated the delivery of your request " + link.requestId() + " " + link.rating() + " of 5.", "");
        }
        default -> throw new IllegalStateException(link.action().name());
      }
    } catch (RequestConflictException conflict) {
      return page(HttpStatus.CONFLICT, "Nothing to do", detailOf(conflict), "");
    } catch (RequestNotFoundException gone) {
      return invalid();
    }
  }

  private static String detailOf(RequestConflictException conflict) {
    return conflict.getBody().getDetail() == null ? "The request is no longer in that state." : conflict.getBody().getDetail();
  }

  private static ResponseEntity<String> invalid() {
    return page(HttpStatus.FORBIDDEN, "This link is not valid",
        "The link is incomplete, expired or not one of ours. Please use the latest mail about your request, or"
            + " reply to it.", "");
  }

  private static String form(String token, String fields, String button) {
    return "<form method=\"post\" action=\"" + HtmlUtils.htmlEscape(CustomerLinks.PATH + token) + "\">" + fields
        + "<button type=\"submit\">" + HtmlUtils.htmlEscape(button) + "</button></form>";
  }

  private static ResponseEntity<String> page(HttpStatus status, String heading, String message, String form) {
    return ResponseEntity.status(status)
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .header("Cache-Control", "no-store")
        .body(PAGE.replace("{{heading}}", HtmlUtils.htmlEscape(heading))
            .replace("{{message}}", HtmlUtils.htmlEscape(message))
            .replace("{{form}}", form));
  }

  private static String cut(String value, int length) {
    return value == null || value.length() <= length ? value : value.substring(0, length);
  }

  private static String read(String resource) {
    try (InputStream page = CustomerLinkController.class.getClassLoader().getResourceAsStream(resource)) {
      if (page == null) {
        throw new IllegalStateException("Missing " + resource);
      }
      return new String(page.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
