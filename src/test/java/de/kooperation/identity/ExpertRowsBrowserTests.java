package de.kooperation.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import de.kooperation.DemoAppTest;
import de.kooperation.shared.BaselineAnalysisProcess;
import de.kooperation.shared.CollaborationProcess;
import de.kooperation.form.Rows;
import de.kooperation.reminder.EmbeddedMailServer;
import de.kooperation.shared.PartyGroups;
import de.kooperation.demo.DemoScript;

/**
 * The experts and their interview dates as rows in the real Tasklist (headless Chromium): the
 * Kommune's contact adds a row to the agency's proposal, is refused by the server with the row
 * named (a person twice), removes the row and completes; then the schedule opens with one row per
 * selected person, a day in the past is refused, the date and time pickers take a real day, the
 * preview says who is invited when, and the invitation that goes out says the same. Screenshots
 * go to target/screenshots/.
 */
@DemoAppTest
class ExpertRowsBrowserTests {

	private static final String KOMMUNE = "nienburg";

	private static final String DATE = "//label[starts-with(normalize-space(), 'Datum')]/following::input[1]";

	private static final String TIME = "//label[starts-with(normalize-space(), 'Uhrzeit')]/following::input[1]";

	private static final String PLACE = "//label[starts-with(normalize-space(), 'Ort oder Link')]/following::input[1]";

	/** The process whose jobs send one mail each (reminder.ReminderProcess.KEY). */
	private static final String MAIL_PROCESS = "reminder";

	private static HeadlessChromium browser;

	@LocalServerPort
	int port;

	@Autowired
	ProcessEngine engine;

	@Autowired
	TaskFilters filters;

	@Autowired
	EmbeddedMailServer mailServer;

	@BeforeEach
	void restAndWebappsServeThisContextsEngine() throws IOException {
		ProcessEngines.registerProcessEngine(engine);
		if (browser == null) {
			browser = HeadlessChromium.start(port);
		}
	}

	@AfterAll
	static void stopChromium() throws IOException {
		if (browser != null) {
			browser.close();
			browser = null;
		}
	}

	@Test
	void theKommuneFillsRowsIsRefusedRowByRow_thenSeesWhoIsInvitedWhen_andTheInvitationSaysTheSame() throws Exception {
		ProcessInstance analysis = engine.getRuntimeService().createProcessInstanceByKey(BaselineAnalysisProcess.KEY)
			.businessKey(KOMMUNE)
			.startBeforeActivity(BaselineAnalysisProcess.Elements.SELECT_EXPERTS)
			.setVariable(CollaborationProcess.Vars.MUNICIPALITY_GROUP, PartyGroups.municipalityContacts(KOMMUNE))
			.setVariable(CollaborationProcess.Vars.MUNICIPALITY_ID, KOMMUNE)
			.setVariable(CollaborationProcess.Vars.MUNICIPALITY_NAME, "Landkreis Nienburg/Weser")
			.setVariable(BaselineAnalysisProcess.Vars.EXPERT_SELECTION, Rows.toVariable(List.of(
					Map.of("name", "Brigitte Immel", "role", "Leiterin Fachbereich Bildung", "email", ""))))
			.execute();
		try {
			browser.logIn(DemoScript.NIENBURG.contact().id());
			selectExperts(analysis);
			scheduleInterviews(analysis);
			browser.logOut();
		}
		finally {
			engine.getRuntimeService().deleteProcessInstance(analysis.getId(), "Test beendet");
		}
	}

	private void selectExperts(ProcessInstance analysis) {
		Task task = openAndClaim(analysis, BaselineAnalysisProcess.Elements.SELECT_EXPERTS);
		browser.waitForText("Ausgewählte Interviewpartner/innen");
		assertThat(rowInputs(1).get(0).getDomProperty("value")).as("the agency's proposal is the first row").isEqualTo("Brigitte Immel");
		addRow();
		type(rowInputs(2), "Carla Berg", "Sozialplanerin", "carla.berg@kreis-ni.de");
		addRow();
		type(rowInputs(3), "brigitte immel", "Stellvertretung", "");
		browser.screenshot("rows-01-auswahl-drei-zeilen");

		complete();
		browser.waitForText("Zeile 3 („brigitte immel“): „brigitte immel“ steht schon in Zeile 1.");
		browser.screenshot("rows-02-auswahl-abgelehnt");
		assertThat(engine.getRuntimeService().getVariable(analysis.getId(), BaselineAnalysisProcess.Vars.EXPERTS)).isNull();

		browser.script("arguments[0].click();", browser.waitFor(By.cssSelector("button.fjs-repeat-row-remove[aria-label='Zeile 3 entfernen']")));
		browser.waitUntil("the third row to be gone", driver -> rows().size() == 2);
		complete();
		waitUntilCompleted(task);
		assertThat(engine.getRuntimeService().getVariable(analysis.getId(), BaselineAnalysisProcess.Vars.EXPERTS)).isEqualTo(List.of(
				Map.of("name", "Brigitte Immel", "role", "Leiterin Fachbereich Bildung", "email", ""),
				Map.of("name", "Carla Berg", "role", "Sozialplanerin", "email", "carla.berg@kreis-ni.de")));
	}

