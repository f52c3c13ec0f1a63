package dev.storemon.gateway.security;

import dev.storemon.gateway.keys.ApiKeys;
import dev.storemon.gateway.web.ApiDocsCustomizer;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Who may call what (docs/api.md, "Access"). With {@code storemon.security.enabled}: every route needs
 * {@code Authorization: Bearer <key>} except the open ones below; the admin routes ({@code /api/ingest/**},
 * {@code /api/keys/**}) need the admin key; trigger_report is rate-limited per key. Without it: everything is open,
 * as before issue 12. Stateless either way: no session, no cookie, so no CSRF token is needed.
 */
@Configuration(proxyBeanMethods = false)
@SecurityScheme(
        name = SecurityConfig.SCHEME,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "An owner's API key (POST /api/keys) or the admin key (storemon.security.admin-key)")
class SecurityConfig {

    static final String SCHEME = "bearer";

    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

    /**
     * Open even with security on: the page and its assets, health probes (component details for the admin key only),
     * Prometheus' scrape (aggregates without ids; docs/decisions.md), the API description.
     */
    static final String[] OPEN = {
        "/",
        "/index.html",
        "/favicon.ico",
        "/assets/**",
        "/css/**",
        "/js/**",
        "/webjars/**",
        "/actuator/health",
        "/actuator/health/**",
        "/actuator/prometheus",
        "/v3/api-docs",
        "/v3/api-docs/**",
        "/swagger-ui.html",
        "/swagger-ui/**"
    };

    static final String[] ADMIN_ONLY = {"/api/ingest", "/api/ingest/**", "/api/keys", "/api/keys/**"};

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            AccessProperties properties,
            ApiKeys keys,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver)
            throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        if (!properties.enabled()) {
            log.warn("access control is OFF (storemon.security.enabled=false): every route is open to anyone who can "
                    + "reach the port");
            // everyone is the admin, as ReportAccess says; so health shows its details, as before issue 12
            return http.authorizeHttpRequests(a -> a.anyRequest().permitAll())
                    .headers(AbstractHttpConfigurer::disable)
                    .addFilterBefore(new EveryoneIsAdmin(), AnonymousAuthenticationFilter.class)
                    .build();
        }
        ProblemAnswers problems = new ProblemAnswers(resolver);
        http.authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers(OPEN)
                        .permitAll()
                        .requestMatchers(ADMIN_ONLY)
                        .hasAuthority(ApiKeyAuthentication.ADMIN)
                        .anyRequest()
                        .authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(new BearerKeyFilter(properties.adminKey(), keys), AnonymousAuthenticationFilter.class)
                .addFilterAfter(
                        new TriggerRateLimit(properties.reportsPerMinute(), problems, System::nanoTime),
                        AuthorizationFilter.class);
        log.info(
                "access control is ON: API keys required (Authorization: Bearer), admin key from "
                        + "storemon.security.admin-key, {} trigger_report calls per key and minute",
                properties.reportsPerMinute());
        return http.build();
    }

    /**
     * With security on, every operation in /v3/api-docs needs the bearer scheme (Swagger UI's "Authorize" sends it)
     * and may answer 401; the admin routes and trigger_report (another owner's stores) 403; trigger_report 429.
     */
    @Bean
    OpenApiCustomizer bearerRequirement(AccessProperties properties) {
        return openApi -> {
            if (!properties.enabled()) {
                return;
            }
            openApi.addSecurityItem(new SecurityRequirement().addList(SCHEME));
            openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
                operation
                        .getResponses()
                        .computeIfAbsent(
                                "401",
                                code -> ApiDocsCustomizer.problem(
                                        "No API key, or an unknown or revoked one (WWW-Authenticate: Bearer)"));
                if (path.startsWith("/api/ingest") || path.startsWith("/api/keys")) {
                    operation
                            .getResponses()
                            .computeIfAbsent("403", code -> ApiDocsCustomizer.problem("An owner's key: admin only"));
                }
                if (path.endsWith("/trigger_report")) {
                    operation
                            .getResponses()
                            .computeIfAbsent(
                                    "403",
                                    code -> ApiDocsCustomizer.problem(
                                            "An owner's key naming another owner in owner_id"));
                    operation
                            .getResponses()
                            .computeIfAbsent(
                                    "429",
                                    code -> ApiDocsCustomizer.problem(
                                            "More trigger_report calls with this key in a minute than allowed (Retry-After)"));
                }
            }));
        };
    }

    /** Security off: every request is the admin's (an authenticated principal, so health shows its details). */
    private static final class EveryoneIsAdmin extends OncePerRequestFilter {

        private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            SecurityContext context = contexts.createEmptyContext();
            context.setAuthentication(new ApiKeyAuthentication(Caller.ADMIN));
            contexts.setContext(context);
            try {
                chain.doFilter(request, response);
            } finally {
                contexts.clearContext();
            }
        }
    }
}
