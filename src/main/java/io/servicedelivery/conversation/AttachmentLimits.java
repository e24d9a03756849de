package io.servicedelivery.conversation;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What may be attached to a request ({@code servicedelivery.attachments.*} in {@code application.yaml}): files up to
 * {@code max-size} (10 MB by default) of the content types in {@code allowed-types}. Spring's own multipart limits
 * ({@code spring.servlet.multipart.*}) must let at least {@code max-size} through, so that the API answers a file
 * that is too large with a problem naming it instead of the servlet container's error.
 *
 * @param allowedTypes content types without parameters, e.g. {@code application/pdf}; each must be one that
 *     {@link AttachmentTypes} knows by a file name extension
 */
@ConfigurationProperties("servicedelivery.attachments")
public record AttachmentLimits(
    @DefaultValue("10MB") DataSize maxSize,
    @DefaultValue({
          "application/pdf",
          "image/png",
          "image/jpeg",
          "image/gif",
          "text/plain",
          "text/csv",
          "application/msword",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          "application/vnd.ms-excel",
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          "application/vnd.ms-powerpoint",
          "application/vnd.openxmlformats-officedocument.presentationml.presentation",
          "application/vnd.oasis.opendocument.text",
          "application/vnd.oasis.opendocument.spreadsheet",
          "application/vnd.oasis.opendocument.presentation",
          "application/zip",
          "message/rfc822"
        })
        List<String> allowedTypes) {

  public AttachmentLimits {
    allowedTypes = allowedTypes.stream().map(type -> type.trim().toLowerCase(Locale.ROOT)).toList();
    List<String> unknown = allowedTypes.stream().filter(type -> !AttachmentTypes.isKnown(type)).toList();
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "servicedelivery.attachments.allowed-types names types no file name extension stands for: " + unknown
              + "; known: " + AttachmentTypes.known());
    }
  }

  /** the largest file as people read it: "10 MB" */
  public String maxSizeText() {
    return readable(maxSize.toBytes());
  }

  /** 10 MB, 512 KB, 300 bytes */
  static String readable(long bytes) {
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + " MB";
    }
    if (bytes >= 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
    if (bytes >= 1024) {
      return (bytes + 1023) / 1024 + " KB";
    }
    return bytes + " bytes";
  }
}