	private void scheduleInterviews(ProcessInstance analysis) throws Exception {
		Task task = openAndClaim(analysis, BaselineAnalysisProcess.Elements.SCHEDULE_INTERVIEWS);
		browser.waitForText("Termine je Interviewpartner/in");
		// one row per selected person, name and address from the selection, not to be changed here
		browser.waitUntil("one row per selected person", driver -> browser.elements(By.cssSelector(".fjs-form input[readonly]")).size() == 4);
		assertThat(browser.elements(By.cssSelector(".fjs-form input[readonly]"))).extracting(input -> input.getDomProperty("value"))
			.containsExactly("Brigitte Immel", "", "Carla Berg", "carla.berg@kreis-ni.de");
		assertThat(browser.elements(By.cssSelector(".fjs-repeat-render-add"))).as("no rows of other people").isEmpty();

		// Brigitte Immel: the day is still open (her day, time and place disappear)
		browser.elements(By.cssSelector(".fjs-form input[type='checkbox']")).get(0).click();
		browser.waitUntil("one day left to enter", driver -> browser.visible(By.xpath(DATE)).size() == 1);
		// Carla Berg: first a day in the past, which the server refuses
		LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
		LocalDate day = today.plusDays(20);
		typeInto(DATE, today.minusDays(3).format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));
		typeInto(TIME, "09:30");
		typeKept(PLACE, "Kreishaus Raum 3");
		// the form takes a typed text a moment later (form-js debounces text fields); the preview shows when
		browser.waitForText("um 09:30 Uhr (2 Stunden), Kreishaus Raum 3");
		complete();
		browser.waitForText("Zeile 2 („Carla Berg“): Der Termin liegt in der Vergangenheit.");
		browser.screenshot("rows-03-termine-abgelehnt");

