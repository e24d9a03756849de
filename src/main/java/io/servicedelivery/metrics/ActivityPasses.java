package io.servicedelivery.metrics;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.REGISTER_REWORK;

import io.servicedelivery.delivery.ServiceDeliveryProcess;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How often requests passed through the activities of the service-delivery process in a period, per activity, each
 * in one query over the engine's history (a query per request took minutes with a year of history). Two different
 * things:
 *
 * <ul>
 *   <li><b>reworks</b>: a quality review failed and sent the work back. In the diagram that is the flow <i>Quality
 *       approved? no</i> through <i>Register rework</i> back to execution, so every pass through <i>Register rework</i>
 *       is one rework, exactly as the record counts them (its delegate adds one to {@code reworkCount}, which the
 *       closure writes to the record);
 *   <li><b>repeated passes</b>: a request at a task or call activity not for the first time, whatever the reason: the
 *       execution again after the customer's answer, after a corrective action that needed more work or after a
 *       rework, a second SLA warning. Gateways and events are not counted.
 * </ul>
 *
 * The period is half-open, {@code [from, to)}.
 */
@Component
class ActivityPasses {

  private final JdbcClient jdbc;

  ActivityPasses(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The reworks whose <i>Register rework</i> ran in the period, by that activity's id (the only one with any). */
  Map<String, Long> reworks(Instant from, Instant to) {
    long reworks =
        jdbc.sql(
                """
                select count(*) from ACT_HI_ACTINST
                where PROC_DEF_KEY_ = :key and ACT_ID_ = :activity and END_TIME_ >= :from and END_TIME_ < :to""")
            .param("key", ServiceDeliveryProcess.KEY)
            .param("activity", REGISTER_REWORK)
            .param("from", Timestamp.from(from))
            .param("to", Timestamp.from(to))
            .query(Long.class)
            .single();
    return reworks == 0 ? Map.of() : Map.of(REGISTER_REWORK, reworks);
  }

  /** Per task or call activity, the passes that started in the period and were not the request's first there. */
  Map<String, Long> repeated(Instant from, Instant to) {
    Map<String, Long> repeated = new TreeMap<>();
    jdbc.sql(
            """
            select a.ACT_ID_ as activity_id, count(*) as passes
            from ACT_HI_ACTINST a
            where a.PROC_DEF_KEY_ = :key and a.START_TIME_ >= :from and a.START_TIME_ < :to
              and (a.ACT_TYPE_ like '%Task' or a.ACT_TYPE_ = 'task' or a.ACT_TYPE_ = 'callActivity')
              and exists (
                select 1 from ACT_HI_ACTINST earlier
                where earlier.PROC_INST_ID_ = a.PROC_INST_ID_ and earlier.ACT_ID_ = a.ACT_ID_
                  and (earlier.START_TIME_ < a.START_TIME_
                       or (earlier.START_TIME_ = a.START_TIME_ and earlier.ID_ < a.ID_)))
            group by a.ACT_ID_""")
        .param("key", ServiceDeliveryProcess.KEY)
        .param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .query((rs, row) -> Map.entry(rs.getString("activity_id"), rs.getLong("passes")))
        .list()
        .forEach(entry -> repeated.put(entry.getKey(), entry.getValue()));
    return repeated;
  }
}
