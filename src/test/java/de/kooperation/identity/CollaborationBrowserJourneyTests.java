package de.kooperation.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import de.kooperation.DemoAppTest;
import de.kooperation.shared.AgreementProcess;
import de.kooperation.shared.RevisionProcess;
import de.kooperation.shared.BaselineAnalysisProcess;
import de.kooperation.shared.CollaborationProcess;
import de.kooperation.shared.ImplementationProcess;
import de.kooperation.reminder.EmbeddedMailServer;
import de.kooperation.demo.DemoScript;

/**
 * One collaboration from its start to the implementation, walked in real headless Chromium by
 * the people whose work each step is (issue 9, "how it is shown"): the agency registers a new
 * Kommune, its two people choose their passwords from the welcome mail, the transfer manager
 * starts the collaboration on Tasklist's start form, and then every task of the agreement, the
 * Sondierung, the baseline analysis (one expert, one interview), the discourse, the concretisation
 * and the revision is taken over and completed in Tasklist by its user, until the implementation
 * offers its first task. Nothing moves the process but the browser; the test only reads the
 * engine (which task to open, as a reminder mail's link would, and whether it was completed).
 *
 * <p>On every screen: nothing English or technical (issue 9's list, and no id in a message), a
 * link from every task to its collaboration page. The app's own pages met on the way pass
 * axe-core (WCAG 2.1 A/AA). On the way the refusals a user meets: a server refusal shown as its
 * German sentence and gone after the fix, the form's own German checks and date picker, a
 * Kommune's Tasklist with her work and counts and nothing she may not use, Cockpit refused with a
 * way back, the signer's goals, milestones and PDF. Screenshots: target/screenshots/reise-*.png.
 *
 * <p>Time: the implementation's first review meeting is due six months after it begins (a timer).
 * No user can bring that forward, so, as the process tests do, the test moves the engine clock
 * ({@link ClockUtil}) past it and runs the due timer job in this JVM (the test profile has no job
 * executor); the clock is reset afterwards.
 */
@DemoAppTest
class CollaborationBrowserJourneyTests {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private static final String KOMMUNE = "gotha";

	private static final String KOMMUNE_NAME = "Stadt Gotha";

	private static final String CONTACT = "heike.sommer";

	private static final String EXECUTIVE = "bernd.albrecht";

	/** What the Kommune's two people choose on the password page. */
	private static final String THEIR_PASSWORD = "Bildung-Gotha-2027!";

	private static final String TRANSFER_MANAGER = DemoScript.TRANSFER_MANAGER_LENA.id();

	private static final String PROJECT_LEAD = DemoScript.PROJECT_LEAD.id();

	private static final String GOAL = "Datenbasiertes Bildungsmonitoring aufbauen";

	private static final String MILESTONE = "Erster Bildungsbericht vorgelegt";

	private static final String EXPERT = "Carla Berg";

	@RegisterExtension
	static final HeadlessChromium browser = HeadlessChromium.perTestClass();

	static final TasklistPage tasklist = new TasklistPage(browser);

	@Autowired
	ProcessEngine engine;

	@Autowired
	EmbeddedMailServer mailServer;

	private final LocalDate today = LocalDate.now(BERLIN);

	private final List<String> accessibility = new ArrayList<>();

	private int screens;

	@Test
	void aCollaborationGoesFromTheStartFormToTheImplementation_eachStepInTheBrowserByTheUserWhoseRoleItIs() throws Exception {
		try {
			walkTheJourney();
		}
		finally {
			ClockUtil.reset();
		}
	}

