package io.servicedelivery.delivery;

import io.servicedelivery.records.DeliveryCost;
import io.servicedelivery.records.ServiceDeliveryRecords;
import io.servicedelivery.resourcing.ReleaseReason;
import io.servicedelivery.resourcing.ResourcePool;
import java.math.BigDecimal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Completing a delivery records its effort and cost and gives the person's capacity back to the pool. */
@Service
class DeliveryCompletion {

  private final ServiceDeliveryRecords records;
  private final ResourcePool resourcePool;

  DeliveryCompletion(ServiceDeliveryRecords records, ResourcePool resourcePool) {
    this.records = records;
    this.resourcePool = resourcePool;
  }

  /** @return the cost of the delivery */
  @Transactional
  BigDecimal complete(String requestId, DeliveryCost cost) {
    BigDecimal total = records.recordCompletion(requestId, cost);
    resourcePool.release(requestId, ReleaseReason.COMPLETED);
    return total;
  }
}
