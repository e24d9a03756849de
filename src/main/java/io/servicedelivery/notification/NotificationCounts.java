package io.servicedelivery.notification;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** How many notifications were sent, for the delivery's meters. */
@Repository
public class NotificationCounts {

  private final JdbcClient jdbc;

  public NotificationCounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The mails of the type sent about requests of the service: one mail, whatever the number of recipients. The
   * outbox knows the request of a mail, the request's record its service.
   */
  public long mailsSent(NotificationType type, String serviceCode) {
    return jdbc.sql(
            """
            select count(distinct coalesce(o.message_id, cast(o.id as varchar(20))))
            from notification_outbox o join service_delivery_record r on r.request_id = o.request_id
            where o.type = ? and r.service_code = ?""")
        .param(type.name())
        .param(serviceCode)
        .query(Long.class)
        .single();
  }
}
