package io.servicedelivery.intake;

import io.servicedelivery.sla.Priority;
import io.servicedelivery.web.InvalidField;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Maps what the service desk and the sales-order system send to catalog requests, through the mapping tables, and
 * submits them idempotently: the ticket number, or order number and line, is the external reference.
 */
@Service
class SystemChannelIntake {

  /** Orders are planned work: their requests get this priority. */
  static final Priority SALES_ORDER_PRIORITY = Priority.MEDIUM;

  private final ChannelMappings mappings;
  private final RequestIntake intake;

  SystemChannelIntake(ChannelMappings mappings, RequestIntake intake) {
    this.mappings = mappings;
    this.intake = intake;
  }

  Submission submit(ServiceDeskTicket ticket, String client) {
    ChannelMapping mapping =
        mappings
            .find(Channel.SERVICE_DESK, ticket.category())
            .orElseThrow(
                () ->
                    new CatalogViolationException(
                        List.of(
                            new InvalidField(
                                "category",
                                "No catalog service is mapped to the category '" + ticket.category() + "'."))));
    return intake.submit(
        new NewServiceRequest(
            mapping.serviceCode(),
            mapping.requestType(),
            ticket.summary(),
            ticket.description(),
            ticket.reporter(),
            ticket.priority(),
            ticket.impact(),
            ticket.urgency(),
            Channel.SERVICE_DESK,
            ticket.number()),
        client,
        null);
  }

  SalesOrderResult submit(SalesOrder order, String client) {
    List<SalesOrderResult.LineRequest> requests = new ArrayList<>();
    List<SalesOrderResult.UnmappedLine> unmapped = new ArrayList<>();
    for (SalesOrder.Line line : order.lines()) {
      Optional<ChannelMapping> mapping = mappings.find(Channel.SALES_ORDER, line.sku());
      if (mapping.isEmpty()) {
        unmapped.add(
            new SalesOrderResult.UnmappedLine(
                line.lineNumber(), line.sku(), "No catalog service is mapped to the SKU '" + line.sku() + "'."));
        continue;
      }
      Submission submission = intake.submit(requestFor(order, line, mapping.get()), client, null);
      requests.add(new SalesOrderResult.LineRequest(line.lineNumber(), submission.created(), submission.request()));
    }
    return new SalesOrderResult(order.orderNumber(), requests, unmapped);
  }

  private static NewServiceRequest requestFor(SalesOrder order, SalesOrder.Line line, ChannelMapping mapping) {
    return new NewServiceRequest(
        mapping.serviceCode(),
        mapping.requestType(),
        "Order " + order.orderNumber() + ": " + line.quantity() + " x " + line.sku(),
        "Sales order " + order.orderNumber() + ", line " + line.lineNumber() + ": " + line.quantity() + " x "
            + line.sku() + " for " + order.customer().name() + ".",
        new Requester(
            order.customer().name(), order.customer().email(), order.customer().id(), order.customer().timeZone()),
        SALES_ORDER_PRIORITY,
        null,
        null,
        Channel.SALES_ORDER,
        order.orderNumber() + "/" + line.lineNumber());
  }
}