	private void walkTheJourney() throws Exception {
		// the agency registers the Kommune; its people choose their passwords from the welcome mail
		registerKommune();
		choosePassword(CONTACT);
		choosePassword(EXECUTIVE);

		// the transfer manager starts the collaboration on Tasklist's start form
		startCollaboration();
		introductoryTalks(takeOver(CollaborationProcess.Elements.INTRODUCTORY_TALKS));

		// Zielvereinbarung: a draft without a goal is refused; the goals go in on the app's page
		Task draft = takeOver(AgreementProcess.Elements.DRAFT);
		draftAgreement();
		tasklist.clickComplete();
		refusedWith("Die Zielvereinbarung enthält noch kein Ziel");
		enterGoalsAndMilestones();
		open(draft);
		draftAgreement();
		complete(draft);

		as(CONTACT);
		kommuneOpensOnHerWorkWithCountsAndNothingSheMayNotUse();
		requestChanges(takeOver(AgreementProcess.Elements.REVIEW));
		as(TRANSFER_MANAGER);
		reviseDraft(takeOver(AgreementProcess.Elements.REVISE));
		as(CONTACT);
		acceptDraft(takeOver(AgreementProcess.Elements.REVIEW));

		as(PROJECT_LEAD);
		signAsAgency(takeOver(AgreementProcess.Elements.SIGN_AGENCY), "agreementAgency");
		as(EXECUTIVE);
		signAsKommune(takeOver(AgreementProcess.Elements.SIGN_MUNICIPALITY), "agreementMunicipality");

		// Sondierung
		as(TRANSFER_MANAGER);
		scheduleExploratoryMeeting(takeOver(CollaborationProcess.Elements.SCHEDULE_EXPLORATORY_MEETING));
		holdExploratoryMeeting(takeOver(CollaborationProcess.Elements.EXPLORATORY_MEETING));

		// Bedarfsanalyse: one expert, one interview
		proposeExperts(takeOver(BaselineAnalysisProcess.Elements.PROPOSE_EXPERTS));
		as(CONTACT);
		handOverDocuments(takeOver(BaselineAnalysisProcess.Elements.HAND_OVER_DOCUMENTS));
		selectExperts(takeOver(BaselineAnalysisProcess.Elements.SELECT_EXPERTS));
		scheduleInterviews(takeOver(BaselineAnalysisProcess.Elements.SCHEDULE_INTERVIEWS));
		as(TRANSFER_MANAGER);
		prepareInterviewGuide(takeOver(BaselineAnalysisProcess.Elements.PREPARE_INTERVIEW_GUIDE));
		analyseDocuments(takeOver(BaselineAnalysisProcess.Elements.ANALYSE_DOCUMENTS));
		conductInterview(takeOver(BaselineAnalysisProcess.Elements.CONDUCT_INTERVIEW));
		assessPosition(takeOver(BaselineAnalysisProcess.Elements.ASSESS_POSITION));
		deriveRecommendations(takeOver(BaselineAnalysisProcess.Elements.DERIVE_RECOMMENDATIONS));
		writeResultReport(takeOver(BaselineAnalysisProcess.Elements.WRITE_RESULT_REPORT));
		as(CONTACT);
		receiveResultReport(takeOver(BaselineAnalysisProcess.Elements.RECEIVE_RESULT_REPORT));

		// Diskurs and Konkretisierung
		as(EXECUTIVE);
		chooseDiscourseFormats(takeOver(CollaborationProcess.Elements.CHOOSE_DISCOURSE_FORMATS));
		as(TRANSFER_MANAGER);
		holdDiscourse(takeOver(CollaborationProcess.Elements.HOLD_DISCOURSE));
		as(CONTACT);
		acknowledgeRecommendations(takeOver(CollaborationProcess.Elements.ACKNOWLEDGE_RECOMMENDATIONS));
		concretiseGoals(takeOver(CollaborationProcess.Elements.CONCRETISE_GOALS));
		as(TRANSFER_MANAGER);
		supportConcretisation(takeOver(CollaborationProcess.Elements.SUPPORT_CONCRETISATION));

		// Fortschreibung
		coordinateRevisionAsAgency(takeOver(RevisionProcess.Elements.COORDINATE_AGENCY));
		as(CONTACT);
		coordinateRevisionAsKommune(takeOver(RevisionProcess.Elements.COORDINATE_MUNICIPALITY));
		as(TRANSFER_MANAGER);
		draftRevision(takeOver(RevisionProcess.Elements.DRAFT));
		as(CONTACT);
		acceptRevision(takeOver(RevisionProcess.Elements.REVIEW));
		as(PROJECT_LEAD);
		signAsAgency(takeOver(RevisionProcess.Elements.SIGN_AGENCY), "revisionAgency");
		as(EXECUTIVE);
		signAsKommune(takeOver(RevisionProcess.Elements.SIGN_MUNICIPALITY), "revisionMunicipality");

		// Umsetzung: the collaboration page says so; half a year later the first review meeting is planned
		as(CONTACT);
		collaborationPageShowsTheImplementation();
		sixMonthsLater();
		planReviewMeeting(takeOver(ImplementationProcess.Elements.PLAN_REVIEW_MEETING));
		kommuneIsRefusedCockpitWithAWayBack();

		assertThat(accessibility).as("axe-core (WCAG 2.1 A/AA) on the app's own pages of the journey").isEmpty();
		assertThat(screens).as("screens checked for technical text").isGreaterThan(60);
	}

