package io.servicedelivery.notification;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Renders a notification from its Mustache template ({@link NotificationType#template()}). A template starts with a
 * {@code Subject:} line and a blank line; the rest is the plain text body. Dates and durations read as
 * {@link ReadableValues} writes them, dates in the time zone the caller chose for the mail's reader, and a value the
 * request does not have shows as "-". All templates are read and compiled at start-up, so a missing or malformed one
 * stops the application rather than a notification; each zone a mail is rendered in gets its own compiled copy, as
 * the formatter belongs to the compiled template.
 */
@Component
public class MailTemplates {

  private static final String SUBJECT = "Subject:";

  private record Source(String subject, String body) {}

  private record Compiled(Template subject, Template body) {}

  private final Mustache.Compiler compiler;
  private final Map<NotificationType, Source> sources = new EnumMap<>(NotificationType.class);
  private final Map<ZoneId, Map<NotificationType, Compiled>> compiledByZone = new ConcurrentHashMap<>();

  public MailTemplates() {
    // plain text: nothing is HTML-escaped
    this(Mustache.compiler().escapeHTML(false).defaultValue("-"));
  }

  /** With a compiler of the caller's choice, for example a strict one in tests that finds misspelt names. */
  MailTemplates(Mustache.Compiler compiler) {
    this.compiler = compiler;
    for (NotificationType type : NotificationType.values()) {
      String text = read(type.template()).replace("\r\n", "\n");
      int blankLine = text.indexOf("\n\n");
      if (!text.startsWith(SUBJECT) || blankLine < 0) {
        throw new IllegalStateException(
            type.template() + " must start with a '" + SUBJECT + "' line followed by a blank line");
      }
      sources.put(type, new Source(text.substring(SUBJECT.length(), blankLine).trim(), text.substring(blankLine + 2)));
    }
    compiledIn(ZoneId.of("UTC"));
  }

  /** @param zone the time zone the mail's reader reads its dates in */
  public MailText render(NotificationType type, Map<String, ?> model, ZoneId zone) {
    Compiled template = compiledIn(zone).get(type);
    // a value with a line break must not break the subject header
    String subject = template.subject().execute(model).replaceAll("\\s+", " ").trim();
    return new MailText(subject, template.body().execute(model));
  }

  private Map<NotificationType, Compiled> compiledIn(ZoneId zone) {
    return compiledByZone.computeIfAbsent(zone, this::compile);
  }

  private Map<NotificationType, Compiled> compile(ZoneId zone) {
    Mustache.Compiler formatting = compiler.withFormatter(value -> ReadableValues.of(value, zone));
    Map<NotificationType, Compiled> compiled = new EnumMap<>(NotificationType.class);
    sources.forEach(
        (type, source) ->
            compiled.put(
                type, new Compiled(formatting.compile(source.subject()), formatting.compile(source.body()))));
    return compiled;
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
