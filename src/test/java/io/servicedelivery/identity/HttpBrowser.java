package io.servicedelivery.identity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A client with cookies and no redirects for the security tests, optionally from a given client address ({@code
 * X-Forwarded-For}, which the application believes when {@code server.forward-headers-strategy} is set).
 */
final class HttpBrowser {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final String base;
  private final String address;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client;

  HttpBrowser(int port) {
    this(port, null);
  }

  HttpBrowser(int port, String address) {
    this.base = "http://localhost:" + port;
    this.address = address;
    this.client =
        HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  String url(String path) {
    return base + path;
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(request(path).GET());
  }

  HttpResponse<String> basic(String path, String user, String password) throws IOException, InterruptedException {
    return send(request(path).header("Authorization", basicHeader(user, password)).GET());
  }

  static String basicHeader(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  HttpResponse<String> postForm(String path, Map<String, String> fields, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request);
  }

  /** the dashboard's login form, with the CSRF token of its login page */
  HttpResponse<String> signIn(String user, String password) throws IOException, InterruptedException {
    Matcher csrf = CSRF.matcher(get("/login").body());
    if (!csrf.find()) {
      throw new AssertionError("no CSRF token on the login page");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("username", user);
    fields.put("password", password);
    fields.put("_csrf", csrf.group(1));
    return postForm("/login", fields);
  }

  /** the Camunda webapps' login, as Tasklist sends it */
  HttpResponse<String> camundaLogin(String engine, String user, String password)
      throws IOException, InterruptedException {
    String userPath = "/camunda/api/admin/auth/user/" + engine;
    get(userPath);
    return postForm(
        userPath + "/login/tasklist",
        Map.of("username", user, "password", password),
        "X-XSRF-TOKEN",
        cookie("XSRF-TOKEN"));
  }

  String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals(name))
        .map(HttpCookie::getValue)
        .reduce((first, last) -> last)
        .orElseThrow(() -> new AssertionError("no cookie " + name));
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpRequest.Builder request(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
    if (address != null) {
      request.header("X-Forwarded-For", address);
    }
    return request;
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
