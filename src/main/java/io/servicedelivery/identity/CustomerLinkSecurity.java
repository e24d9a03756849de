package io.servicedelivery.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The pages the links in the customers' mails open ({@code /customer-links/<token>}, intake's CustomerLinkController):
 * the customer is not signed in, the signed token in the path is the authorization of the one action it names, and
 * the form that posts it needs no CSRF token of its own (a forged request would need the token, which only the mail
 * holds). No session is created.
 */
@Configuration
class CustomerLinkSecurity {

  @Bean
  @Order(1)
  SecurityFilterChain customerLinkFilterChain(HttpSecurity http) throws Exception {
    return http.securityMatcher("/customer-links/**")
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .sessionManagement(
            session ->
                session.sessionCreationPolicy(
                    org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
        .headers(SecurityHeaders.standard())
        .build();
  }
}
