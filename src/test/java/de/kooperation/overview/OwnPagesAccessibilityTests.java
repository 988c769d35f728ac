package de.kooperation.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import de.kooperation.DemoAppTest;
import de.kooperation.shared.AgreementProcess;
import de.kooperation.collaboration.CollaborationService;
import de.kooperation.identity.MunicipalityRegistration;
import de.kooperation.identity.WelcomeMails;
import de.kooperation.municipality.Municipality;
import de.kooperation.reminder.EmbeddedMailServer;
import de.kooperation.reminder.Mail;
import de.kooperation.reminder.Mailer;

/**
 * Every own page of the app in real headless Chromium, checked by axe-core against the WCAG 2.1
 * A and AA rules (the basis of BITV 2.0) at desktop width and at 390 px (a phone), with zero
 * violations allowed; at 390 px nothing may make the page scroll sideways. A Kommune is
 * registered by keyboard alone (skip link, Tab, typing, Enter), and the welcome mail's link leads
 * to the password page. Screenshots go to target/screenshots/seiten-*.png.
 *
 * <p>axe-core comes with Deque's Selenium binding from Maven Central (no npm). Skipped only when
 * Chromium or its driver is not installed ({@code .ci/run} installs both).
 */
@DemoAppTest
class OwnPagesAccessibilityTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	/** WCAG 2.0 and 2.1, levels A and AA: what BITV 2.0 (via EN 301 549) asks of web pages. */
	private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	private static final int PHONE = 390;

	private static final AtomicInteger NEXT = new AtomicInteger();

	private static ChromeDriver browser;

	private static Path profile;

	@LocalServerPort
	int port;

	@Autowired
	ProcessEngine engine;

	@Autowired
	Mailer mailer;

	@Autowired
	EmbeddedMailServer mailServer;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MunicipalityRegistration registration;

	@Autowired
	CollaborationService collaborations;

	@BeforeAll
	static void startChromium() throws IOException {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Chromium oder chromedriver fehlt (Debian: apt-get install chromium chromium-driver; .ci/run installiert beide)");
		profile = Files.createTempDirectory("kooperation-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--lang=de-DE",
				"--window-size=1400,1000", "--user-data-dir=" + profile.toAbsolutePath());
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.withEnvironment(java.util.Map.of("TZ", "Europe/Berlin"))
			.build();
		browser = new ChromeDriver(service, options);
		Files.createDirectories(SCREENSHOTS);
	}

	@AfterAll
	static void stopChromium() throws IOException {
		if (browser != null) {
			browser.quit();
		}
		if (profile != null) {
			try (var files = Files.walk(profile)) {
				files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
		}
	}

	@BeforeEach
	void webappsServeThisContextsEngine() {
		ProcessEngines.registerProcessEngine(engine);
		browser.manage().deleteAllCookies();
	}

	@Test
	void everyOwnPagePassesAxeCoresWcag21AaRules_atDesktopAndPhoneWidth() {
		String mailId = aSentInvitation();
		String drafting = aKommuneWhoseAgreementIsBeingDrafted();
		List<String> problems = new ArrayList<>();

		// not logged in
		check("/kooperationen", "anmeldung-erforderlich", problems);
		check("/barrierefreiheit", "barrierefreiheit", problems);

		logIn("claudia.hartmann", "demo");
		for (String[] page : new String[][] { { "/kooperationen", "uebersicht" }, { "/kooperationen/steuerung", "steuerung" }, { "/kooperationen/eisenach", "kooperation" }, { "/benachrichtigungen", "benachrichtigungen" },
				{ "/kooperationen/eisenach/zielvereinbarung/entwurf", "entwurf" },
				{ "/kooperationen/worms/zielvereinbarung/fassungen/2", "fassung" }, { "/kooperationen/starten", "kooperation-starten" },
				{ "/kommunen/neu", "kommune-registrieren" }, { "/kooperationen/eisenach/beenden", "kooperation-beenden" },
				{ "/postausgang", "postausgang" }, { "/postausgang/" + mailId, "postausgang-mail" },
				{ "/barrierefreiheit", "barrierefreiheit-angemeldet" }, { "/kooperationen/chemnitz/zeitplan", "zeitplan" } }) {
			check(page[0], page[1], problems);
		}
		open("/kooperationen/" + drafting + "/zielvereinbarung/entwurf");
		assertThat(browser.findElements(By.xpath("//button[normalize-space()='Speichern']"))).as("the editor, not the reading view").hasSize(1);
		checkCurrent("entwurf-bearbeiten", problems);
		// the states after a submission: refusals with their messages, the confirmation step
		open("/kooperationen/starten");
		browser.findElement(By.xpath("//button[normalize-space()='Kooperation starten']")).click();
		waitForText("Die Kooperation wurde nicht gestartet");
		checkCurrent("kooperation-starten-fehler", problems);
		open("/kooperationen/eisenach/beenden");
		browser.findElement(By.id("reason")).sendKeys("Nur angesehen, nicht bestätigt.");
		browser.findElement(By.xpath("//button[normalize-space()='Weiter zur Bestätigung']")).click();
		waitForText("Ja, Kooperation endgültig beenden");
		checkCurrent("kooperation-beenden-bestaetigen", problems);

		// a Kommune's user on another Kommune's page, the admin's deletion log
		logIn("sabine.krause", "demo");
		check("/kooperationen/nienburg", "kein-zugriff", problems);
		check("/kooperationen/eisenach", "kooperation-als-kommune", problems);
		// closing a milestone's part asks first
		browser.findElement(By.partialLinkText("Teil Kommune abschließen")).click();
		waitForText("Wollen Sie diesen Teil wirklich abschließen?");
		checkCurrent("meilenstein-abschliessen", problems);

		// the Kommune's own timeline: the plan, the activity form with its mistakes, the import's preview
		logIn("anja.wendler", "demo");
		check("/kooperationen/chemnitz/zeitplan", "zeitplan-als-kommune", problems);
		// reminders of the activities' ends switched on, and off again (the demo's default)
		browser.findElement(By.cssSelector("input[name='reminders'][value='an']")).click();
		browser.findElement(By.xpath("//button[normalize-space()='Erinnerungen speichern']")).click();
		waitForText("Die Erinnerungen an das Ende der Maßnahmen sind eingeschaltet.");
		checkCurrent("zeitplan-erinnerungen-an", problems);
		browser.findElement(By.cssSelector("input[name='reminders'][value='aus']")).click();
		browser.findElement(By.xpath("//button[normalize-space()='Erinnerungen speichern']")).click();
		waitForText("Die Erinnerungen an das Ende der Maßnahmen sind ausgeschaltet.");
		browser.findElement(By.xpath("//button[normalize-space()='Kommentar speichern']")).click();
		waitForText("Der Kommentar wurde nicht gespeichert");
		checkCurrent("zeitplan-kommentar-fehler", problems);
		check("/kooperationen/chemnitz/zeitplan/massnahmen/neu", "zeitplan-massnahme", problems);
		browser.findElement(By.xpath("//button[normalize-space()='Speichern']")).click();
		waitForText("Die Maßnahme wurde nicht gespeichert");
		checkCurrent("zeitplan-massnahme-fehler", problems);
		open("/kooperationen/chemnitz/zeitplan/import");
		browser.findElement(By.id("datei")).sendKeys(aSpreadsheet().toString());
		browser.findElement(By.xpath("//button[normalize-space()='Vorschau anzeigen']")).click();
		waitForText("Vorschau: zeitschiene.csv");
		checkCurrent("zeitplan-import-vorschau", problems);
		logIn("admin", "admin");
		check("/loeschprotokoll", "loeschprotokoll", problems);

		assertThat(problems).as("axe-core (WCAG 2.1 A/AA) and layout at %d px", PHONE).isEmpty();
	}

	@Test
	void aKommuneIsRegisteredByKeyboardAlone_andItsUserChoosesAPasswordOnAnAccessiblePage() throws Exception {
		String id = "ilmenau-tastatur-" + NEXT.incrementAndGet();
		List<String> problems = new ArrayList<>();
		logIn("claudia.hartmann", "demo");
		open("/kommunen/neu");
		int mailsBefore = mailServer.received().size();

		// the first Tab reaches the skip link, visibly focused; Enter jumps over the navigation
		keys(Keys.TAB);
		WebElement skip = browser.switchTo().activeElement();
		assertThat(skip.getText()).isEqualTo("Zum Inhalt springen");
		assertThat(skip.getCssValue("outline-style")).isNotEqualTo("none");
		assertThat(skip.getRect().getY()).as("the focused skip link is on screen").isGreaterThanOrEqualTo(0);
		keys(Keys.ENTER);
		// a first attempt with the Kommune's name only: the refusal lists what is missing
		keys(Keys.TAB, "Stadt Ilmenau", Keys.ENTER);
		waitForText("Die Kommune wurde nicht registriert");
		assertThat(browser.findElement(By.id("name")).getDomProperty("value")).isEqualTo("Stadt Ilmenau");
		checkCurrent("kommune-registrieren-fehler", problems);

		// on with Tab to the first empty field, then in field order
		tabTo("id");
		keys(id, Keys.TAB, "Thü", Keys.TAB, "Anna", Keys.TAB, "Schmidt", Keys.TAB, "anna." + id + "@ilmenau.example.org", Keys.TAB,
				"anna." + id, Keys.TAB, "Daniel", Keys.TAB, "Koch", Keys.TAB, "daniel." + id + "@ilmenau.example.org", Keys.TAB,
				"daniel." + id, Keys.TAB);
		assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Kommune registrieren und E-Mails senden");
		screenshot("kommune-registrieren-ausgefuellt");
		keys(Keys.ENTER);
		waitForText("Stadt Ilmenau ist registriert");
		checkCurrent("kommune-registriert", problems);

		String link = WelcomeMails.passwordPath(mailServer.received().subList(mailsBefore, mailServer.received().size()),
				"anna." + id + "@ilmenau.example.org");
		browser.manage().deleteAllCookies();
		open(link);
		waitForText("Passwort festlegen");
		checkCurrent("passwort-festlegen", problems);
		browser.findElement(By.id("password")).sendKeys("zu kurz");
		browser.findElement(By.id("repeated")).sendKeys("zu kurz", Keys.ENTER);
		waitForText("Das Passwort ist zu kurz");
		checkCurrent("passwort-fehler", problems);
		browser.findElement(By.id("password")).sendKeys("Bildung-2027!");
		browser.findElement(By.id("repeated")).sendKeys("Bildung-2027!", Keys.ENTER);
		waitForText("Passwort gespeichert");
		checkCurrent("passwort-gespeichert", problems);
		check(link, "passwort-link-verbraucht", problems);

		logIn("anna." + id, "Bildung-2027!");
		check("/kooperationen/" + id, "kooperation-neue-kommune", problems);
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Kooperation Stadt Ilmenau");

		assertThat(problems).isEmpty();
	}

	// ---------------------------------------------------------------- axe-core and the layout

	/** Opens the page and checks it at both widths. */
	/** A Kommune's plan as CSV, with a row the import refuses. */
	private static Path aSpreadsheet() {
		try {
			Path file = Files.createTempDirectory("kooperation-zeitplan").resolve("zeitschiene.csv");
			Files.writeString(file, "Maßnahme;2027;2028\n5. Beteiligung;;\nJugendforum;Mai;\n;Juni;\n", StandardCharsets.UTF_8);
			return file;
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private void check(String path, String name, List<String> problems) {
		open(path);
		checkCurrent(name, problems);
	}

	/** Checks the page as it is now, at desktop width and at 390 px, and keeps a screenshot of each. */
	private void checkCurrent(String name, List<String> problems) {
		for (int width : new int[] { 1400, PHONE }) {
			browser.manage().window().setSize(new Dimension(width, width == PHONE ? 844 : 1000));
			String where = name + " (" + width + " px, " + browser.getCurrentUrl().replace("http://localhost:" + port, "") + ")";
			assertThat(script("return document.querySelector('meta[name=viewport]') && document.querySelector('meta[name=viewport]').content"))
				.as(where).isEqualTo("width=device-width, initial-scale=1");
			assertThat(browser.findElements(By.cssSelector("footer a[href='/barrierefreiheit']"))).as(where).hasSize(1);
			Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(browser);
			assertThat(results.getPasses()).as("axe-core ran its rules on %s", where).isNotEmpty();
			assertThat(results.isErrored()).as(where).isFalse();
			for (Rule rule : results.getViolations()) {
				problems.add(where + ": " + rule.getId() + " – " + rule.getHelp() + " – " + rule.getNodes().stream()
					.map(CheckedNode::getTarget).map(String::valueOf).collect(Collectors.joining(", ")));
			}
			if (width == PHONE) {
				Number inner = (Number) script("return window.innerWidth");
				Number content = (Number) script("return document.documentElement.scrollWidth");
				assertThat(inner.intValue()).as("the window is a phone's width").isLessThanOrEqualTo(PHONE);
				if (content.intValue() > inner.intValue()) {
					problems.add(where + ": scrolls sideways (" + content + " px content in " + inner + " px)");
				}
			}
			screenshot("seiten-" + name + "-" + width);
		}
		browser.manage().window().setSize(new Dimension(1400, 1000));
	}

	// ---------------------------------------------------------------- what the pages show

	private String aSentInvitation() {
		String subject = "Einladung: Sondierungsgespräch Stadt Eisenach " + NEXT.incrementAndGet();
		String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nSUMMARY:" + subject + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
		String text = "Guten Tag,\n\nSie sind zu folgendem Termin eingeladen.\n\nAufgabe in der Tasklist öffnen:\n"
				+ "http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=beispiel\n";
		mailer.send(new Mail(List.of("sabine.krause@example.org"), subject, text, "<p>Sie sind eingeladen.</p>",
				ics.getBytes(StandardCharsets.UTF_8), "REQUEST"), "INVITATION_0", "eisenach", Instant.now(), text);
		return jdbc.sql("select id from koop_mail_log where subject = ?").param(subject).query(String.class).single();
	}

	/** A new Kommune whose collaboration waits at the agency's drafting task: the draft page is the editor. */
	private String aKommuneWhoseAgreementIsBeingDrafted() {
		String id = "erfurt-entwurf-" + NEXT.incrementAndGet();
		registration.register(new Municipality(id, "Stadt Erfurt", "TH"));
		ProcessInstance collaboration = collaborations.start(id, LocalDate.now().plusYears(2).toString(), "lena.vogt");
		engine.getRuntimeService().createProcessInstanceModification(collaboration.getId()).startBeforeActivity("call_agreement").execute();
		assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(id)
			.taskDefinitionKey(AgreementProcess.Elements.DRAFT).count()).isEqualTo(1);
		return id;
	}

	// ---------------------------------------------------------------- the browser

	private void logIn(String user, String password) {
		browser.manage().deleteAllCookies();
		open("/camunda/app/tasklist/default/");
		waitFor(By.cssSelector("input[ng-model='username']")).sendKeys(user);
		browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(password);
		browser.findElement(By.xpath("//button[normalize-space()='Anmelden']")).click();
		new WebDriverWait(browser, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
	}

	/** Presses Tab until the field has the focus (as a keyboard user does), at most 40 times. */
	private void tabTo(String fieldId) {
		for (int i = 0; i < 40; i++) {
			keys(Keys.TAB);
			if (fieldId.equals(browser.switchTo().activeElement().getDomAttribute("id"))) {
				return;
			}
		}
		throw new AssertionError("Tab never reached #" + fieldId);
	}

	private void keys(CharSequence... keys) {
		for (CharSequence key : keys) {
			browser.switchTo().activeElement().sendKeys(key);
		}
	}

	private void open(String path) {
		browser.get("http://localhost:" + port + path);
	}

	private Object script(String script) {
		return ((JavascriptExecutor) browser).executeScript(script);
	}

	private WebElement waitFor(By by) {
		return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	private void waitForText(String text) {
		try {
			new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
				.until(driver -> driver.findElement(By.tagName("body")).getText().contains(text));
		}
		catch (org.openqa.selenium.TimeoutException e) {
			screenshot("fehler-seite");
			throw new AssertionError("'" + text + "' did not appear; the page shows: " + browser.findElement(By.tagName("body")).getText(), e);
		}
	}

	private void screenshot(String name) {
		try {
			File shot = browser.getScreenshotAs(OutputType.FILE);
			Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

}
