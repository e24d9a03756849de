package io.servicedelivery.web;

import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * JSON bodies are read in UTF-8 only; a body that declares another charset ({@code application/json;
 * charset=UTF-16}) is refused with 415 Unsupported Media Type, whose problem names {@code Content-Type} ({@link
 * ApiExceptionHandler}).
 *
 * <p>Decided so rather than decoding the declared charset: RFC 8259 (section 8.1) has JSON exchanged between systems
 * in UTF-8, none of this API's clients sends anything else, and Jackson on its own guesses the encoding from the bytes
 * and ignores the declaration — a body declared UTF-16 that held UTF-8 was read as if it were correct. A {@code
 * Content-Type} without a charset is UTF-8; a charset Java does not know is a 415 as well (Spring refuses the header
 * before this is asked). Bytes that are not UTF-8 are a 400 (the JSON parser's). Responses are always UTF-8.
 */
@ControllerAdvice(basePackages = "io.servicedelivery")
class Utf8JsonOnly extends RequestBodyAdviceAdapter {

  @Override
  public boolean supports(
      MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
    return AbstractJackson2HttpMessageConverter.class.isAssignableFrom(converterType);
  }

  @Override
  public HttpInputMessage beforeBodyRead(
      HttpInputMessage message, MethodParameter parameter, Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    MediaType type = message.getHeaders().getContentType();
    Charset charset = type == null ? null : type.getCharset();
    if (charset != null && !charset.equals(StandardCharsets.UTF_8)) {
      throw new NotUtf8Exception(type);
    }
    return message;
  }

  /** A JSON body declared in another charset than UTF-8. */
  static final class NotUtf8Exception extends RuntimeException {

    NotUtf8Exception(MediaType type) {
      super("Content-Type " + type + " is not supported: JSON is read in UTF-8 only.");
    }
  }
}
