package de.kooperation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test class that starts the application itself (a restart, the prod profile, a second node).
 * Camunda's webapp filters keep the last started application in a static field, so such a start
 * would leave the shared test application's Tasklist sessions and CSRF checks pointing at a closed
 * one. These classes run in a JVM of their own (surefire execution "own-app-test" in the pom).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(StartsItsOwnApplication.TAG)
public @interface StartsItsOwnApplication {

	String TAG = "own-app";

}
