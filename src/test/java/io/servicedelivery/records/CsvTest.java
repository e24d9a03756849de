package io.servicedelivery.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void plainFieldsAreWrittenAsTheyAreAndNullIsEmpty() {
    assertThat(new Csv().line("SR-000001", null, new BigDecimal("12.50"), true).toString())
        .isEqualTo("SR-000001,,12.50,true\r\n");
  }

  @Test
  void fieldsWithCommasQuotesOrLineBreaksAreQuotedWithTheirQuotesDoubled() {
    String csv = new Csv().line("VPN, Wi-Fi", "the \"new\" laptop", "line one\nline two", "cr\rhere").toString();

    assertThat(csv).isEqualTo("\"VPN, Wi-Fi\",\"the \"\"new\"\" laptop\",\"line one\nline two\",\"cr\rhere\"\r\n");
  }

  @Test
  void everyLineEndsWithCrLf() {
    assertThat(new Csv().line("a", "b").line("c", "d").toString()).isEqualTo("a,b\r\nc,d\r\n");
  }
}
