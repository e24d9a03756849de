package io.servicedelivery.testsupport;

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
 * A client with cookies and no redirects, as a browser signs in to the dashboard or the Camunda webapps, optionally
 * from a given client address ({@code X-Forwarded-For}, which the application believes when {@code
 * server.forward-headers-strategy} is set).
 */
public final class HttpBrowser {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final String base;
  private final String address;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client;

  public HttpBrowser(int port) {
    this(port, null);
  }

  public HttpBrowser(int port, String address) {
    this.base = "http://localhost:" + port;
    this.address = address;
    this.client =
        HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  public String url(String path) {
    return base + path;
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(request(path).GET());
  }

  public HttpResponse<String> basic(String path, String user, String password) throws IOException, InterruptedException {
    return send(request(path).header("Authorization", basicHeader(user, password)).GET());
  }

  public static String basicHeader(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  public HttpResponse<String> postForm(String path, Map<String, String> fields, String... headers)
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
  public HttpResponse<String> signIn(String user, String password) throws IOException, InterruptedException {
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
  public HttpResponse<String> camundaLogin(String engine, String user, String password)
      throws IOException, InterruptedException {
    String userPath = "/camunda/api/admin/auth/user/" + engine;
    get(userPath);
    return postForm(
        userPath + "/login/tasklist",
        Map.of("username", user, "password", password),
        "X-XSRF-TOKEN",
        cookie("XSRF-TOKEN"));
  }

  public String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals(name))
        .map(HttpCookie::getValue)
        .reduce((first, last) -> last)
        .orElseThrow(() -> new AssertionError("no cookie " + name));
  }

  /** The client, with this browser's cookies, for callers that build their requests byte for byte. */
  public HttpClient client() {
    return client;
  }

  public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpRequest.Builder request(String path) {
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
