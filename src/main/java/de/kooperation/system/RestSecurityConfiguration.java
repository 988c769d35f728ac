package de.kooperation.system;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The REST API is open by default; here every call to /engine-rest and to our own /api must
 * authenticate with HTTP Basic against the engine's users. The engine then applies the caller's
 * authorizations, the same that decide what Tasklist shows.
 */
@Configuration(proxyBeanMethods = false)
public class RestSecurityConfiguration {

	/** Order of the REST authentication filter; filters that need the caller come later. */
	public static final int AUTHENTICATION_ORDER = Ordered.LOWEST_PRECEDENCE - 100;

	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthenticationFilter() {
		FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ProcessEngineAuthenticationFilter() {

					/** Camunda leaves the engine list (/engine-rest/engine) open; here nothing is. */
					@Override
					protected boolean requiresEngineAuthentication(String requestUrl) {
						return true;
					}

				});
		registration.setName("kooperation-rest-authentication");
		// before the filters that need to know the caller (the app's own controllers)
		registration.setOrder(AUTHENTICATION_ORDER);
		registration.addUrlPatterns("/engine-rest/*", "/api/*");
		registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
				HttpBasicAuthenticationProvider.class.getName());
		return registration;
	}

}
