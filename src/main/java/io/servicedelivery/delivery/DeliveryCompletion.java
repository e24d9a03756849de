package io.servicedelivery.delivery;

import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.catalog.ServiceDefinition;
import io.servicedelivery.records.DeliveryCost;
import io.servicedelivery.records.RecordClosures;
import io.servicedelivery.records.ServiceDeliveryRecord;
import io.servicedelivery.records.ServiceDeliveryRecords;
import io.servicedelivery.resourcing.ReleaseReason;
import io.servicedelivery.resourcing.ResourcePool;
import java.math.BigDecimal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Completing a delivery records its effort and cost and gives the person's capacity back to the pool. */
@Service
public class DeliveryCompletion {

  private final ServiceDeliveryRecords records;
  private final RecordClosures closures;
  private final ResourcePool resourcePool;

  private final ServiceCatalog catalog;

  DeliveryCompletion(
      ServiceDeliveryRecords records, RecordClosures closures, ResourcePool resourcePool, ServiceCatalog catalog) {
    this.records = records;
    this.closures = closures;
    this.resourcePool = resourcePool;
    this.catalog = catalog;
  }

  /**
   * Bills the effort at the rate of the catalog version the request was validated against, as its record keeps it
   * (for a request validated before the record kept it: the version of its service effective when it arrived). A
   * process variable never sets the price.
   *
   * @return the cost of the delivery
   */
  @Transactional
  public BigDecimal complete(String requestId, BigDecimal effortHours, BigDecimal materials) {
    ServiceDeliveryRecord record = records.get(requestId);
    BigDecimal rate = record.costRatePerHour();
    String currency = record.currency();
    if (rate == null) {
      ServiceDefinition service =
          (record.catalogVersion() != null
                  ? catalog.find(record.serviceCode(), record.catalogVersion())
                  : catalog.findEffectiveAt(record.serviceCode(), record.receivedAt()))
              .orElseThrow(
                  () -> new IllegalStateException("No catalog entry to bill request " + requestId + " with"));
      rate = service.costRatePerHour();
      currency = service.currency();
    }
    BigDecimal total = closures.recordCompletion(requestId, new DeliveryCost(effortHours, rate, materials, currency));
    resourcePool.release(requestId, ReleaseReason.COMPLETED);
    return total;
  }
}
