package io.servicedelivery.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * The API's documentation, Swagger UI and {@code /v3/api-docs}, for signed-in users only, when {@code
 * servicedelivery.api-docs.sign-in-required} is true (the prod profile): HTTP Basic, as on {@code /api} (a browser
 * asks for the user and password), or the session of the dashboard's login page, for anybody in one of the people's
 * groups or the API clients. Monitoring systems and users in no group get 403. In the demo the documentation stays
 * open to everybody.
 */
@Configuration
@ConditionalOnProperty(name = "servicedelivery.api-docs.sign-in-required", havingValue = "true")
class ApiDocsSecurity {

  @Bean
  @Order(2)
  SecurityFilterChain apiDocsSecurityFilterChain(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
    http.securityMatcher("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**")
        .authorizeHttpRequests(requests -> requests.anyRequest().hasAnyAuthority(ApiSecurity.readers()))
        .securityContext(
            context ->
                context.securityContextRepository(
                    new DelegatingSecurityContextRepository(
                        new RequestAttributeSecurityContextRepository(), new SignedInSessionForReading())));
    return ApiSecurity.statelessBasic(http, objectMapper).build();
  }
}