	// ---------------------------------------------------------------- before the process: the Kommune and its people

	private void registerKommune() {
		as(PROJECT_LEAD);
		browser.open("/kommunen/neu");
		browser.waitForText("Kommune registrieren");
		ownPage("kommune-registrieren");
		type(By.id("name"), KOMMUNE_NAME);
		type(By.id("id"), KOMMUNE);
		browser.waitFor(By.id("federalState")).sendKeys("Thü");
		type(By.id("contactFirstName"), "Heike");
		type(By.id("contactLastName"), "Sommer");
		type(By.id("contactEmail"), CONTACT + "@gotha.example.org");
		type(By.id("contactUserId"), CONTACT);
		type(By.id("executiveFirstName"), "Bernd");
		type(By.id("executiveLastName"), "Albrecht");
		type(By.id("executiveEmail"), EXECUTIVE + "@gotha.example.org");
		type(By.id("executiveUserId"), EXECUTIVE);
		browser.click(By.xpath("//button[normalize-space()='Kommune registrieren und E-Mails senden']"));
		browser.waitForText(KOMMUNE_NAME + " ist registriert");
		ownPage("kommune-registriert");
	}

	/** The user follows the link of the welcome mail and chooses a password. */
	private void choosePassword(String user) throws Exception {
		as(null);
		browser.open(WelcomeMails.passwordPath(mailServer.receivedBy(user + "@gotha.example.org"), user + "@gotha.example.org"));
		browser.waitForText("Passwort festlegen");
		ownPage("passwort-" + user);
		type(By.id("password"), THEIR_PASSWORD);
		browser.waitFor(By.id("repeated")).sendKeys(THEIR_PASSWORD, Keys.ENTER);
		browser.waitForText("Passwort gespeichert");
		ownPage("passwort-gespeichert");
	}

	private void startCollaboration() {
		as(TRANSFER_MANAGER);
		browser.click(By.cssSelector("li.start-process-action a"));
		browser.click(By.xpath("//a[contains(normalize-space(), 'Kooperation Transferagentur')]"));
		text("Kennung der Kommune", KOMMUNE);
		date("Förderende", today.plusYears(3));
		text("Zuständige", TRANSFER_MANAGER);
		screen("start");
		browser.click(By.xpath("//button[normalize-space()='Start']"));
		browser.waitUntil("the collaboration to start", driver -> engine.getRuntimeService().createProcessInstanceQuery()
			.processDefinitionKey(CollaborationProcess.KEY).processInstanceBusinessKey(KOMMUNE).count() == 1);
		screen("gestartet");
	}

	// ---------------------------------------------------------------- the forms, one method per task

	private void introductoryTalks(Task task) {
		date("Datum des Gesprächs", today);
		text("Erste Bedarfe", "Bildungsmonitoring fehlt, Ämter arbeiten nebeneinander.");
		tick("Die Kommune möchte eine Zielvereinbarung abschließen");
		complete(task);
	}

	/** The first draft's frame; the goals come from the list on the app's page. */
	private void draftAgreement() {
		text("Link zum Dokument", "https://ablage.example.org/gotha/zielvereinbarung.docx");
		date("Zeitrahmen der Zusammenarbeit: von", today);
		date("Zeitrahmen der Zusammenarbeit: bis", today.plusYears(3));
		text("Benannte Ansprechpartner/innen der Kommune", "Heike Sommer, Bildungsbüro");
		text("Benannte Ansprechpartner/innen der Transferagentur", "Lena Vogt");
	}

