package de.kooperation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application as its users meet it: demo data on, a real server on a random port, in-memory
 * H2. Every class with this annotation shares ONE Spring context (same configuration, so Spring's
 * test context cache hands out the same one): one server, one engine, one set of demo data.
 *
 * <p>REST and webapps find the engine by name in a JVM-wide registry, and other test contexts in
 * this JVM register an engine "default" too: classes with this annotation register their
 * context's engine before each test ({@code ProcessEngines.registerProcessEngine(engine)}).
 * Tests here share state: they create what they need and never assume a task is still open.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "kooperation.demo-data=true")
@ActiveProfiles("test")
public @interface DemoAppTest {
}
