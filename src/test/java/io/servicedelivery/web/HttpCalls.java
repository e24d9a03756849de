package io.servicedelivery.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.servicedelivery.testsupport.HttpBrowser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Raw HTTP calls to the running application, byte for byte as written here (no client library to correct a body, a
 * charset or a query): HTTP Basic for {@code /api}, a signed-in session for {@code /dashboard/api}.
 */
final class HttpCalls {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final int port;
  private final HttpClient client;
  private final String authorization;

  private HttpCalls(int port, HttpClient client, String authorization) {
    this.port = port;
    this.client = client;
    this.authorization = authorization;
  }

  /** Calls with HTTP Basic as the user, whose password is the user id. */
  static HttpCalls basic(int port, String user) {
    return new HttpCalls(
        port,
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
        "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
  }

  static HttpCalls anonymous(int port) {
    return new HttpCalls(port, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), null);
  }

  /** Calls with the session of the user signed in on the dashboard's login page. */
  static HttpCalls signedIn(int port, String user) throws IOException, InterruptedException {
    HttpBrowser browser = new HttpBrowser(port);
    HttpResponse<String> login = browser.signIn(user, user);
    if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
      throw new IllegalStateException("sign-in of " + user + " failed: " + login.statusCode());
    }
    return new HttpCalls(port, browser.client(), null);
  }

  HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    return send("GET", pathAndQuery, null, null);
  }

  HttpResponse<String> json(String method, String path, String body) throws IOException, InterruptedException {
    return send(method, path, body.getBytes(StandardCharsets.UTF_8), "application/json");
  }

  HttpResponse<String> send(String method, String pathAndQuery, byte[] body, String contentType)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", pathAndQuery.startsWith("/login") ? "text/html" : "application/json, application/problem+json")
            .method(
                method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static JsonNode body(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException notJson) {
      return JSON.createObjectNode();
    }
  }
}
