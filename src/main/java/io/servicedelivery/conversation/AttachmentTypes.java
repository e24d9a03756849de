package io.servicedelivery.conversation;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The file types an attachment may be, each by its content type, the file name extensions that stand for it, the
 * other names clients declare it by, and what its first bytes look like where that is cheap to tell (PDF, images,
 * ZIP and the Office formats built on it, the older Office formats). A text type must not look like a binary file.
 * So an upload passes three checks that must agree: the declared content type, the extension and the content; an
 * executable renamed {@code .pdf} fails the third.
 */
final class AttachmentTypes {

  /** One type: its content type, the extensions, other declared names, and a check of the first bytes. */
  record FileType(String contentType, String label, List<String> extensions, Set<String> aliases,
      Predicate<byte[]> content) {}

  private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] GIF87 = "GIF87a".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] GIF89 = "GIF89a".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ZIP = {'P', 'K', 0x03, 0x04};
  private static final byte[] EMPTY_ZIP = {'P', 'K', 0x05, 0x06};
  private static final byte[] OLE = {
    (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
  };
  /** how far text is looked at for bytes that only binary files have */
  private static final int TEXT_SNIFF = 8192;

  private static final Map<String, FileType> BY_TYPE = new LinkedHashMap<>();

  static {
    add("application/pdf", "PDF", List.of("pdf"), Set.of("application/x-pdf"),
        content -> within(content, PDF, 1024));
    add("image/png", "PNG", List.of("png"), Set.of(), content -> startsWith(content, PNG));
    add("image/jpeg", "JPEG", List.of("jpg", "jpeg"), Set.of("image/pjpeg"), content -> startsWith(content, JPEG));
    add("image/gif", "GIF", List.of("gif"), Set.of(),
        content -> startsWith(content, GIF87) || startsWith(content, GIF89));
    add("text/plain", "text", List.of("txt", "log"), Set.of(), AttachmentTypes::isText);
    add("text/csv", "CSV", List.of("csv"), Set.of("text/plain", "application/csv", "text/comma-separated-values"),
        AttachmentTypes::isText);
    add("application/msword", "Word", List.of("doc"), Set.of(), content -> startsWith(content, OLE));
    add("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word", List.of("docx"),
        Set.of(), AttachmentTypes::isZip);
    add("application/vnd.ms-excel", "Excel", List.of("xls"), Set.of(), content -> startsWith(content, OLE));
    add("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel", List.of("xlsx"), Set.of(),
        AttachmentTypes::isZip);
    add("application/vnd.ms-powerpoint", "PowerPoint", List.of("ppt"), Set.of(),
        content -> startsWith(content, OLE));
    add("application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint", List.of("pptx"),
        Set.of(), AttachmentTypes::isZip);
    add("application/vnd.oasis.opendocument.text", "OpenDocument text", List.of("odt"), Set.of(),
        AttachmentTypes::isZip);
    add("application/vnd.oasis.opendocument.spreadsheet", "OpenDocument spreadsheet", List.of("ods"), Set.of(),
        AttachmentTypes::isZip);
    add("application/vnd.oasis.opendocument.presentation", "OpenDocument presentation", List.of("odp"), Set.of(),
        AttachmentTypes::isZip);
    add("application/zip", "ZIP", List.of("zip"), Set.of("application/x-zip-compressed", "application/x-zip"),
        AttachmentTypes::isZip);
    add("message/rfc822", "e-mail", List.of("eml"), Set.of(), AttachmentTypes::isText);
  }

  private AttachmentTypes() {}

  private static void add(String contentType, String label, List<String> extensions, Set<String> aliases,
      Predicate<byte[]> content) {
    BY_TYPE.put(contentType, new FileType(contentType, label, extensions, aliases, content));
  }

  static boolean isKnown(String contentType) {
    return BY_TYPE.containsKey(contentType);
  }

  static Set<String> known() {
    return new TreeSet<>(BY_TYPE.keySet());
  }

  static FileType of(String contentType) {
    return BY_TYPE.get(contentType);
  }

  /** The type the extension of the file name stands for, among the allowed types. */
  static Optional<FileType> byExtension(String fileName, List<String> allowedTypes) {
    int dot = fileName.lastIndexOf('.');
    if (dot < 0 || dot == fileName.length() - 1) {
      return Optional.empty();
    }
    String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    return allowedTypes.stream()
        .map(BY_TYPE::get)
        .filter(type -> type.extensions().contains(extension))
        .findFirst();
  }

  /** "PDF (.pdf), PNG (.png), ..." for the allowed types. */
  static String describe(List<String> allowedTypes) {
    return allowedTypes.stream()
        .map(BY_TYPE::get)
        .map(type -> type.label() + " (" + type.extensions().stream().map(e -> "." + e)
            .collect(Collectors.joining(", ")) + ")")
        .collect(Collectors.joining(", "));
  }

  private static boolean startsWith(byte[] content, byte[] prefix) {
    return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
  }

  /** PDF readers accept the header anywhere in the first kilobyte */
  private static boolean within(byte[] content, byte[] marker, int limit) {
    for (int i = 0; i + marker.length <= Math.min(content.length, limit); i++) {
      if (Arrays.equals(content, i, i + marker.length, marker, 0, marker.length)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isZip(byte[] content) {
    return startsWith(content, ZIP) || startsWith(content, EMPTY_ZIP);
  }

  /** No NUL byte in the first 8 KB and no executable's header: text, in whatever encoding. */
  private static boolean isText(byte[] content) {
    if (startsWith(content, new byte[] {'M', 'Z'}) || startsWith(content, new byte[] {0x7F, 'E', 'L', 'F'})) {
      return false;
    }
    boolean utf16 =
        startsWith(content, new byte[] {(byte) 0xFF, (byte) 0xFE})
            || startsWith(content, new byte[] {(byte) 0xFE, (byte) 0xFF});
    if (utf16) {
      return true;
    }
    for (int i = 0; i < Math.min(content.length, TEXT_SNIFF); i++) {
      if (content[i] == 0) {
        return false;
      }
    }
    return true;
  }
}