	/** The form's link leads to the app's page of goals and milestones. */
	private void enterGoalsAndMilestones() {
		browser.click(By.linkText("Ziele und Meilensteinplan bearbeiten"));
		browser.waitForText("Ziele und Meilensteinplan – " + KOMMUNE_NAME);
		ownPage("entwurf-leer");
		type(By.cssSelector("input[aria-label='Neu 1: Ziel']"), GOAL);
		browser.waitFor(By.cssSelector("select[aria-label='Neu 1: Priorität des Ziels']")).sendKeys("hoch");
		type(By.cssSelector("input[aria-label='Neu 1: Meilenstein']"), MILESTONE);
		type(By.cssSelector("input[aria-label='Neu 1: Zeitraum']"), "bis Ende " + today.plusYears(1).getYear());
		browser.click(By.xpath("//button[normalize-space()='Speichern']"));
		browser.waitUntil("the goal to be saved", driver -> browser.elements(By.cssSelector("input[name='goalTitle']")).stream()
			.anyMatch(field -> GOAL.equals(field.getDomProperty("value"))));
		ownPage("entwurf-mit-ziel");
	}

	private void requestChanges(Task task) {
		browser.waitForText(GOAL);
		browser.waitForText("Zeitrahmen: " + today.format(GERMAN) + " bis " + today.plusYears(3).format(GERMAN));
		tick("Änderungen gewünscht");
		text("Änderungswünsche", "Bitte einen Meilenstein für die Rückspiegelung ergänzen.");
		complete(task);
	}

	private void reviseDraft(Task task) {
		browser.waitForText("Bitte einen Meilenstein für die Rückspiegelung ergänzen.");
		text("Wie wurden die Änderungswünsche umgesetzt?", "Meilenstein Rückspiegelung im Meilensteinplan ergänzt.");
		complete(task);
	}

	private void acceptDraft(Task task) {
		browser.waitForText("Zuletzt überarbeitet: Meilenstein Rückspiegelung");
		complete(task);
	}

