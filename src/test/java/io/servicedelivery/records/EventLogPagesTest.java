package io.servicedelivery.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The statements an export takes, and what it does when the database fails: before the first byte the failure
 * reaches the caller (the API answers with an error); in the middle of the document the document stops without its
 * closing element, so no XML reader takes it for a complete log. The real {@link EventLog} and {@link EventLogReader}
 * on a database of their own with just the tables they read, every statement counted, pages of two requests, and a
 * database that loses a table after the first page.
 */
class EventLogPagesTest {

  private static final Instant FROM = Instant.parse("2019-01-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2019-02-01T00:00:00Z");

  private JdbcClient jdbc;
  private EventLog eventLog;
  private final AtomicInteger statements = new AtomicInteger();

  @BeforeEach
  void database() {
    DriverManagerDataSource dataSource =
        new DriverManagerDataSource("jdbc:h2:mem:event-log-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    jdbc =
        JdbcClient.create(
            ProxyDataSourceBuilder.create(dataSource)
                .afterQuery((execution, queries) -> statements.addAndGet(queries.size()))
                .build());
    jdbc.sql(
            """
            create table service_delivery_record (
              request_id varchar(64) primary key, process_instance_id varchar(64), received_at timestamp with time zone,
              service_code varchar(40), catalog_version int, request_type varchar(40), priority varchar(10),
              customer_id varchar(64), channel varchar(20), outcome varchar(20), closed_by varchar(20),
              closed_at timestamp with time zone, response_met boolean, resolution_met boolean,
              sla_breached_at timestamp with time zone, rework_count int, reopen_count int, cost decimal(12, 2),
              currency varchar(3))""")
        .update();
    jdbc.sql("create table catalog_service_version (service_code varchar(40), version int, name varchar(120))")
        .update();
    jdbc.sql(
            """
            create table ACT_HI_ACTINST (ID_ varchar(64), PARENT_ACT_INST_ID_ varchar(64), PROC_DEF_KEY_ varchar(255),
              ROOT_PROC_INST_ID_ varchar(64), PROC_INST_ID_ varchar(64), ACT_ID_ varchar(255), TASK_ID_ varchar(64),
              CALL_PROC_INST_ID_ varchar(64), ACT_NAME_ varchar(255), ACT_TYPE_ varchar(255), ASSIGNEE_ varchar(255),
              START_TIME_ timestamp, END_TIME_ timestamp, ACT_INST_STATE_ int, SEQUENCE_COUNTER_ int)""")
        .update();
    jdbc.sql(
            """
            create table ACT_HI_OP_LOG (TASK_ID_ varchar(64), USER_ID_ varchar(255), ROOT_PROC_INST_ID_ varchar(64),
              OPERATION_TYPE_ varchar(64), ENTITY_TYPE_ varchar(30), TIMESTAMP_ timestamp)""")
        .update();
    jdbc.sql(
            """
            create table ACT_HI_IDENTITYLINK (TASK_ID_ varchar(64), GROUP_ID_ varchar(255),
              ROOT_PROC_INST_ID_ varchar(64), TYPE_ varchar(255), OPERATION_TYPE_ varchar(64))""")
        .update();
    for (int i = 1; i <= 3; i++) {
      jdbc.sql(
              """
              insert into service_delivery_record (request_id, process_instance_id, received_at, outcome, rework_count,
                reopen_count) values (?, ?, ?, 'OPEN', 0, 0)""")
          .param("R-" + i)
          .param("P-" + i)
          .param(java.sql.Timestamp.from(FROM.plusSeconds(i)))
          .update();
    }
    eventLog = new EventLog(new EventLogReader(jdbc), Clock.fixed(TO, ZoneOffset.UTC), 2, 1);
  }

  /** Each request's process instance has a user task, offered to a group and completed by a user. */
  private void steps() {
    for (int i = 1; i <= 3; i++) {
      jdbc.sql(
              """
              insert into ACT_HI_ACTINST (ID_, PARENT_ACT_INST_ID_, PROC_DEF_KEY_, ROOT_PROC_INST_ID_, PROC_INST_ID_,
                ACT_ID_, TASK_ID_, ACT_NAME_, ACT_TYPE_, ASSIGNEE_, START_TIME_, END_TIME_, ACT_INST_STATE_,
                SEQUENCE_COUNTER_)
              values (?, ?, 'service-delivery', ?, ?, 'Task_PlanDelivery', ?, 'Plan delivery', 'userTask', null, ?, ?,
                1, 1)""")
          .param("A-" + i)
          .param("P-" + i)
          .param("P-" + i)
          .param("P-" + i)
          .param("T-" + i)
          .param(java.sql.Timestamp.from(FROM.plusSeconds(i)))
          .param(java.sql.Timestamp.from(FROM.plusSeconds(60 + i)))
          .update();
      jdbc.sql("insert into ACT_HI_OP_LOG values (?, ?, ?, 'Complete', 'Task', ?)")
          .param("T-" + i)
          .param("coordinator" + i)
          .param("P-" + i)
          .param(java.sql.Timestamp.from(FROM.plusSeconds(60 + i)))
          .update();
      jdbc.sql("insert into ACT_HI_IDENTITYLINK values (?, 'service-coordinators', ?, 'candidate', 'add')")
          .param("T-" + i)
          .param("P-" + i)
          .update();
    }
  }

  @Test
  void aPageTakesFourStatementsWhateverTheNumberOfItsRequestsAndSteps() throws IOException {
    steps();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    statements.set(0);

    eventLog.write(eventLog.open(new EventLogFilter(FROM, TO, null)), out);

    assertThat(statements.get()).as("the requests, their steps, who completed them, their groups: twice").isEqualTo(8);
    XesDocument log = XesDocument.read(out.toByteArray()).assertConsistent();
    assertThat(log.trace("R-3").events())
        .extracting(
            event -> event.get("concept:name"), event -> event.get("lifecycle:transition"),
            event -> event.get("org:resource"), event -> event.get("org:group"), event -> event.get("time:timestamp"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "Plan delivery", "start", XesWriter.UNKNOWN, "service-coordinators", "2019-01-01T00:00:03.000Z"),
            org.assertj.core.groups.Tuple.tuple(
                "Plan delivery", "complete", "coordinator3", "service-coordinators", "2019-01-01T00:01:03.000Z"));
  }

  @Test
  void theLogOfThreeRequestsInPagesOfTwoIsComplete() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    eventLog.write(eventLog.open(new EventLogFilter(FROM, TO, null)), out);

    assertThat(XesDocument.read(out.toByteArray()).assertConsistent().traceNames())
        .containsExactly("R-1", "R-2", "R-3");
  }

