package de.kooperation.form;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

import de.kooperation.system.RestSecurityConfiguration;
import de.kooperation.system.WebappLogin;

@Configuration(proxyBeanMethods = false)
class FormFilterConfiguration {

	@Bean
	FilterRegistrationBean<FormFieldsOnlyFilter> formFieldsOnly(FormRules rules, TaskService tasks, IdentityService identity,
			WebappLogin webappLogin, ObjectMapper json) {
		FilterRegistrationBean<FormFieldsOnlyFilter> registration = new FilterRegistrationBean<>(
				new FormFieldsOnlyFilter(rules, tasks, identity, webappLogin, json));
		registration.setName("kooperation-form-fields-only");
		registration.addUrlPatterns("/engine-rest/task/*", "/camunda/api/engine/*");
		// after the REST authentication: the task is looked up as the caller
		registration.setOrder(RestSecurityConfiguration.AUTHENTICATION_ORDER + 10);
		return registration;
	}

}
