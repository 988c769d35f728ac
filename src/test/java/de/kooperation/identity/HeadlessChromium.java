package de.kooperation.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import de.kooperation.demo.DemoScript;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * Debian's headless Chromium driven through chromedriver, for tests that walk the webapps as a
 * user does. Screenshots go to target/screenshots/. Skips the test class (assumption) only when
 * Chromium or its driver is not installed; if they are there but fail, the test fails.
 *
 * <p>A JUnit extension, one browser per test class of the shared {@code @DemoAppTest} application:
 * <pre>
 * &#64;RegisterExtension
 * static final HeadlessChromium browser = HeadlessChromium.perTestClass();
 *
 * static final TasklistPage tasklist = new TasklistPage(browser);
 * </pre>
 * Before each test it registers the context's engine (REST and the webapps find it by name, see
 * {@code DemoAppTest}) and starts Chromium the first time; after the class's last test it quits.
 */
final class HeadlessChromium implements BeforeEachCallback, AfterAllCallback {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	/** Generous: a loaded CI machine needs a while for the first page of an Angular app. */
	static final Duration WAIT = Duration.ofSeconds(60);

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	/** Texts a user must never see (issue 9): English, technical, or a value that is missing. */
	static final List<String> NEVER_SHOWN = List.of("Field ", "Cannot ", "ENGINE-", "Whitelabel", "null", "Exception", "Select");

	private ChromeDriver browser;

	private Path profile;

	private int port;

	/** The engine of the test's application context, registered before each test. */
	private ProcessEngine engine;

	/** Who logged in last ({@link #logIn}); null after {@link #logOut}. */
	private String loggedIn;

	private HeadlessChromium() {
	}

	/** Started before the class's first test, quit after its last (register it as a static extension field). */
	static HeadlessChromium perTestClass() {
		return new HeadlessChromium();
	}