  @Test
  void aDatabaseThatFailsBeforeTheFirstByteFailsTheExportBeforeItIsWritten() {
    jdbc.sql("drop table ACT_HI_ACTINST").update();

    assertThatThrownBy(() -> eventLog.open(new EventLogFilter(FROM, TO, null)))
        .hasMessageContaining("ACT_HI_ACTINST");
  }

  @Test
  void aDatabaseThatFailsInTheMiddleLeavesADocumentNoXmlReaderTakes() {
    EventLogExport export = eventLog.open(new EventLogFilter(FROM, TO, null));
    ByteArrayOutputStream out =
        new ByteArrayOutputStream() {
          @Override
          public void flush() {
            // the first page is out: the database loses a table before the second is read
            jdbc.sql("drop table if exists ACT_HI_ACTINST").update();
          }
        };

    assertThatThrownBy(() -> eventLog.write(export, out)).hasMessageContaining("ACT_HI_ACTINST");

    String written = out.toString(StandardCharsets.UTF_8);
    assertThat(written).contains("\"R-1\"", "\"R-2\"").doesNotContain("\"R-3\"").doesNotContain("</log>");
    assertThatThrownBy(() -> XesDocument.read(out.toByteArray())).isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("Not valid IEEE 1849-2016 XES");
  }
}
