package dev.storemon.gateway.security;

import dev.storemon.gateway.keys.ApiKeys;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what (docs/api.md, "Access"). With {@code storemon.security.enabled}: every route needs
 * {@code Authorization: Bearer <key>} except the open ones below; the admin routes ({@code /api/ingest/**},
 * {@code /api/keys/**}) need the admin key; trigger_report is rate-limited per key. Without it: everything is open,
 * as before issue 12. Stateless either way: no session, no cookie, so no CSRF token is needed.
 */
@Configuration(proxyBeanMethods = false)
@SecurityScheme(name = SecurityConfig.SCHEME, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An owner's API key (POST /api/keys) or the admin key (storemon.security.admin-key)")
class SecurityConfig {

    static final String SCHEME = "bearer";

    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

    /** Open even with security on: the page and its assets, health probes, the API description. */
    static final String[] OPEN = {"/", "/index.html", "/favicon.ico", "/assets/**", "/css/**", "/js/**",
        "/webjars/**", "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
        "/swagger-ui.html", "/swagger-ui/**"};
    static final String[] ADMIN_ONLY = {"/api/ingest", "/api/ingest/**", "/api/keys", "/api/keys/**"};

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AccessProperties properties, ApiKeys keys,
            JsonMapper json) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        if (!properties.enabled()) {
            log.warn("access control is OFF (storemon.security.enabled=false): every route is open to anyone who can "
                    + "reach the port");
            return http.authorizeHttpRequests(a -> a.anyRequest().permitAll())
                    .headers(AbstractHttpConfigurer::disable)
                    .build();
        }
        ProblemAnswers problems = new ProblemAnswers(json);
        http.authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(OPEN).permitAll()
                        .requestMatchers(ADMIN_ONLY).hasAuthority(ApiKeyAuthentication.ADMIN)
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(new BearerKeyFilter(properties.adminKey(), keys), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new TriggerRateLimit(properties.reportsPerMinute(), problems, System::nanoTime),
                        AuthorizationFilter.class);
        log.info("access control is ON: API keys required (Authorization: Bearer), admin key from "
                + "storemon.security.admin-key, {} trigger_report calls per key and minute",
                properties.reportsPerMinute());
        return http.build();
    }

    /** With security on, every operation in /v3/api-docs needs the bearer scheme: Swagger UI's "Authorize" sends it. */
    @Bean
    OpenApiCustomizer bearerRequirement(AccessProperties properties) {
        return openApi -> {
            if (properties.enabled()) {
                openApi.addSecurityItem(new SecurityRequirement().addList(SCHEME));
            }
        };
    }
}
