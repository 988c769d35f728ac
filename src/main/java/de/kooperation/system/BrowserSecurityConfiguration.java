package de.kooperation.system;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * What browsers get besides the pages: the webapps' security headers also on the app's own
 * pages ({@link PageHeadersFilter}), and the same-origin rules everywhere ({@link SameOriginFilter}).
 */
@Configuration(proxyBeanMethods = false)
class BrowserSecurityConfiguration {

	/** The app's own paths; the webapps under /camunda get the same headers from Camunda's filter. */
	static final String[] OWN_PATHS = { "/kooperationen", "/kooperationen/*", "/postausgang", "/loeschprotokoll", "/api/*",
			"/engine-rest/*", "/error" };

	@Bean
	FilterRegistrationBean<SameOriginFilter> sameOriginFilter(@Value("${kooperation.reminder.base-url:}") String baseUrl) {
		FilterRegistrationBean<SameOriginFilter> registration = new FilterRegistrationBean<>(new SameOriginFilter(baseUrl));
		registration.setName("kooperation-same-origin");
		// before logins, CSRF checks and anything that changes data
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		registration.addUrlPatterns("/*");
		return registration;
	}

	@Bean
	FilterRegistrationBean<PageHeadersFilter> pageHeadersFilter(CamundaBpmProperties camunda) {
		FilterRegistrationBean<PageHeadersFilter> registration = new FilterRegistrationBean<>(new PageHeadersFilter());
		registration.setName("kooperation-page-headers");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 21);
		registration.setInitParameters(camunda.getWebapp().getHeaderSecurity().getInitParams());
		registration.addUrlPatterns(OWN_PATHS);
		return registration;
	}

}
