package io.servicedelivery.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.servicedelivery.testsupport.WebIntegrationTest;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** GET /api/mailbox/messages: what came in by mail, for coordinators and managers, without the mails' content. */
@WebIntegrationTest
class MailboxApiTest {

  @Autowired TestRestTemplate http;
  @Autowired InboundMails mails;
  @Autowired JdbcClient jdbc;

  private final String messageId = "<" + UUID.randomUUID() + "@customer.example>";
  private long mailId;

  @BeforeEach
  void storeAMail() throws Exception {
    MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
    mail.setFrom(new InternetAddress("ada@customer.example"));
    mail.setSubject("Printer jams");
    mail.setText("Every second page.");
    mail.saveChanges();
    mail.setHeader("Message-ID", messageId);
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    mail.writeTo(raw);
    mailId = mails.store(mail, raw.toByteArray()).orElseThrow();
    mails.ignored(mailId, IgnoreReason.UNKNOWN_SENDER, "ada@customer.example never asked for anything", null);
  }

  @AfterEach
  void forgetIt() {
    jdbc.sql("delete from inbound_mail where id = ?").param(mailId).update();
  }

  @Test
  void coordinatorsListTheMailsWithTheirStatusAndReasonButNotTheirContent() {
    ResponseEntity<JsonNode> response =
        http.withBasicAuth("coordinator", "coordinator")
            .getForEntity("/api/mailbox/messages?status=IGNORED", JsonNode.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode mail = response.getBody().get(0);
    assertThat(mail.path("id").asLong()).isEqualTo(mailId);
    assertThat(mail.path("messageId").asText()).isEqualTo(messageId);
    assertThat(mail.path("subject").asText()).isEqualTo("Printer jams");
    assertThat(mail.path("status").asText()).isEqualTo("IGNORED");
    assertThat(mail.path("outcome").asText()).isEqualTo("IGNORED");
    assertThat(mail.path("reason").asText())
        .isEqualTo("UNKNOWN_SENDER: ada@customer.example never asked for anything");
    assertThat(mail.has("raw")).isFalse();
    assertThat(response.getBody().toString()).doesNotContain("Every second page");
  }

  @Test
  void anotherStatusLeavesTheMailOut() {
    JsonNode processed =
        http.withBasicAuth("manager", "manager").getForObject("/api/mailbox/messages?status=PROCESSED", JsonNode.class);

    assertThat(processed.findValuesAsText("messageId")).doesNotContain(messageId);
  }

  @Test
  void staffMayNotReadTheMailbox() {
    assertThat(http.withBasicAuth("staff1", "staff1").getForEntity("/api/mailbox/messages", String.class)
            .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void anUnknownStatusIsA400NamingTheParameter() {
    ResponseEntity<JsonNode> response =
        http.withBasicAuth("manager", "manager").getForEntity("/api/mailbox/messages?status=LOST", JsonNode.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().toString()).contains("status");
  }
}
