package io.servicedelivery.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The sign-in page of the dashboard ({@link DashboardSecurity}) and the page a signed-in person who may not open it
 * sees. Plain HTML from {@code pages/}, with the CSRF token the form must send.
 */
@Controller
class LoginPage {

  private static final String LOGIN = read("pages/login.html");
  private static final String FORBIDDEN = read("pages/forbidden.html");
  private static final Pattern INLINE_STYLE = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);

  @GetMapping(value = DashboardSecurity.LOGIN_PAGE, produces = MediaType.TEXT_HTML_VALUE)
  @ResponseBody
  String login(HttpServletRequest request) {
    String message = "";
    if (request.getParameter("error") != null) {
      message = "<p class=\"message error\" role=\"alert\">Unknown user or wrong password.</p>";
    } else if (request.getParameter("logout") != null) {
      message = "<p class=\"message\" role=\"status\">You have signed out.</p>";
    }
    return withCsrf(LOGIN, request).replace("{{message}}", message);
  }

  /**
   * The Content-Security-Policy sources of the pages' inline style sheets ({@code 'sha256-…'}), so that the dashboard's
   * policy ({@link DashboardSecurity}) allows them and no other inline style.
   */
  static List<String> inlineStyleSources() {
    List<String> sources = new ArrayList<>();
    for (String page : List.of(LOGIN, FORBIDDEN)) {
      Matcher style = INLINE_STYLE.matcher(page);
      while (style.find()) {
        try {
          byte[] digest =
              MessageDigest.getInstance("SHA-256").digest(style.group(1).getBytes(StandardCharsets.UTF_8));
          sources.add("'sha256-" + Base64.getEncoder().encodeToString(digest) + "'");
        } catch (NoSuchAlgorithmException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return sources;
  }

  static String forbidden(HttpServletRequest request, String user) {
    return withCsrf(FORBIDDEN, request).replace("{{user}}", HtmlUtils.htmlEscape(user));
  }

  private static String withCsrf(String page, HttpServletRequest request) {
    CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    return page.replace("{{csrfParameter}}", token == null ? "_csrf" : HtmlUtils.htmlEscape(token.getParameterName()))
        .replace("{{csrfToken}}", token == null ? "" : HtmlUtils.htmlEscape(token.getToken()));
  }

  private static String read(String resource) {
    try (InputStream page = LoginPage.class.getClassLoader().getResourceAsStream(resource)) {
      if (page == null) {
        throw new IllegalStateException("Missing " + resource);
      }
      return new String(page.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
