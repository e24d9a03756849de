package io.servicedelivery.notification;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Renders a notification from its Mustache template ({@link NotificationType#template()}). A template starts with a
 * {@code Subject:} line and a blank line; the rest is the plain text body. Dates and durations read as
 * {@link ReadableValues} writes them, and a value the request does not have shows as "-". All templates are read at
 * start-up, so a missing or malformed one stops the application rather than a notification.
 */
@Component
public class MailTemplates {

  private static final String SUBJECT = "Subject:";

  private record Compiled(Template subject, Template body) {}

  private final Map<NotificationType, Compiled> templates = new EnumMap<>(NotificationType.class);

  public MailTemplates() {
    // plain text: nothing is HTML-escaped
    this(Mustache.compiler().escapeHTML(false).defaultValue("-"));
  }

  /** With a compiler of the caller's choice, for example a strict one in tests that finds misspelt names. */
  MailTemplates(Mustache.Compiler compiler) {
    Mustache.Compiler formatting = compiler.withFormatter(ReadableValues::of);
    for (NotificationType type : NotificationType.values()) {
      String text = read(type.template()).replace("\r\n", "\n");
      int blankLine = text.indexOf("\n\n");
      if (!text.startsWith(SUBJECT) || blankLine < 0) {
        throw new IllegalStateException(
            type.template() + " must start with a '" + SUBJECT + "' line followed by a blank line");
      }
      templates.put(
          type,
          new Compiled(
              formatting.compile(text.substring(SUBJECT.length(), blankLine).trim()),
              formatting.compile(text.substring(blankLine + 2))));
    }
  }

  public MailText render(NotificationType type, Map<String, ?> model) {
    Compiled template = templates.get(type);
    // a value with a line break must not break the subject header
    String subject = template.subject().execute(model).replaceAll("\\s+", " ").trim();
    return new MailText(subject, template.body().execute(model));
  }

  private static String read(String resource) {
    try (InputStream in = MailTemplates.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("The mail template " + resource + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
