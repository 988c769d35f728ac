package de.kooperation.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import de.kooperation.DemoAppTest;
import de.kooperation.shared.BaselineAnalysisProcess;
import de.kooperation.shared.CollaborationProcess;
import de.kooperation.demo.DemoScript;
import de.kooperation.shared.PartyGroups;

/**
 * Tasklist as a Kommune's people and a transfer manager meet it (issue 9), in real headless
 * Chromium: they open on a list that holds their work, with counts and the Kommune's name; they
 * are offered only what they may do; the form's own checks and its date picker are German; a
 * refusal of the server shows only its German sentence and is gone once the task is completed;
 * every refused or unknown page is German with a way back. No screen shows English or technical
 * text. Screenshots go to target/screenshots/.
 */
@DemoAppTest
class TasklistGuidanceBrowserTests {

	private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	@RegisterExtension
	static final HeadlessChromium browser = HeadlessChromium.perTestClass();

	static final TasklistPage tasklist = new TasklistPage(browser);

	@Autowired
	ProcessEngine engine;

	@AfterEach
	void logOut() {
		browser.logOut();
	}

	@Test
	void aKommuneUserOpensOnTheirOpenWorkWithCountsTheKommuneAndNothingTheyMayNotUse() {
		Task task = eisenachTask(BaselineAnalysisProcess.Elements.SELECT_EXPERTS);
		// due in about two months: "Fällig in 2 Monaten", and the date itself as TT.MM.JJJJ
		LocalDate due = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(70);
		task.setDueDate(java.util.Date.from(due.atTime(23, 59).atZone(ZoneId.of("Europe/Berlin")).toInstant()));
		engine.getTaskService().saveTask(task);
		String sabine = DemoScript.EISENACH.contact().id();

		browser.logIn(sabine);
		// the first filter is open: the user's work, counted
		browser.waitUntil("the task in the list", driver -> browser.bodyText().contains(task.getName()));
		WebElement active = browser.waitFor(By.cssSelector(".task-filters .item.active"));
		assertThat(active.getText()).startsWith(TaskFilters.OPEN_WORK);
		browser.waitUntil("the count of the open filter",
				driver -> browser.visible(By.cssSelector(".task-filters .item.active .counter")).stream()
					.anyMatch(counter -> counter.getText().matches("\\d+")));
		int listed = browser.visible(By.cssSelector(".tasks-list li.task")).size();
		assertThat(Integer.parseInt(active.findElement(By.cssSelector(".counter")).getText())).isEqualTo(listed).isPositive();
		// the other filters show their counts too
		browser.waitUntil("counts beside the other filters",
				driver -> browser.visible(By.cssSelector(".task-filters .item .koop-count")).size() >= 2);
		assertThat(browser.visible(By.cssSelector(".task-filters .item .koop-count")))
			.allMatch(count -> count.getText().matches("\\(\\d+\\)"));
		// every task names its Kommune
		browser.waitUntil("the Kommune on every task",
				driver -> browser.visible(By.cssSelector(".tasks-list .koop-kommune")).size() == listed);
		assertThat(browser.visible(By.cssSelector(".tasks-list .koop-kommune")))
			.allMatch(kommune -> kommune.getText().equals("Stadt Eisenach"));
		browser.waitForText("Fällig in 2 Monaten");
		assertThat(browser.elements(By.cssSelector(".tasks-list .due-date [uib-tooltip]")))
			.anyMatch(date -> date.getDomAttribute("uib-tooltip")
				.endsWith(due.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")) + " 23:59"));
		browser.screenshot("10-kommune-tasklist-beim-oeffnen");
		assertThat(browser.bodyText()).doesNotContain("Aufgabe erstellen", "Prozess starten", "Cockpit");
		browser.assertNothingTechnicalShown("Tasklist after log-in");

		// the task: its collaboration page, the note to take it over first, no action that fails
		tasklist.openTask(task);
		WebElement collaboration = browser.waitFor(By.cssSelector(".koop-collaboration-link"));
		browser.waitUntil("the link to the collaboration", driver -> !collaboration.getText().isBlank());
		assertThat(collaboration.getText()).isEqualTo("Kooperation Stadt Eisenach");
		assertThat(collaboration.getDomAttribute("href")).isEqualTo("/kooperationen/eisenach");
		browser.waitForText("übernehmen Sie die Aufgabe");
		// no history and no diagram to show a Kommune: no tabs for them
		browser.waitUntil("only the tabs she can use", driver -> tabs().equals(List.of("Formular", "Beschreibung")));
		browser.screenshot("11-kommune-aufgabe-geoeffnet");
		String page = browser.bodyText();
		assertThat(page).doesNotContain("Kommentar hinzufügen", "Wiedervorlagedatum", "Fälligkeitsdatum festlegen");
		assertThat(browser.visible(By.cssSelector(
				".createCommentLink, .reset-due-date, .followup-date, .instance-link, li.create-task-action, li.start-process-action")))
			.isEmpty();
		browser.assertNothingTechnicalShown("the open task");

		browser.open(collaboration.getDomAttribute("href"));
		browser.waitForText("Stadt Eisenach");
		browser.assertNothingTechnicalShown("the collaboration page");
	}

	@Test
	void theFormsOwnChecksSayInGermanWhatToTypeAndTheDatePickerIsGerman() {
		Task task = eisenachCollaborationTask(CollaborationProcess.Elements.CHOOSE_DISCOURSE_FORMATS);
		browser.logIn(DemoScript.EISENACH.executive().id());
		tasklist.takeOver(task);

		WebElement formats = browser.waitFor(By.cssSelector("textarea"));
		formats.sendKeys("Fachtag");
		browser.clear(formats);
		WebElement time = field("Uhrzeit");
		time.sendKeys("9 Uhr");
		formats.click();
		browser.waitForText("Bitte füllen Sie dieses Feld aus.");
		browser.waitForText("Bitte die Uhrzeit als hh:mm angeben, z. B. 09:30");
		browser.clear(time);
		time.sendKeys("09:3000");
		formats.click();
		browser.waitForText("Höchstens 5 Zeichen.");
		assertThat(browser.bodyText()).doesNotContain("SS:MM", "must", "required");

		WebElement date = browser.waitFor(By.cssSelector(".fjs-datepicker input"));
		assertThat(date.getDomAttribute("placeholder")).isEqualTo("TT.MM.JJJJ");
		date.click();
		WebElement calendar = browser.waitFor(By.cssSelector(".flatpickr-calendar.open"));
		List<String> weekdays = calendar.findElements(By.cssSelector(".flatpickr-weekday")).stream()
			.map(day -> day.getText().trim()).filter(day -> !day.isEmpty()).toList();
		assertThat(weekdays).startsWith("Mo", "Di").endsWith("So");
		String month = LocalDate.now(ZoneId.of("Europe/Berlin")).getMonth().getDisplayName(TextStyle.FULL, Locale.GERMAN);
		assertThat(calendar.getText()).contains(month);
		browser.screenshot("12-formular-pruefungen-und-kalender");
		browser.assertNothingTechnicalShown("the form with its checks");
	}

	@Test
	void aRefusalOfTheServerShowsOnlyItsGermanSentenceAndIsGoneOnceTheTaskIsCompleted() {
		Task task = eisenachTask(BaselineAnalysisProcess.Elements.SELECT_EXPERTS);
		browser.logIn(DemoScript.EISENACH.contact().id());
		tasklist.takeOver(task);

		// one row per person; a second row naming the first person again passes the form's own checks, not the server's
		browser.waitUntil("the list's first row", driver -> !tasklist.rows().isEmpty());
		tasklist.typeInRow(1, 0, "Anna Schulz");
		tasklist.typeInRow(1, 1, "Leiterin Schulverwaltungsamt");
		String first = "Anna Schulz";
		tasklist.addRow();
		int last = tasklist.rows().size();
		tasklist.typeInRow(last, 0, first.toLowerCase(java.util.Locale.GERMAN));
		tasklist.typeInRow(last, 1, "Stellvertretung");
		tasklist.clickComplete();
		browser.waitForText("steht schon in Zeile 1");
		String refusal = browser.waitFor(By.cssSelector(".notifications .alert-danger")).getText();
		browser.screenshot("13-ablehnung-des-servers");
		assertThat(refusal).contains("Zeile " + last + " („" + first.toLowerCase(java.util.Locale.GERMAN) + "“)");
		assertThat(UUID.matcher(refusal).find()).as("no id in: %s", refusal).isFalse();
		browser.assertNothingTechnicalShown("the refused form");
		assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).as("still open").isEqualTo(1);

		browser.script("arguments[0].click();",
				browser.waitFor(By.cssSelector("button.fjs-repeat-row-remove[aria-label='Zeile " + last + " entfernen']")));
		browser.waitUntil("the repeated row to be gone", driver -> tasklist.rows().size() == last - 1);
		tasklist.clickComplete();
		tasklist.waitUntilCompleted(task);
		browser.waitUntil("the old refusal to go", driver -> tasklist.refusals().isEmpty());
		browser.screenshot("14-nach-dem-abschliessen");
	}

	@Test
	void aRefusalGoesWhenTheUserOpensAnotherTask_itWasAboutTheTaskBefore() {
		Task task = eisenachTask(BaselineAnalysisProcess.Elements.SELECT_EXPERTS);
		browser.logIn(DemoScript.EISENACH.contact().id());
		tasklist.takeOver(task);
		browser.waitUntil("the list's first row", driver -> !tasklist.rows().isEmpty());
		tasklist.typeInRow(1, 0, "Anna Schulz");
		tasklist.typeInRow(1, 1, "Leiterin Schulverwaltungsamt");
		tasklist.addRow();
		tasklist.typeInRow(tasklist.rows().size(), 0, "Anna Schulz");
		tasklist.typeInRow(tasklist.rows().size(), 1, "Stellvertretung");
		tasklist.clickComplete();
		browser.waitForText("steht schon in Zeile 1");

		WebElement other = browser.waitFor(By.xpath("//li[contains(@class,'task')]//a[contains(@href,'task=') and not(contains(@href,'"
				+ task.getId() + "'))]"));
		browser.script("arguments[0].click();", other);
		browser.waitUntil("another task to open", driver -> !driver.getCurrentUrl().contains(task.getId()));
		browser.waitUntil("the refusal about the task before to go", driver -> tasklist.refusals().isEmpty());
		browser.assertNothingTechnicalShown("another task after a refusal");
	}

	@Test
	void refusedAndUnknownPagesAreGermanWithAWayBackToTasklist() {
		browser.logIn(DemoScript.EISENACH.contact().id());
		for (String path : List.of("/camunda/app/cockpit/default/", "/camunda/app/admin/default/",
				"/camunda/app/cockpit/default/#/process-instance/1")) {
			browser.open(path);
			browser.waitForText("Kein Zugriff");
			browser.assertNothingTechnicalShown(path);
		}
		browser.screenshot("15-kein-zugriff");
		browser.open("/gibt-es-nicht");
		browser.waitForText("Seite nicht gefunden");
		browser.assertNothingTechnicalShown("an unknown page");
		browser.click(By.linkText("Zur Tasklist"));
		browser.waitForText(TaskFilters.OPEN_WORK);
	}

	@Test
	void fromTasklistAKommuneUserReachesHerNotificationSettings() {
		browser.logIn(DemoScript.EISENACH.contact().id());
		browser.click(By.linkText("Benachrichtigungen"));
		browser.waitForText("Wie möchten Sie erinnert werden?");
		browser.screenshot("18-benachrichtigungen-aus-der-tasklist");
		browser.assertNothingTechnicalShown("the notification settings");
		browser.logOut();
	}

	@Test
	void aTransferManagerNarrowsToTheirKommunenAndIsOfferedStartButNoCockpit() {
		String lena = DemoScript.TRANSFER_MANAGER_LENA.id();
		List<String> others = openAgencyTasksOfOtherTransferManagers(lena);
		browser.logIn(lena);
		browser.waitForText("Prozess starten");
		browser.click(By.xpath("//div[contains(@class,'item')]//a[contains(normalize-space(),'" + TaskFilters.MY_MUNICIPALITIES + "')]"));
		browser.waitUntil("the filter to open", driver -> browser.visible(By.cssSelector(".task-filters .item.active")).stream()
			.anyMatch(item -> item.getText().startsWith(TaskFilters.MY_MUNICIPALITIES)));
		// Lena's demo Kommunen, and none of Jonas' (other tests of the shared application add Kommunen of hers); waited
		// for, because the list of the filter shown before stays until Tasklist has loaded the new one
		browser.waitUntil("the list of her Kommunen only", driver -> {
			List<String> shown = browser.visible(By.cssSelector(".tasks-list .koop-kommune")).stream().map(WebElement::getText).toList();
			return browser.visible(By.cssSelector(".tasks-list li.task")).size() == shown.size() && shown.contains("Stadt Eisenach")
					&& !shown.contains("Landkreis Nienburg/Weser");
		});
		browser.screenshot("16-transfermanagerin-meine-kommunen");
		String list = browser.bodyText();
		assertThat(others).as("no task of another transfer manager's Kommune").noneMatch(list::contains);
		browser.click(By.cssSelector(".tasks-list li.task h4 a"));
		browser.waitFor(By.cssSelector(".koop-collaboration-link"));
		assertThat(browser.visible(By.cssSelector(".instance-link"))).as("no link into Cockpit").isEmpty();
		browser.waitUntil("the diagram tab for the agency", driver -> tabs().contains("Diagramm"));
		browser.assertNothingTechnicalShown("the transfer manager's Tasklist");

		browser.open("/camunda/app/cockpit/default/");
		browser.waitForText("Kein Zugriff");
		browser.assertNothingTechnicalShown("Cockpit for a transfer manager");
	}

	@Test
	void aTaskAColleagueHasTakenOverSaysWhoHasIt() {
		Task task = eisenachCollaborationTask(CollaborationProcess.Elements.SUPPORT_CONCRETISATION);
		engine.getTaskService().claim(task.getId(), DemoScript.TRANSFER_MANAGER_JONAS.id());
		browser.logIn(DemoScript.TRANSFER_MANAGER_LENA.id());
		tasklist.openTask(task);
		browser.waitForText("Diese Aufgabe bearbeitet gerade " + DemoScript.TRANSFER_MANAGER_JONAS.id());
		assertThat(browser.bodyText()).doesNotContain("übernehmen Sie die Aufgabe");
		browser.assertNothingTechnicalShown("a colleague's task");
	}

	@Test
	void aStartFormRefusedByTheServerShowsOnlyItsGermanSentence() {
		long collaborations = engine.getRuntimeService().createProcessInstanceQuery()
			.processDefinitionKey(CollaborationProcess.KEY).count();
		browser.logIn(DemoScript.TRANSFER_MANAGER_LENA.id());
		browser.click(By.cssSelector("li.start-process-action a"));
		browser.click(By.xpath("//a[contains(normalize-space(), 'Kooperation Transferagentur')]"));
		WebElement kommune = field("Kennung der Kommune");
		kommune.sendKeys("Eisenach!");
		field("Zuständige").click();
		browser.waitForText("Bitte nur Kleinbuchstaben ohne Umlaute, Ziffern und Bindestriche angeben");
		browser.clear(kommune);
		// Eisenach has its collaboration: the server refuses a second one
		kommune.sendKeys("eisenach");
		WebElement fundingEnd = browser.waitFor(By.cssSelector(".fjs-datepicker input"));
		fundingEnd.sendKeys("31.12.2029", Keys.ENTER);
		browser.click(By.xpath("//button[normalize-space()='Start']"));
		browser.waitForText("läuft bereits eine Kooperation");
		String refusal = browser.waitFor(By.cssSelector(".notifications .alert-danger")).getText();
		browser.screenshot("17-startformular-abgelehnt");
		assertThat(refusal).contains("Für Stadt Eisenach läuft bereits eine Kooperation");
		assertThat(UUID.matcher(refusal).find()).as("no id in: %s", refusal).isFalse();
		browser.assertNothingTechnicalShown("the refused start form");
		assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CollaborationProcess.KEY).count())
			.isEqualTo(collaborations);
	}

	// ---------------------------------------------------------------- tasks of the test

	/** A fresh task of Eisenach's baseline analysis (offered to its contacts, nobody has taken it). */
	private Task eisenachTask(String activityId) {
		ProcessInstance analysis = engine.getRuntimeService().createProcessInstanceQuery()
			.processDefinitionKey(BaselineAnalysisProcess.KEY)
			.variableValueEquals(CollaborationProcess.Vars.MUNICIPALITY_ID, "eisenach")
			.list().get(0);
		return startBefore(analysis, activityId);
	}

	/** A fresh task of Eisenach's collaboration. */
	private Task eisenachCollaborationTask(String activityId) {
		ProcessInstance collaboration = engine.getRuntimeService().createProcessInstanceQuery()
			.processDefinitionKey(CollaborationProcess.KEY).processInstanceBusinessKey("eisenach").singleResult();
		return startBefore(collaboration, activityId);
	}

	private Task startBefore(ProcessInstance instance, String activityId) {
		engine.getRuntimeService().createProcessInstanceModification(instance.getId()).startBeforeActivity(activityId).execute();
		return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activityId)
			.taskUnassigned().orderByTaskCreateTime().desc().list().get(0);
	}

	/** Names of open agency tasks of Kommunen another transfer manager looks after. */
	private List<String> openAgencyTasksOfOtherTransferManagers(String transferManager) {
		return engine.getTaskService().createTaskQuery().taskCandidateGroup(PartyGroups.AGENCY_TEAM).includeAssignedTasks().list()
			.stream()
			.filter(task -> !Objects.equals(transferManager,
					engine.getTaskService().getVariable(task.getId(), CollaborationProcess.Vars.TRANSFER_MANAGER)))
			.map(Task::getName)
			.filter(name -> engine.getTaskService().createTaskQuery().taskCandidateGroup(PartyGroups.AGENCY_TEAM)
				.processVariableValueEquals(CollaborationProcess.Vars.TRANSFER_MANAGER, transferManager).taskName(name).count() == 0)
			.distinct()
			.toList();
	}

	// ---------------------------------------------------------------- the browser

	/** The task's detail tabs the user sees. */
	private List<String> tabs() {
		return browser.visible(By.cssSelector(".task-details .nav-tabs > li")).stream().map(tab -> tab.getText().trim()).toList();
	}

	/** The form field under the label that starts with the text. */
	private WebElement field(String label) {
		return browser.waitFor(By.xpath("//label[starts-with(normalize-space(), '" + label + "')]/following::input[1]"));
	}

}
