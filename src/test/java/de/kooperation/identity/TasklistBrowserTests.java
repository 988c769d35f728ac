package de.kooperation.identity;

import static de.kooperation.collaboration.CollaborationProcess.Elements.ACKNOWLEDGE_RECOMMENDATIONS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import de.kooperation.DemoAppTest;
import de.kooperation.agreement.AgreementProcess;
import de.kooperation.collaboration.CollaborationProcess;

/**
 * The real Tasklist in a real browser (Debian's headless Chromium): a Kommune user logs in,
 * sees the German UI and only the own Kommune's task, opens it, fills the Camunda Form and
 * completes it, and the process moves on; a user of another Kommune does not see that task; text
 * with an HTML/script payload is shown literally and never runs. Screenshots go to
 * target/screenshots/.
 *
 * <p>Skipped only when Chromium or its driver is not installed ({@code .ci/run} installs both);
 * if they are there but fail, the test fails.
 */
@DemoAppTest
class TasklistBrowserTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	/** Generous: a loaded CI machine needs a while for the first page of an Angular app. */
	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final String PAYLOAD = "<img src=x onerror=alert(1)><script>alert(2)</script>";

	private static final String FORM_CHECKBOX = "Handlungsempfehlungen zur Kenntnis genommen";

	private static ChromeDriver browser;

	private static Path profile;

	@LocalServerPort
	int port;

	@Autowired
	ProcessEngine engine;

	@Autowired
	TaskFilters filters;

	@BeforeAll
	static void startChromium() throws IOException {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Chromium oder chromedriver fehlt (Debian: apt-get install chromium chromium-driver; .ci/run installiert beide)");
		profile = Files.createTempDirectory("kooperation-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--lang=de-DE",
				"--window-size=1400,1000", "--user-data-dir=" + profile.toAbsolutePath());
		// an alert must stay open so the test can see it
		options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
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
	void restAndWebappsServeThisContextsEngine() {
		ProcessEngines.registerProcessEngine(engine);
	}

	@Test
	void aKommuneUserCompletesItsTaskInTasklistAnotherKommuneDoesNotSeeItAndAScriptPayloadStaysText() {
		Task task = nienburgTaskWithPayload();
		String taskUrl = "/camunda/app/tasklist/default/#/?filter=" + filters.idOf(TaskFilters.GROUP_TASKS) + "&task=" + task.getId();

		// another Kommune's user: neither in the list nor behind the direct link
		logIn(DemoScript.EISENACH.contact().id());
		open(taskUrl);
		// the direct link is refused, the list shows Eisenach's own tasks only
		waitForText("Die Aufgabe existiert nicht mehr");
		waitForText(openTaskNames("eisenach").get(0));
		screenshot("01-eisenach-sieht-nienburgs-aufgabe-nicht");
		assertThat(bodyText()).doesNotContain(PAYLOAD, FORM_CHECKBOX);
		assertThat(onlyOf("nienburg", "eisenach")).noneMatch(bodyText()::contains);
		assertNoScriptRan();
		logOut();

		// the Kommune's own user
		logIn(DemoScript.NIENBURG.contact().id());
		open(taskUrl);
		waitForText(FORM_CHECKBOX);
		screenshot("02-nienburg-aufgabe-geoeffnet");
		String page = bodyText();
		assertThat(page).contains(TaskFilters.GROUP_TASKS, TaskFilters.MY_TASKS, "Prozess starten", "Fällig", "Erstellung");
		assertThat(onlyOf("eisenach", "nienburg")).as("no task only Eisenach has").noneMatch(page::contains);
		assertThat(onlyOf("worms", "nienburg")).as("no task only Worms has").noneMatch(page::contains);
		assertThat(page).as("the payload in the task name is text").contains(PAYLOAD);
		assertThat(textarea().getDomProperty("value")).as("the payload in the form is text").isEqualTo(PAYLOAD);
		assertThat(browser.findElements(By.cssSelector("img[src='x']"))).as("no injected image element").isEmpty();
		assertNoScriptRan();

		click(By.cssSelector("button.claim"));
		// Tasklist then lists the task as hers and closes its detail; she opens it again
		new WebDriverWait(browser, WAIT).until(driver -> DemoScript.NIENBURG.contact().id()
			.equals(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee()));
		open(taskUrl);
		waitFor(By.xpath("//button[normalize-space()='Abschließen' and not(@disabled)]"));
		textarea().sendKeys(" – gelesen");
		WebElement acknowledged = waitFor(By.cssSelector("input[type='checkbox']"));
		new WebDriverWait(browser, WAIT).until(driver -> {
			if (!acknowledged.isSelected()) {
				acknowledged.click();
			}
			return acknowledged.isSelected();
		});
		screenshot("03-nienburg-formular-ausgefuellt");
		click(By.xpath("//button[normalize-space()='Abschließen']"));

		waitUntilCompleted(task);
		screenshot("04-nienburg-abgeschlossen");
		assertNoScriptRan();
		ProcessInstance collaboration = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
			.singleResult();
		assertThat(engine.getRuntimeService().getVariable(collaboration.getId(), "recommendationsAcknowledged")).isEqualTo(true);
		assertThat(engine.getRuntimeService().getVariable(collaboration.getId(), "recommendationsComments")).isEqualTo(PAYLOAD + " – gelesen");
		FlowNode acknowledge = engine.getRepositoryService().getBpmnModelInstance(task.getProcessDefinitionId())
			.getModelElementById(ACKNOWLEDGE_RECOMMENDATIONS);
		List<String> next = acknowledge.getSucceedingNodes().list().stream().map(FlowNode::getId).toList();
		assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(collaboration.getId()).list())
			.as("the process moved on to %s", next)
			.anyMatch(activity -> next.contains(activity.getActivityId()) && !activity.getStartTime().before(completedAt(task)));
		logOut();
	}

	@Test
	void aFirstReviewRoundShowsNoEmptyReworkNotes_theSecondShowsThem() {
		// the Kommune's review of a draft in its first round: nobody has reworked it yet
		ProcessInstance agreement = engine.getRuntimeService().createProcessInstanceByKey(AgreementProcess.KEY)
			.businessKey("nienburg")
			.startBeforeActivity(AgreementProcess.Elements.REVIEW)
			.setVariable(CollaborationProcess.Vars.MUNICIPALITY_GROUP, PartyGroups.municipalityContacts("nienburg"))
			.setVariable(CollaborationProcess.Vars.MUNICIPALITY_ID, "nienburg")
			.setVariable(CollaborationProcess.Vars.MUNICIPALITY_NAME, "Landkreis Nienburg/Weser")
			.setVariable(AgreementProcess.Vars.AGREEMENT_GOALS, "Bildungsmonitoring aufbauen")
			.execute();
		try {
			Task task = engine.getTaskService().createTaskQuery().processInstanceId(agreement.getId()).singleResult();
			String taskUrl = "/camunda/app/tasklist/default/#/?filter=" + filters.idOf(TaskFilters.GROUP_TASKS) + "&task=" + task.getId();
			logIn(DemoScript.NIENBURG.contact().id());
			open(taskUrl);
			waitForText("Bildungsmonitoring aufbauen");
			screenshot("05-nienburg-erste-pruefrunde");
			assertThat(bodyText()).contains("Ziele der Kommune").doesNotContain("Zuletzt überarbeitet", "Hinweise der Transferagentur");

			// the second round: the agency reworked the draft and said what it changed
			engine.getRuntimeService().setVariable(agreement.getId(), AgreementProcess.Vars.AGREEMENT_REWORK_NOTES,
					"Meilenstein Diskurs ergänzt");
			open("/camunda/app/tasklist/default/#/");
			open(taskUrl);
			waitForText("Zuletzt überarbeitet: Meilenstein Diskurs ergänzt");
			assertThat(bodyText()).doesNotContain("Hinweise der Transferagentur");
			logOut();
		}
		finally {
			engine.getRuntimeService().deleteProcessInstance(agreement.getId(), "Test beendet");
		}
	}

	// ---------------------------------------------------------------- the test's task

	/** A task for Nienburg's contacts whose name and pre-filled comment carry an HTML/script payload. */
	private Task nienburgTaskWithPayload() {
		ProcessInstance collaboration = engine.getRuntimeService().createProcessInstanceQuery()
			.processDefinitionKey(CollaborationProcess.KEY).processInstanceBusinessKey("nienburg").singleResult();
		engine.getRuntimeService().createProcessInstanceModification(collaboration.getId())
			.startBeforeActivity(ACKNOWLEDGE_RECOMMENDATIONS)
			.setVariable("recommendationsComments", PAYLOAD)
			.execute();
		Task task = engine.getTaskService().createTaskQuery().processInstanceId(collaboration.getId())
			.taskDefinitionKey(ACKNOWLEDGE_RECOMMENDATIONS).taskUnassigned().orderByTaskCreateTime().desc().list().get(0);
		// a name as a Kommune could type it (interview tasks carry the names the Kommune listed)
		task.setName(task.getName() + " " + PAYLOAD);
		engine.getTaskService().saveTask(task);
		return task;
	}

	/** Names of the open tasks offered to the Kommune's contacts. */
	private List<String> openTaskNames(String municipalityId) {
		return engine.getTaskService().createTaskQuery().taskCandidateGroup(PartyGroups.municipalityContacts(municipalityId))
			.includeAssignedTasks().list().stream().map(Task::getName).distinct().toList();
	}

	/** Names of the tasks one Kommune has open and the other has not. */
	private List<String> onlyOf(String municipalityId, String other) {
		List<String> others = openTaskNames(other);
		return openTaskNames(municipalityId).stream().filter(name -> !others.contains(name)).toList();
	}

	private java.util.Date completedAt(Task task) {
		return engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult().getEndTime();
	}

	private void waitUntilCompleted(Task task) {
		new WebDriverWait(browser, WAIT).until(
				driver -> engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(task.getId()).finished().count() == 1);
	}

	// ---------------------------------------------------------------- the browser

	private void logIn(String user) {
		open("/camunda/app/tasklist/default/");
		waitFor(By.cssSelector("input[ng-model='username']")).sendKeys(user);
		browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(DemoScript.PASSWORD);
		assertThat(bodyText()).as("German login page").contains("Anmelden", "Datum und Uhrzeit werden mit der lokalen Zeitzone");
		click(By.xpath("//button[normalize-space()='Anmelden']"));
		waitForText(TaskFilters.GROUP_TASKS);
	}

	/** Leaves the app (a fresh page load afterwards, not just a new hash) and forgets the session. */
	private void logOut() {
		browser.manage().deleteAllCookies();
		browser.get("about:blank");
	}

	private void open(String path) {
		browser.get("http://localhost:" + port + path);
	}

	private WebElement waitFor(By by) {
		try {
			return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
		}
		catch (org.openqa.selenium.TimeoutException e) {
			screenshot("fehler-element");
			throw new AssertionError(by + " did not appear; the page shows: " + bodyText(), e);
		}
	}

	private void waitForText(String text) {
		try {
			new WebDriverWait(browser, WAIT).until(driver -> bodyText().contains(text));
		}
		catch (org.openqa.selenium.TimeoutException e) {
			screenshot("fehler-" + text.replaceAll("[^A-Za-z]", "_"));
			throw new AssertionError("'" + text + "' did not appear; the page shows: " + bodyText(), e);
		}
	}

	private void click(By by) {
		new WebDriverWait(browser, WAIT).until(ExpectedConditions.elementToBeClickable(by)).click();
	}

	private WebElement textarea() {
		return waitFor(By.cssSelector("textarea"));
	}

	private String bodyText() {
		return browser.findElement(By.tagName("body")).getText();
	}

	private void assertNoScriptRan() {
		try {
			String text = browser.switchTo().alert().getText();
			throw new AssertionError("a script ran and opened an alert: " + text);
		}
		catch (NoAlertPresentException expected) {
			// nothing ran
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
