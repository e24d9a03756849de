package io.servicedelivery.intake;

import java.util.List;

/** What became of each line of a sales order: a request, or the reason there is none. */
public record SalesOrderResult(String orderNumber, List<LineRequest> requests, List<UnmappedLine> unmappedLines) {

  public record LineRequest(int lineNumber, boolean created, ServiceRequestView request) {}

  public record UnmappedLine(int lineNumber, String sku, String reason) {}
}
