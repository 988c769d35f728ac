package de.kooperation;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The engine's clock ({@link ClockUtil}) is global to the JVM: this extension puts it back to the real time after
 * each test, so no test leaves a moved clock to the next. {@link ProcessTest} brings it to every process test. A
 * class whose tests all start at one moment says so once:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final EngineClock CLOCK = EngineClock.at(NOW.toInstant());
 * </pre>
 *
 * The clock is set before the class's own {@code @BeforeEach} methods run and put back after its
 * {@code @AfterEach} methods.
 */
public final class EngineClock implements BeforeEachCallback, AfterEachCallback {

	private final Instant start;

	/** Leaves the clock alone before each test and puts it back after each. */
	public EngineClock() {
		this(null);
	}

	private EngineClock(Instant start) {
		this.start = start;
	}

	/** Every test starts with the engine's clock at that instant. */
	public static EngineClock at(Instant start) {
		return new EngineClock(start);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		if (start != null) {
			ClockUtil.setCurrentTime(Date.from(start));
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		ClockUtil.reset();
	}

}
