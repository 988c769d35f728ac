package de.kooperation.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

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

	@RegisterExtension
	static final HeadlessChromium browser = HeadlessChromium.perTestClass();

	static final TasklistPage tasklist = new TasklistPage(browser);

	@Autowired
	ProcessEngine engine;

	@Autowired
	EmbeddedMailServer mailServer;

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
		assertThat(tasklist.rowInputs(1).get(0).getDomProperty("value")).as("the agency's proposal is the first row")
			.isEqualTo("Brigitte Immel");
		tasklist.addRow();
		type(2, "Carla Berg", "Sozialplanerin", "carla.berg@kreis-ni.de");
		tasklist.addRow();
		type(3, "brigitte immel", "Stellvertretung", "");
		browser.screenshot("rows-01-auswahl-drei-zeilen");

		tasklist.clickComplete();
		browser.waitForText("Zeile 3 („brigitte immel“): „brigitte immel“ steht schon in Zeile 1.");
		browser.screenshot("rows-02-auswahl-abgelehnt");
		assertThat(engine.getRuntimeService().getVariable(analysis.getId(), BaselineAnalysisProcess.Vars.EXPERTS)).isNull();

		browser.script("arguments[0].click();", browser.waitFor(By.cssSelector("button.fjs-repeat-row-remove[aria-label='Zeile 3 entfernen']")));
		browser.waitUntil("the third row to be gone", driver -> tasklist.rows().size() == 2);
		tasklist.clickComplete();
		tasklist.waitUntilCompleted(task);
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
		tasklist.typeInto(DATE, today.minusDays(3).format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));
		tasklist.typeInto(TIME, "09:30");
		tasklist.typeKept(PLACE, "Kreishaus Raum 3");
		// the form takes a typed text a moment later (form-js debounces text fields); the preview shows when
		browser.waitForText("um 09:30 Uhr (2 Stunden), Kreishaus Raum 3");
		tasklist.clickComplete();
		browser.waitForText("Zeile 2 („Carla Berg“): Der Termin liegt in der Vergangenheit.");
		browser.screenshot("rows-03-termine-abgelehnt");

		tasklist.typeInto(DATE, day.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));
		String date = day.format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
		String preview = "Carla Berg: am " + date + " um 09:30 Uhr (2 Stunden), Kreishaus Raum 3 – Einladung mit Kalendereintrag an "
				+ "carla.berg@kreis-ni.de und das Team der Transferagentur.";
		browser.waitForText(preview);
		assertThat(browser.bodyText()).contains("Brigitte Immel: Termin folgt – noch keine Einladung.");
		browser.screenshot("rows-04-termine-vorschau");
		tasklist.clickComplete();
		tasklist.waitUntilCompleted(task);
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

	/** The task of that kind, taken over; its form shown. */
	private Task openAndClaim(ProcessInstance analysis, String element) {
		Task task = engine.getTaskService().createTaskQuery().processInstanceId(analysis.getId()).taskDefinitionKey(element).singleResult();
		tasklist.takeOver(task);
		browser.waitFor(By.cssSelector(".fjs-form input"));
		return task;
	}

	/** The row's (from 1) text inputs typed into, in order. */
	private void type(int row, String... values) {
		for (int i = 0; i < values.length; i++) {
			tasklist.typeInRow(row, i, values[i]);
		}
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