	@Override
	public void beforeEach(ExtensionContext context) throws IOException {
		ApplicationContext application = SpringExtension.getApplicationContext(context);
		engine = application.getBean(ProcessEngine.class);
		ProcessEngines.registerProcessEngine(engine);
		if (browser == null) {
			start(application.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
		}
	}

	private void start(int port) throws IOException {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Chromium oder chromedriver fehlt (Debian: apt-get install chromium chromium-driver; .ci/run installiert beide)");
		Path profile = Files.createTempDirectory("kooperation-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
				"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--lang=de-DE", "--window-size=1400,1000", "--user-data-dir=" + profile.toAbsolutePath());
		options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.withEnvironment(Map.of("TZ", "Europe/Berlin"))
			.build();
		Files.createDirectories(SCREENSHOTS);
		this.browser = new ChromeDriver(service, options);
		this.profile = profile;
		this.port = port;
	}

	@Override
	public void afterAll(ExtensionContext context) throws IOException {
		if (browser == null) {
			return;
		}
		try {
			browser.quit();
		}
		finally {
			browser = null;
			loggedIn = null;
			try (var files = Files.walk(profile)) {
				files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
		}
	}

	/**
	 * Logs in on Tasklist's own login page and waits for the filters. Tasklist may still be
	 * starting (routing to the login view again empties the fields): the fields are filled until
	 * they keep what was typed.
	 */
	void logIn(String user) {
		logIn(user, DemoScript.PASSWORD);
	}

	/** Logs in with the password the user chose (a Kommune registered in the test). */
	void logIn(String user, String secret) {
		open("/camunda/app/tasklist/default/");
		waitUntil("the login form to keep what is typed", driver -> {
			WebElement name = waitFor(By.cssSelector("input[ng-model='username']"));
			WebElement password = browser.findElement(By.cssSelector("input[ng-model='password']"));
			if (!user.equals(name.getDomProperty("value"))) {
				name.clear();
				name.sendKeys(user);
			}
			if (!secret.equals(password.getDomProperty("value"))) {
				password.clear();
				password.sendKeys(secret);
			}
			sleep(Duration.ofMillis(300));
			return user.equals(name.getDomProperty("value")) && secret.equals(password.getDomProperty("value"));
		});
		assertThat(bodyText()).as("German login page").contains("Anmelden", "Datum und Uhrzeit werden mit der lokalen Zeitzone");
		click(By.xpath("//button[normalize-space()='Anmelden']"));
		waitForText(TaskFilters.OPEN_WORK);
		loggedIn = user;
	}

	/** The engine the app serves the test with (a {@link TasklistPage} reads it). */
	ProcessEngine engine() {
		return engine;
	}

	/** Who is logged in (the user of the last {@link #logIn}); null when nobody is. */
	String loggedIn() {
		return loggedIn;
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** Leaves the app (a fresh page load afterwards) and forgets the session; nothing to do without a browser. */
	void logOut() {
		if (browser == null) {
			return;
		}
		browser.manage().deleteAllCookies();
		browser.get("about:blank");
		loggedIn = null;
	}

	void open(String path) {
		browser.get("http://localhost:" + port + path);
	}

	WebElement waitFor(By by) {
		try {
			return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
		}
		catch (org.openqa.selenium.TimeoutException e) {
			screenshot("fehler-element");
			throw new AssertionError(by + " did not appear; the page shows: " + bodyText(), e);
		}
	}

	void waitForText(String text) {
		waitUntil("'" + text + "' to appear", driver -> bodyText().contains(text));
	}

	void waitUntil(String what, Function<WebDriver, Boolean> condition) {
		try {
			// Angular re-renders: an element found a moment ago may be gone, then look again
			new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class).until(condition::apply);
		}
		catch (org.openqa.selenium.TimeoutException e) {
			screenshot("fehler-warten");
			throw new AssertionError("waited in vain for " + what + "; the page shows: " + bodyText(), e);
		}
	}

	void click(By by) {
		new WebDriverWait(browser, WAIT).until(ExpectedConditions.elementToBeClickable(by)).click();
	}

	/** Empties a form field the way a user does (select all, delete), so the form notices. */
	void clear(WebElement field) {
		field.click();
		field.sendKeys(Keys.chord(Keys.CONTROL, "a"));
		field.sendKeys(Keys.DELETE);
	}

	/** What the user sees (visible text only). */
	String bodyText() {
		return browser.findElement(By.tagName("body")).getText();
	}

	List<WebElement> elements(By by) {
		return browser.findElements(by);
	}

	List<WebElement> visible(By by) {
		return browser.findElements(by).stream().filter(WebElement::isDisplayed).toList();
	}

	Object script(String script, Object... args) {
		return browser.executeScript(script, args);
	}

	/** No script of a payload ran: it would have opened an alert. */
	void assertNoScriptRan() {
		try {
			String text = browser.switchTo().alert().getText();
			throw new AssertionError("a script ran and opened an alert: " + text);
		}
		catch (NoAlertPresentException expected) {
			// nothing ran
		}
	}

	/** Nothing English or technical on the screen. */
	void assertNothingTechnicalShown(String screen) {
		String text = bodyText();
		assertThat(NEVER_SHOWN).as("%s shows none of these; it shows:%n%s", screen, text).noneMatch(text::contains);
	}

	/**
	 * What axe-core finds on the page as it is now against the WCAG 2.1 A and AA rules (the basis
	 * of BITV 2.0), one line per rule broken; empty when the page passes.
	 */
	List<String> accessibilityProblems(String where) {
		Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(browser);
		assertThat(results.getPasses()).as("axe-core ran its rules on %s", where).isNotEmpty();
		assertThat(results.isErrored()).as(where).isFalse();
		return results.getViolations().stream()
			.map(rule -> where + ": " + rule.getId() + " – " + rule.getHelp() + " – "
					+ rule.getNodes().stream().map(CheckedNode::getTarget).map(String::valueOf).collect(Collectors.joining(", ")))
			.toList();
	}

	void screenshot(String name) {
		try {
			File shot = browser.getScreenshotAs(OutputType.FILE);
			Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