	/** The signer sees what she signs: the goals, the milestones and the PDF of exactly this draft. */
	private void signAsAgency(Task task, String prefix) {
		seesWhatIsSigned();
		date("Unterzeichnet am", today);
		text("Unterzeichnet von", "Claudia Hartmann");
		complete(task);
		assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(task.getProcessInstanceId())
			.variableName(prefix + "Signatory").singleResult().getValue()).isEqualTo("Claudia Hartmann");
	}

	private void signAsKommune(Task task, String prefix) {
		seesWhatIsSigned();
		date("Unterzeichnet am", today);
		text("Unterzeichnet von", "Bernd Albrecht, Oberbürgermeister");
		complete(task);
		assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(task.getProcessInstanceId())
			.variableName(prefix + "Signatory").singleResult().getValue()).isEqualTo("Bernd Albrecht, Oberbürgermeister");
	}

	private void seesWhatIsSigned() {
		browser.waitForText("Was Sie unterzeichnen");
		browser.waitForText(GOAL);
		browser.waitForText(MILESTONE);
		WebElement pdf = browser.waitFor(By.partialLinkText("Die Zielvereinbarung als PDF"));
		// what the signer's click loads, in her session
		Object type = browser.script("""
				const request = new XMLHttpRequest();
				request.open('GET', arguments[0], false);
				request.send();
				return request.status + ' ' + request.getResponseHeader('Content-Type');""", pdf.getDomAttribute("href"));
		assertThat(String.valueOf(type)).as("the signing PDF behind %s", pdf.getDomAttribute("href")).startsWith("200 application/pdf");
	}

	/** The form's own checks on the way: hh:mm, required, and the German date picker. */
	private void scheduleExploratoryMeeting(Task task) {
		WebElement day = field("Datum");
		assertThat(day.getDomAttribute("placeholder")).isEqualTo("TT.MM.JJJJ");
		day.click();
		WebElement calendar = browser.waitFor(By.cssSelector(".flatpickr-calendar.open"));
		assertThat(calendar.findElements(By.cssSelector(".flatpickr-weekday")).stream().map(WebElement::getText)
			.map(String::trim).filter(weekday -> !weekday.isEmpty()).toList()).startsWith("Mo", "Di").endsWith("So");
		WebElement time = field("Uhrzeit");
		time.sendKeys("9 Uhr");
		field("Ort").click();
		browser.waitForText("Bitte die Uhrzeit als hh:mm angeben, z. B. 09:30");
		browser.clear(time);
		field("Ort").click();
		browser.waitForText("Bitte füllen Sie dieses Feld aus.");
		assertThat(browser.visible(By.xpath("//button[normalize-space()='Abschließen' and not(@disabled)]"))).isEmpty();
		screen("formular-pruefungen");
		date("Datum", today);
		text("Uhrzeit", "09:30");
		text("Ort", "Rathaus Gotha, Raum 101");
		complete(task);
	}

	private void holdExploratoryMeeting(Task task) {
		text("Eingegrenzte Themen", "Bildungsmonitoring, Übergang Schule – Beruf");
		date("Datum des Gesprächs", today);
		date("Bedarfsanalyse abgeschlossen bis", today.plusMonths(5));
		complete(task);
	}

	/** One row per person: name, function, e-mail. */
	private void proposeExperts(Task task) {
		browser.waitForText("Vorgeschlagene Interviewpartner/innen");
		if (tasklist.rows().isEmpty()) {
			tasklist.addRow();
		}
		tasklist.typeInRow(1, 0, EXPERT);
		tasklist.typeInRow(1, 1, "Leiterin Bildungsbüro");
		tasklist.typeInRow(1, 2, "carla.berg@gotha.example.org");
		complete(task);
	}

	private void handOverDocuments(Task task) {
		text("Bereitgestellte Daten und Dokumente", "Schulentwicklungsplan 2024, https://ablage.example.org/gotha/sep.pdf");
		complete(task);
	}

	private void selectExperts(Task task) {
		browser.waitUntil("the agency's proposal as the first row",
				driver -> !tasklist.rows().isEmpty() && EXPERT.equals(tasklist.rowInputs(1).get(0).getDomProperty("value")));
		complete(task);
	}

	/** One row per selected person, prepared by the server; day, time and place typed, then the preview read. */
	private void scheduleInterviews(Task task) {
		browser.waitForText("Termine je Interviewpartner/in");
		// name and address come from the selection and are shown read-only
		browser.waitUntil("her row", driver -> browser.elements(By.cssSelector(".fjs-form input[readonly]")).stream()
			.anyMatch(input -> EXPERT.equals(input.getDomProperty("value"))));
		tasklist.typeInto("//label[starts-with(normalize-space(), 'Datum')]/following::input[1]", today.plusDays(14).format(GERMAN));
		tasklist.typeInto("//label[starts-with(normalize-space(), 'Uhrzeit')]/following::input[1]", "10:00");
		tasklist.typeKept("//label[starts-with(normalize-space(), 'Ort oder Link')]/following::input[1]", "Rathaus Gotha");
		browser.waitForText(EXPERT + ": am " + today.plusDays(14).format(GERMAN) + " um 10:00 Uhr (2 Stunden), Rathaus Gotha");
		screen("interviewtermine-vorschau");
		complete(task);
	}

	private void prepareInterviewGuide(Task task) {
		text("Link zum Interviewleitfaden", "https://ablage.example.org/gotha/leitfaden.docx");
		complete(task);
	}

	private void analyseDocuments(Task task) {
		text("Ergebnisse der Dokumentenanalyse", "Daten liegen verstreut vor, kein gemeinsamer Bericht.");
		complete(task);
	}

	private void conductInterview(Task task) {
		browser.waitForText(EXPERT);
		date("Datum des Interviews", today);
		text("Notizen", "https://ablage.example.org/gotha/interview-berg");
		complete(task);
	}

	/** The maturity matrix: one development type per core element. */
	private void assessPosition(Task task) {
		for (String element : List.of("Strategische Ziele", "Datenbasierung", "Interne Kooperation", "Externe Kooperation", "Koordination",
				"Steuerung & Lenkung", "Öffentlichkeit & Beteiligung", "Qualitätsentwicklung", "Bildungsprojekte und -maßnahmen")) {
			select(element, "Typ 2");
		}
		complete(task);
	}

	private void deriveRecommendations(Task task) {
		text("Handlungsempfehlungen für die Kommune", "Ein gemeinsames Bildungsmonitoring der Ämter aufbauen.");
		complete(task);
	}

	private void writeResultReport(Task task) {
		text("Link zum Ergebnisbericht", "https://ablage.example.org/gotha/ergebnisbericht.pdf");
		date("Datum des Ergebnisberichts", today);
		complete(task);
	}

	private void receiveResultReport(Task task) {
		browser.waitForText("Ergebnisbericht vom " + today.format(GERMAN));
		assertThat(field("Handlungsempfehlungen der Transferagentur").getDomProperty("value"))
			.isEqualTo("Ein gemeinsames Bildungsmonitoring der Ämter aufbauen.");
		complete(task);
	}

	private void chooseDiscourseFormats(Task task) {
		text("Gewünschte Formate", "Dezernentenrunde, Fachtag");
		date("Datum", today.plusDays(21));
		text("Uhrzeit", "14:00");
		complete(task);
	}

	private void acknowledgeRecommendations(Task task) {
		tick("Handlungsempfehlungen zur Kenntnis genommen");
		complete(task);
	}

	private void concretiseGoals(Task task) {
		text("Konkretisierte Ziele", "Bildungsbericht bis Ende nächsten Jahres");
		text("Maßnahmen", "Arbeitsgruppe Daten einrichten");
		complete(task);
	}

	private void holdDiscourse(Task task) {
		date("Datum der (letzten) Veranstaltung", today);
		text("Festgehaltene Ideen", "Fachtag mit den Schulen im Frühjahr");
		complete(task);
	}

	private void supportConcretisation(Task task) {
		text("Unterstützung", "Beratung zur Arbeitsgruppe Daten");
		complete(task);
	}

	private void coordinateRevisionAsAgency(Task task) {
		date("Datum der Abstimmung", today);
		text("Vorschläge und Ergebnisse", "Ziele und Meilensteine gemeinsam abgestimmt.");
		complete(task);
	}

	private void coordinateRevisionAsKommune(Task task) {
		text("Neue oder geänderte Ziele", "Bildungsbericht als neues Ziel aufnehmen.");
		text("Neue oder geänderte Meilensteine", "Arbeitsgruppe Daten eingerichtet.");
		complete(task);
	}

	private void draftRevision(Task task) {
		draftAgreement();
		text("Änderungen gegenüber der gültigen Fassung", "Neues Ziel Bildungsbericht, Meilenstein Arbeitsgruppe.");
		complete(task);
	}

	private void acceptRevision(Task task) {
		complete(task);
	}

	private void planReviewMeeting(Task task) {
		date("Termin des Reviewgesprächs", ClockUtil.getCurrentTime().toInstant().atZone(BERLIN).toLocalDate().plusDays(14));
		text("Uhrzeit", "10:00");
		text("Teilnehmende", "Heike Sommer, Lena Vogt");
		complete(task);
	}

	// ---------------------------------------------------------------- what the users see besides the forms

	private void kommuneOpensOnHerWorkWithCountsAndNothingSheMayNotUse() {
		WebElement active = browser.waitFor(By.cssSelector(".task-filters .item.active"));
		assertThat(active.getText()).startsWith(TaskFilters.OPEN_WORK);
		browser.waitUntil("her task in the list with its Kommune",
				driver -> browser.visible(By.cssSelector(".tasks-list .koop-kommune")).stream()
					.anyMatch(kommune -> kommune.getText().equals(KOMMUNE_NAME)));
		browser.waitUntil("the count of the open filter", driver -> active.findElement(By.cssSelector(".counter")).getText()
			.equals(String.valueOf(browser.visible(By.cssSelector(".tasks-list li.task")).size())));
		assertThat(browser.bodyText()).doesNotContain("Aufgabe erstellen", "Prozess starten", "Cockpit");
		screen("kommune-tasklist");
	}

	private void collaborationPageShowsTheImplementation() {
		browser.open("/kooperationen/" + KOMMUNE);
		browser.waitForText("Kooperation " + KOMMUNE_NAME);
		browser.waitForText("Umsetzung");
		browser.waitForText(GOAL);
		ownPage("kooperation-in-der-umsetzung");
	}

	/**
	 * Half a year on: the engine clock is moved and the due timer of the first review meeting runs,
	 * as the process tests do (no user can bring a timer forward; see the class comment).
	 */
	private void sixMonthsLater() {
		ClockUtil.setCurrentTime(Date.from(today.plusMonths(6).plusDays(1).atTime(9, 0).atZone(BERLIN).toInstant()));
		String implementation = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ImplementationProcess.KEY)
			.processInstanceBusinessKey(KOMMUNE).singleResult().getId();
		Job review = engine.getManagementService().createJobQuery().processInstanceId(implementation).activityId("timer_next_review")
			.duedateLowerThan(ClockUtil.getCurrentTime()).singleResult();
		assertThat(review).as("the first review meeting is due").isNotNull();
		engine.getManagementService().executeJob(review.getId());
	}

	private void kommuneIsRefusedCockpitWithAWayBack() {
		browser.open("/camunda/app/cockpit/default/");
		browser.waitForText("Kein Zugriff");
		ownPage("cockpit-kein-zugriff");
		browser.click(By.linkText("Zur Tasklist"));
		browser.waitForText(TaskFilters.OPEN_WORK);
		screen("zurueck-in-der-tasklist");
	}

	// ---------------------------------------------------------------- Tasklist

	/** Logs the user in unless she is the one logged in; null: nobody. */
	private void as(String user) {
		if (user != null && user.equals(browser.loggedIn())) {
			return;
		}
		browser.logOut();
		if (user != null) {
			browser.logIn(user, List.of(CONTACT, EXECUTIVE).contains(user) ? THEIR_PASSWORD : DemoScript.PASSWORD);
			screen("tasklist-" + user);
		}
	}

	/** The Kommune's open task of that kind: what the reminder mail links to. */
	private Task task(String activityId) {
		browser.waitUntil("the task " + activityId, driver -> engine.getTaskService().createTaskQuery()
			.processInstanceBusinessKey(KOMMUNE).taskDefinitionKey(activityId).count() == 1);
		return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(KOMMUNE).taskDefinitionKey(activityId).singleResult();
	}

	/** Opens the task through its link, as in the reminder mail; it links to its collaboration. */
	private void open(Task task) {
		tasklist.openTask(task);
		linksToItsCollaboration();
	}

	private void linksToItsCollaboration() {
		WebElement collaboration = browser.waitFor(By.cssSelector(".koop-collaboration-link"));
		browser.waitUntil("the link to the collaboration", driver -> !collaboration.getText().isBlank());
		assertThat(collaboration.getText()).isEqualTo("Kooperation " + KOMMUNE_NAME);
		assertThat(collaboration.getDomAttribute("href")).isEqualTo("/kooperationen/" + KOMMUNE);
	}

	/** Opens the task, takes it over and opens it again (Tasklist closes it after taking over). */
	private Task takeOver(String activityId) {
		Task task = task(activityId);
		open(task);
		tasklist.takeOver(task);
		linksToItsCollaboration();
		screen(activityId);
		return task;
	}

	/** Completed without a refusal (one shown fails the journey at once), and no refusal left on the screen. */
	private void complete(Task task) {
		tasklist.clickComplete();
		browser.waitUntil("the task '" + task.getName() + "' to be completed", driver -> {
			if (!tasklist.refusals().isEmpty()) {
				screen(task.getTaskDefinitionKey() + "-abgelehnt");
				throw new AssertionError("refused: " + tasklist.refusals().get(0).getText());
			}
			return engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(task.getId()).finished().count() == 1;
		});
		browser.waitUntil("no refusal left", driver -> tasklist.refusals().isEmpty());
		checkScreen(task.getTaskDefinitionKey() + " abgeschlossen");
	}

	/** A refusal of the server: its German sentence, nothing technical, and the task still open. */
	private void refusedWith(String sentence) {
		browser.waitForText(sentence);
		String refusal = browser.waitFor(By.cssSelector(".notifications .alert-danger")).getText();
		assertThat(refusal).contains(sentence).doesNotContain(". :");
		screen("abgelehnt");
	}

	// ---------------------------------------------------------------- screens

	/** Every screen: a screenshot, nothing English or technical, no id. */
	private void screen(String name) {
		browser.screenshot(String.format("reise-%02d-%s", screens + 1, name.replace("user_", "")));
		checkScreen(name);
	}

	/** Nothing English or technical on the screen, no id. */
	private void checkScreen(String name) {
		screens++;
		browser.assertNothingTechnicalShown(name);
		String text = browser.bodyText();
		assertThat(UUID.matcher(text).find()).as("no id on %s: %s", name, text).isFalse();
	}

	/** One of the app's own pages: the screen checks and axe-core. */
	private void ownPage(String name) {
		screen(name);
		accessibility.addAll(browser.accessibilityProblems(name));
	}

	// ---------------------------------------------------------------- form fields

	/** The form field whose label starts with the text (Camunda Forms link label and field by id). */
	private WebElement field(String label) {
		String find = """
				const wanted = arguments[0];
				const label = [...document.querySelectorAll('label')].find(l => l.offsetParent !== null
						&& l.textContent.replace(/\\s+/g, ' ').trim().startsWith(wanted));
				if (!label) return null;
				return (label.htmlFor && document.getElementById(label.htmlFor))
						|| label.querySelector('input, textarea, select')
						|| label.parentElement.querySelector('input, textarea, select');
				""";
		WebElement[] found = new WebElement[1];
		browser.waitUntil("the field '" + label + "'", driver -> (found[0] = (WebElement) browser.script(find, label)) != null);
		return found[0];
	}

	private void text(String label, String value) {
		WebElement field = field(label);
		browser.clear(field);
		field.sendKeys(value);
	}

	private void date(String label, LocalDate day) {
		WebElement field = field(label);
		browser.clear(field);
		field.sendKeys(day.format(GERMAN), Keys.ENTER);
		// the form shows the date as TT.MM.JJJJ, e.g. "01.12.2029"
		browser.waitUntil("the date " + day + " in '" + label + "'", driver -> day.format(GERMAN).equals(field.getDomProperty("value")));
	}

	private void tick(String label) {
		WebElement box = field(label);
		browser.waitUntil("'" + label + "' to be ticked", driver -> {
			if (!box.isSelected()) {
				box.click();
			}
			return box.isSelected();
		});
	}

	/** A Camunda Forms select: opened with a click, then the option clicked. */
	private void select(String label, String option) {
		String part = """
				const label = [...document.querySelectorAll('.fjs-form-field-label')]
						.find(l => l.textContent.replace(/\\s+/g, ' ').trim().startsWith(arguments[0]));
				return label && label.closest('.fjs-form-field').querySelector(arguments[1]);""";
		WebElement[] display = new WebElement[1];
		browser.waitUntil("the select '" + label + "'",
				driver -> (display[0] = (WebElement) browser.script(part, label, ".fjs-select-display")) != null);
		assertThat(display[0].getText()).isEqualTo("Bitte auswählen");
		((WebElement) browser.script(part, label, ".fjs-input-group")).click();
		browser.click(By.xpath("//div[contains(@class,'fjs-dropdownlist-item') and normalize-space()='" + option + "']"));
		browser.waitUntil("'" + option + "' chosen for '" + label + "'", driver -> display[0].getText().equals(option));
	}

	private void type(By by, String value) {
		WebElement field = browser.waitFor(by);
		field.clear();
		field.sendKeys(value);
	}

}
