package io.servicedelivery.records;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pages through the service delivery records, filtered, newest first. One statement counts and one reads the page,
 * whatever the filter: the viewer's scope ({@link RequestScope}) and the filter are conditions of the same statement,
 * the words of a search are matched with {@code like} on the record's columns and, through {@code exists}, on the
 * request's external reference ({@code service_request}) and notes ({@code request_note}), so no statement runs per
 * record. Standard SQL for H2 and PostgreSQL: {@code lower(...) like :word escape '!'}, the word in lower case with
 * {@code %}, {@code _} and {@code !} escaped.
 */
@Service
public class RecordSearch {

  /** the escape character of the search patterns: no ANSI quoting rule touches it, unlike a backslash */
  private static final char ESCAPE = '!';

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
   *
   * @throws IllegalArgumentException for an SLA state the database cannot tell ({@link
   *     RecordFilter#slaStateNeedsClock()}): see {@link #candidates}
   */
  @Transactional(readOnly = true)
  public RecordPage page(RecordFilter filter, Viewer viewer, int page, int size) {
    if (filter.slaStateNeedsClock()) {
      throw new IllegalArgumentException("The SLA state " + filter.slaState() + " needs the clock: use candidates");
    }
    Map<String, Object> params = new HashMap<>();
    String where = where(filter, viewer, params);
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

  /**
   * Every record the viewer may see that matches the filter and may be in its SLA state, newest first, in one
   * statement: for an SLA state that depends on the clock ({@link RecordFilter#slaStateNeedsClock()}) these are the
   * open requests whose clock runs (and, for breached, those flagged breached), which the caller judges one by one.
   */
  @Transactional(readOnly = true)
  public List<ServiceDeliveryRecord> candidates(RecordFilter filter, Viewer viewer) {
    Map<String, Object> params = new HashMap<>();
    return jdbc.sql(
            "select d.* from service_delivery_record" + where(filter, viewer, params)
                + " order by d.received_at desc, d.request_id desc")
        .params(params)
        .query(ServiceDeliveryRecords::map)
        .list();
  }

  private static String where(RecordFilter filter, Viewer viewer, Map<String, Object> params) {
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
    if (filter.externalReference() != null) {
      where.append(
          " and exists (select 1 from service_request r where r.request_id = d.request_id"
              + " and r.external_reference = :externalReference)");
      params.put("externalReference", filter.externalReference());
    }
    if (filter.receivedFrom() != null) {
      where.append(" and d.received_at >= :receivedFrom");
      params.put("receivedFrom", Timestamp.from(filter.receivedFrom()));
    }
    if (filter.receivedTo() != null) {
      where.append(" and d.received_at < :receivedTo");
      params.put("receivedTo", Timestamp.from(filter.receivedTo()));
    }
    if (filter.assignee() != null) {
      where.append(
          " and (d.assigned_to = :assignee or exists (select 1 from resource_reservation rr"
              + " where rr.request_id = d.request_id and rr.user_id = :assignee and rr.released_at is null))");
      params.put("assignee", filter.assignee());
    }
    if (filter.requesterEmail() != null) {
      where.append(" and lower(d.requester_email) = :requesterEmail");
      params.put("requesterEmail", filter.requesterEmail().toLowerCase(java.util.Locale.ROOT));
    }
    if (filter.slaState() != null) {
      where.append(" and ").append(slaCondition(filter));
    }
    String notes = viewer.seesAll() || viewer.isStaff() ? "" : " and n.visibility = 'CUSTOMER'";
    for (int i = 0; i < filter.words().size(); i++) {
      String word = ":word" + i;
      String like = " like " + word + " escape '" + ESCAPE + "'";
      where.append(" and (lower(d.request_id)").append(like)
          .append(" or lower(d.title)").append(like)
          .append(" or lower(d.description)").append(like)
          .append(" or exists (select 1 from service_request r where r.request_id = d.request_id")
          .append(" and lower(r.external_reference)").append(like).append(")")
          .append(" or exists (select 1 from request_note n where n.request_id = d.request_id").append(notes)
          .append(" and lower(n.body)").append(like).append("))");
      params.put("word" + i, "%" + escaped(filter.words().get(i)) + "%");
    }
    return where.toString();
  }

  /**
   * The SLA state as the customer's view judges it (intake.CustomerViews): exact for met, missed and paused; for the
   * states that depend on the clock, the open requests that may be in them.
   */
  private static String slaCondition(RecordFilter filter) {
    String open = "d.outcome = 'OPEN' and d.resolution_due_at is not null";
    String pausedNow = "exists (select 1 from sla_pause p where p.request_id = d.request_id and p.ended_at is null)";
    return switch (filter.slaState()) {
      case MET -> "(d.outcome = 'CLOSED' and d.resolution_due_at is not null and d.resolution_met = true)";
      case MISSED ->
          "(d.outcome = 'CLOSED' and d.resolution_due_at is not null"
              + " and (d.resolution_met is null or d.resolution_met = false))";
      case PAUSED -> "(" + open + " and d.sla_breached_at is null and " + pausedNow + ")";
      case BREACHED -> "(" + open + " and (d.sla_breached_at is not null or not " + pausedNow + "))";
      case ON_TRACK, AT_RISK -> "(" + open + " and d.sla_breached_at is null and not " + pausedNow + ")";
    };
  }

  /** The word with the wildcards of {@code like} and the escape character taken literally. */
  static String escaped(String word) {
    StringBuilder escaped = new StringBuilder(word.length());
    for (char c : word.toCharArray()) {
      if (c == '%' || c == '_' || c == ESCAPE) {
        escaped.append(ESCAPE);
      }
      escaped.append(c);
    }
    return escaped.toString();
  }
}
