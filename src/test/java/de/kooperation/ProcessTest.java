package de.kooperation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;

/**
 * A process test: the real application on an in-memory H2 database without demo data and
 * without job executor; coverage of flow nodes and sequence flows is recorded per test class.
 * The engine clock is put back to the real time after each test ({@link EngineClock}).
 * All classes with this annotation share one Spring context. Tagged {@value #TAG}: a second test
 * run in {@code mvn verify} runs exactly these classes once more on PostgreSQL.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@Tag(ProcessTest.TAG)
@ExtendWith(EngineClock.class)
@ActiveProfiles("test")
@Import({ ProcessEngineCoverageConfiguration.class, Scenario.class })
@TestExecutionListeners(value = { ProcessEngineCoverageTestExecutionListener.class, ProcessEngineAssertionsListener.class },
		mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface ProcessTest {

	/** JUnit tag of process tests, selected by the PostgreSQL run in pom.xml. */
	String TAG = "process-test";
}