		typeInto(DATE, day.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));
		String date = day.format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
		String preview = "Carla Berg: am " + date + " um 09:30 Uhr (2 Stunden), Kreishaus Raum 3 – Einladung mit Kalendereintrag an "
				+ "carla.berg@kreis-ni.de und das Team der Transferagentur.";
		browser.waitForText(preview);
		assertThat(browser.bodyText()).contains("Brigitte Immel: Termin folgt – noch keine Einladung.");
		browser.screenshot("rows-04-termine-vorschau");
		complete();
		waitUntilCompleted(task);
		browser.assertNothingTechnicalShown("Interviewtermine");

		// what the preview said is what goes out: to her address, that day and time, that place
		// the invitations go out with the interview tasks, once the agency's guide is ready too (as the preview says)
		assertThat(invitationsTo("carla.berg@kreis-ni.de")).isEmpty();
		Task guide = engine.getTaskService().createTaskQuery().processInstanceId(analysis.getId())
			.taskDefinitionKey(BaselineAnalysisProcess.Elements.PREPARE_INTERVIEW_GUIDE).singleResult();
		engine.getTaskService().complete(guide.getId(),
				Map.of(BaselineAnalysisProcess.Vars.INTERVIEW_GUIDE_LINK, "https://ablage.example.org/leitfaden.docx"));
		// the invitation is a mail job: run what is due (the demo app's job executor may take it first)
		browser.waitUntil("her invitation", driver -> {
			sendInvitations();
			return !invitationsTo("carla.berg@kreis-ni.de").isEmpty();
		});
		List<MimeMessage> invitations = invitationsTo("carla.berg@kreis-ni.de");
		assertThat(invitations).hasSize(1);
		assertThat(subject(invitations.get(0))).contains(date + " um 09:30 Uhr");
		String calendar = calendar(invitations.get(0));
		assertThat(calendar).contains("DTSTART;TZID=Europe/Berlin:" + LocalDateTime.of(day, java.time.LocalTime.of(9, 30))
			.format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"))).contains("LOCATION:Kreishaus Raum 3");
		String agency = engine.getIdentityService().createUserQuery().memberOfGroup(PartyGroups.AGENCY_TEAM).list().get(0).getEmail();
		assertThat(mailServer.receivedBy(agency)).as("the agency team").anyMatch(mail -> subject(mail).contains("Carla Berg"));
		assertThat(mailServer.received()).as("nobody is invited to Brigitte Immel's interview yet")
			.noneMatch(mail -> subject(mail).contains("Brigitte Immel"));
	}

	// ---------------------------------------------------------------- Tasklist

	private Task openAndClaim(ProcessInstance analysis, String element) {
		Task task = engine.getTaskService().createTaskQuery().processInstanceId(analysis.getId()).taskDefinitionKey(element).singleResult();
		String taskUrl = "/camunda/app/tasklist/default/#/?filter=" + filters.idOf(TaskFilters.GROUP_TASKS) + "&task=" + task.getId();
		browser.open(taskUrl);
		browser.click(By.cssSelector("button.claim"));
		browser.waitUntil("the task to be hers", driver -> DemoScript.NIENBURG.contact().id()
			.equals(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee()));
		browser.open("/camunda/app/tasklist/default/#/");
		browser.open(taskUrl);
		browser.waitFor(By.xpath("//button[normalize-space()='Abschließen']"));
		browser.waitFor(By.cssSelector(".fjs-form input"));
		return task;
	}

	/** Enabled, then clicked (by script: a refusal shown before may lie over the button). */
	private void complete() {
		WebElement button = browser.waitFor(By.xpath("//button[normalize-space()='Abschließen']"));
		browser.waitUntil("Abschließen to be enabled", driver -> button.isEnabled());
		browser.script("arguments[0].click();", button);
	}

	private void waitUntilCompleted(Task task) {
		browser.waitUntil("the task to be completed",
				driver -> engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(task.getId()).finished().count() == 1);
	}

	private void addRow() {
		int before = rows().size();
		browser.click(By.xpath("//button[contains(@class,'fjs-repeat-render-add') and normalize-space()='Zeile hinzufügen']"));
		browser.waitUntil("a new row", driver -> rows().size() == before + 1);
	}

	private List<WebElement> rows() {
		return browser.elements(By.cssSelector(".fjs-repeat-row-container"));
	}

	private List<WebElement> rowInputs(int row) {
		return textInputs(rows().get(row - 1));
	}

	private static List<WebElement> textInputs(WebElement row) {
		return row.findElements(By.cssSelector("input.fjs-input:not([type='checkbox'])")).stream()
			.filter(input -> !input.getDomProperty("id").contains("date") && !input.getDomProperty("id").contains("time")).toList();
	}

	private static void type(List<WebElement> inputs, String... values) {
		for (int i = 0; i < values.length; i++) {
			inputs.get(i).sendKeys(values[i]);
		}
	}

	/** Typed until the form keeps it (a picker closed just before may still take the first keys). */
	private void typeKept(String xpath, String text) {
		browser.waitUntil("'" + text + "' kept", driver -> {
			WebElement input = browser.waitFor(By.xpath(xpath));
			if (!text.equals(input.getDomProperty("value"))) {
				browser.clear(input);
				input.sendKeys(text);
			}
			return text.equals(browser.waitFor(By.xpath(xpath)).getDomProperty("value"));
		});
	}

	/** The visible field under the label, emptied and typed into (Enter closes a picker). */
	private void typeInto(String xpath, String text) {
		WebElement input = browser.waitFor(By.xpath(xpath));
		browser.clear(input);
		input.sendKeys(text, Keys.ENTER);
	}

	// ---------------------------------------------------------------- mail

	/** The invitation jobs, run as the job executor would (the test profile has none). */
	private void sendInvitations() {
		for (int round = 0; round < 5; round++) {
			List<Job> jobs = new ArrayList<>(engine.getManagementService().createJobQuery().processDefinitionKey(MAIL_PROCESS)
				.executable().list());
			for (Job job : jobs) {
				try {
					engine.getManagementService().executeJob(job.getId());
				}
				catch (org.camunda.bpm.engine.ProcessEngineException takenMeanwhile) {
					// the job executor ran it first; the mail is checked below
				}
			}
		}
	}

	private List<MimeMessage> invitationsTo(String address) {
		return mailServer.receivedBy(address).stream()
			.filter(mail -> subject(mail).startsWith("Einladung: Experteninterview mit Carla Berg")).toList();
	}

	private static String subject(MimeMessage mail) {
		try {
			return mail.getSubject();
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The iCalendar text of the invitation, unfolded. */
	private static String calendar(jakarta.mail.Part part) throws Exception {
		if (part.isMimeType("text/calendar")) {
			Object content = part.getContent();
			String text = content instanceof String string ? string
					: new String(((java.io.InputStream) content).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			return text.replace("\r\n ", "").replace("\n ", "");
		}
		if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String found = calendar(multipart.getBodyPart(i));
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

}
