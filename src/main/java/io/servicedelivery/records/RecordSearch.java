package io.servicedelivery.records;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Pages through the service delivery records, filtered, newest first. */
@Service
public class RecordSearch {

  private final JdbcClient jdbc;

  public RecordSearch(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A page of all records matching the filter, newest first, as the application itself sees them. */
  public RecordPage page(RecordFilter filter, int page, int size) {
    return page(filter, Viewer.SYSTEM, page, size);
  }

  /**
   * A page of the records matching the filter that the viewer may see ({@link Viewer}), newest first; the count and
   * the page in one read-only transaction.
   */
  @Transactional(readOnly = true)
  public RecordPage page(RecordFilter filter, Viewer viewer, int page, int size) {
    Map<String, Object> params = new HashMap<>();
    StringBuilder where = new StringBuilder(" d where ").append(RequestScope.condition(viewer, params));
    if (filter.status() != null) {
      where.append(" and d.customer_status = :status");
      params.put("status", filter.status().name());
    }
    if (filter.serviceCode() != null) {
      where.append(" and d.service_code = :serviceCode");
      params.put("serviceCode", filter.serviceCode());
    }
    if (filter.customerId() != null) {
      where.append(" and d.customer_id = :customerId");
      params.put("customerId", filter.customerId());
    }
    long total =
        jdbc.sql("select count(*) from service_delivery_record" + where)
            .params(params)
            .query(Long.class)
            .single();
    params.put("offset", (long) page * size);
    params.put("size", size);
    List<ServiceDeliveryRecord> records =
        jdbc.sql(
                "select d.* from service_delivery_record" + where
                    + " order by d.received_at desc, d.request_id desc offset :offset rows fetch next :size rows only")
            .params(params)
            .query(ServiceDeliveryRecords::map)
            .list();
    return new RecordPage(records, page, size, total);
  }
}
