package io.servicedelivery.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Shows a Camunda start form with its input data. Tasklist 7.24 fetches a start form's schema from {@code
 * process-definition/{id}/deployed-start-form} and renders it without data (it loads {@code form-variables} for task
 * forms only), so a select whose options come from input data ({@code valuesKey}, {@code valuesExpression}) would
 * offer nothing. For a form that the application gives {@link FormInputData}, this writes the data into the schema
 * Camunda answers with ({@link SchemaWithInputData}); any other answer, and every other call, passes unchanged.
 * Camunda decides who may read the form: only its 200 answer is filled in.
 */
class TasklistStartFormData extends OncePerRequestFilter {

  private static final Pattern DEPLOYED_START_FORM = Pattern.compile("/process-definition/.+/deployed-start-form/?$");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectProvider<FormInputData> inputData;

  TasklistStartFormData(ObjectProvider<FormInputData> inputData) {
    this.inputData = inputData;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"GET".equals(request.getMethod()) || !DEPLOYED_START_FORM.matcher(request.getRequestURI()).find();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, answer);
    if (answer.getStatus() == HttpServletResponse.SC_OK) {
      Optional<byte[]> filled = filled(answer.getContentAsByteArray());
      if (filled.isPresent()) {
        answer.resetBuffer();
        answer.getOutputStream().write(filled.get());
      }
    }
    answer.copyBodyToResponse();
  }

  private Optional<byte[]> filled(byte[] body) throws IOException {
    JsonNode schema;
    try {
      schema = JSON.readTree(body);
    } catch (IOException notJson) {
      return Optional.empty();
    }
    if (schema == null || !schema.path("id").isTextual()) {
      return Optional.empty();
    }
    String formId = schema.path("id").asText();
    Optional<FormInputData> data = inputData.orderedStream().filter(d -> formId.equals(d.formId())).findFirst();
    if (data.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(JSON.writeValueAsBytes(SchemaWithInputData.fill(schema, data.get().data())));
  }
}
