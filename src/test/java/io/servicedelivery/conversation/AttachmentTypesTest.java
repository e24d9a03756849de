package io.servicedelivery.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Which files the default limits let through by their extension and content, and what they name when they refuse. */
class AttachmentTypesTest {

  private static final List<String> DEFAULTS =
      new AttachmentLimits(DataSize.ofMegabytes(10), List.of(
          "application/pdf", "image/png", "image/jpeg", "image/gif", "text/plain", "text/csv", "application/msword",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/zip",
          "message/rfc822")).allowedTypes();

  private static final byte[] ZIP = {'P', 'K', 3, 4, 20, 0, 0, 0};
  private static final byte[] OLE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
      (byte) 0xE1};

  @Test
  void theExtensionNamesTheTypeAndTheContentMustBeIt() {
    assertThat(type("Report.DOCX").contentType())
        .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assertThat(type("Report.DOCX").content().test(ZIP)).isTrue();
    assertThat(type("minutes.doc").content().test(OLE)).isTrue();
    assertThat(type("minutes.doc").content().test(ZIP)).isFalse();
    assertThat(type("scan.jpeg").content().test(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})).isTrue();
    assertThat(type("notes.txt").content().test("Grüße\n".getBytes(StandardCharsets.UTF_8))).isTrue();
    assertThat(type("notes.txt").content().test(new byte[] {'a', 0, 'b'})).as("binary").isFalse();
    assertThat(type("notes.txt").content().test(new byte[] {'M', 'Z', 'x'})).as("executable").isFalse();
    assertThat(type("invoice.pdf").content().test(new byte[] {'M', 'Z', 0, 0})).isFalse();
    assertThat(type("data.csv").aliases()).contains("text/plain");
  }

  @Test
  void aTypeThatIsNotAllowedHasNoExtensionThatPasses() {
    assertThat(AttachmentTypes.byExtension("tool.exe", DEFAULTS)).isEmpty();
    assertThat(AttachmentTypes.byExtension("slides.pptx", DEFAULTS)).as("not in this list").isEmpty();
    assertThat(AttachmentTypes.byExtension("README", DEFAULTS)).isEmpty();
    assertThat(AttachmentTypes.byExtension("archive.", DEFAULTS)).isEmpty();
    assertThat(AttachmentTypes.describe(DEFAULTS)).startsWith("PDF (.pdf), PNG (.png), JPEG (.jpg, .jpeg)");
  }

  @Test
  void aTypeNoExtensionStandsForIsAMistakeInTheConfiguration() {
    assertThatThrownBy(() -> new AttachmentLimits(DataSize.ofMegabytes(1), List.of("application/pdf", "video/mp4")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("video/mp4");
  }

  @Test
  void theRefusalNamesTheFieldFileAndTheLimit() {
    AttachmentRejectedException tooLarge = AttachmentRejectedException.tooLarge("big.pdf", 12_000_000, 10_485_760);

    assertThat(tooLarge.getStatusCode().value()).isEqualTo(413);
    assertThat(tooLarge.getMessage()).isEqualTo(
        "big.pdf has 11.4 MB (12000000 bytes); an attachment may have at most 10 MB (10485760 bytes).");
    assertThat(tooLarge.getBody().getProperties().get("errors").toString()).contains("file", "at most 10 MB");
  }

  private static AttachmentTypes.FileType type(String fileName) {
    return AttachmentTypes.byExtension(fileName, DEFAULTS).orElseThrow();
  }
}
