package de.kooperation;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Points camunda-bpm-assert at the engine of the test's own Spring context before every test:
 * its engine reference is static, and test classes with other configurations get other contexts
 * with other engines in the same JVM.
 */
public class ProcessEngineAssertionsListener implements TestExecutionListener {

	@Override
	public void beforeTestMethod(TestContext testContext) {
		BpmnAwareTests.init(testContext.getApplicationContext().getBean(ProcessEngine.class));
	}

}
