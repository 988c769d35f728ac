package de.kooperation.system;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The login throttle in front of every place a password is checked (see {@link LoginThrottle}). */
@Configuration(proxyBeanMethods = false)
class LoginSecurityConfiguration {

	@Bean
	FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle) {
		FilterRegistrationBean<LoginThrottleFilter> registration = new FilterRegistrationBean<>(new LoginThrottleFilter(throttle));
		registration.setName("kooperation-login-throttle");
		// before the REST authentication checks the password
		registration.setOrder(RestSecurityConfiguration.AUTHENTICATION_ORDER - 10);
		registration.addUrlPatterns("/engine-rest/*", "/api/*", LoginThrottleFilter.WEBAPP_LOGIN + "*");
		return registration;
	}

}
