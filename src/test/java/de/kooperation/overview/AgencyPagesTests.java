package de.kooperation.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.context.WebApplicationContext;

import de.kooperation.DemoAppTest;
import de.kooperation.WebappSessions;
import de.kooperation.shared.CollaborationProcess;
import de.kooperation.collaboration.CollaborationService;
import de.kooperation.identity.MunicipalityRegistration;
import de.kooperation.shared.PartyGroups;
import de.kooperation.municipality.Municipality;
import de.kooperation.municipality.MunicipalityRepository;
import de.kooperation.reminder.EmbeddedMailServer;
import de.kooperation.reminder.Mail;
import de.kooperation.reminder.Mailer;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * The agency's work on pages instead of REST calls: registering a Kommune (its users get a
 * welcome mail, choose a password and log in), starting a collaboration by picking the Kommune,
 * ending one by either party with a reason and a confirmation, and opening a sent mail in the
 * outbox. Who may and who is refused, in German; bad input re-shows the form and stores nothing.
 */
@DemoAppTest
class AgencyPagesTests {

	private static final AtomicInteger NEXT = new AtomicInteger();

	@Autowired
	WebApplicationContext context;

	@Autowired
	ProcessEngine engine;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	EmbeddedMailServer mailServer;

	@Autowired
	MunicipalityRepository municipalities;

	@Autowired
	MunicipalityRegistration registration;

	@Autowired
	CollaborationService collaborations;

	@Autowired
	Mailer mailer;

	@Autowired
	JdbcClient jdbc;

	MockMvc mvc;

	@BeforeEach
	void restAndWebappsServeThisContextsEngine() {
		ProcessEngines.registerProcessEngine(engine);
		mvc = MockMvcBuilders.webAppContextSetup(context).build();
	}

	// ---------------------------------------------------------------- registering a Kommune

	@Test
	void theProjectLeadRegistersAKommune_itsTwoUsersGetAGermanWelcomeMail_chooseAPasswordWithItsLink_andLogIn() throws Exception {
		String id = "ilmenau-" + NEXT.incrementAndGet();
		MockHttpSession lead = session("claudia.hartmann", PartyGroups.AGENCY_LEADERSHIP);
		assertThat(page(lead, "/kommunen/neu", 200)).contains("Kommune registrieren", "<option value=\"TH\">Thüringen</option>",
				"Ansprechpartner/in der Kommune", "Verwaltungsspitze");
		int mailsBefore = mailServer.received().size();

		String done = send(lead, post("/kommunen/neu"), form(id), 200);

		assertThat(done).contains("Stadt Ilmenau ist registriert", "anna.schmidt-" + id + "@ilmenau.example.org");
		assertThat(municipalities.findById(id)).contains(new Municipality(id, "Stadt Ilmenau", "TH"));
		assertThat(engine.getIdentityService().createUserQuery().memberOfGroup(PartyGroups.municipalityContacts(id)).singleResult().getId())
			.isEqualTo("anna.schmidt-" + id);
		assertThat(engine.getIdentityService().createUserQuery().memberOfGroup(PartyGroups.municipalityLeadership(id)).singleResult().getEmail())
			.isEqualTo("daniel.koch-" + id + "@ilmenau.example.org");

		List<MimeMessage> welcome = mailServer.received().subList(mailsBefore, mailServer.received().size());
		assertThat(welcome).hasSize(2);
		MimeMessage toContact = welcome.stream()
			.filter(m -> recipient(m).equals("anna.schmidt-" + id + "@ilmenau.example.org")).findFirst().orElseThrow();
		assertThat(toContact.getSubject()).isEqualTo("Ihr Zugang zur Anwendung „Kooperation“ für Stadt Ilmenau");
		String text = plainText(toContact);
		assertThat(text).contains("Guten Tag Anna Schmidt,", "Ihr Benutzername:  anna.schmidt-" + id, "Ansprechpartner/in",
				"Bitte legen Sie zuerst Ihr Passwort fest.");
		Matcher link = Pattern.compile("https?://[^/\\s]+(/passwort/[A-Za-z0-9_-]+)").matcher(text);
		assertThat(link.find()).as("a link to choose the password in: %s", text).isTrue();
		String passwordPage = link.group(1);
		String token = passwordPage.substring("/passwort/".length());

		// the outbox lists the welcome mails, but never the working link
		assertThat(page(lead, "/postausgang", 200)).contains("Willkommen", "Ihr Zugang zur Anwendung");
		assertThat(jdbc.sql("select count(*) from koop_mail_log where text_body like ?").param("%" + token + "%").query(Integer.class)
			.single()).isZero();
		assertThat(jdbc.sql("select count(*) from koop_password_token where token_hash = ?").param(token).query(Integer.class).single())
			.as("only the hash is stored").isZero();

		// the user, over real HTTP: a too short password is refused in German, then one is chosen and works
		ResponseEntity<String> open = rest.getForEntity(passwordPage, String.class);
		assertThat(open.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(open.getBody()).contains("Passwort festlegen", "anna.schmidt-" + id);
		ResponseEntity<String> tooShort = postForm(passwordPage, Map.of("password", "kurz", "repeated", "kurz"));
		assertThat(tooShort.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(tooShort.getBody()).contains("Das Passwort ist zu kurz: bitte mindestens 10 Zeichen.");
		ResponseEntity<String> differ = postForm(passwordPage, Map.of("password", "Bildung-2027!", "repeated", "Bildung-2028!"));
		assertThat(differ.getBody()).contains("Die beiden Eingaben stimmen nicht überein.");

		ResponseEntity<String> saved = postForm(passwordPage, Map.of("password", "Bildung-2027!", "repeated", "Bildung-2027!"));
		assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(saved.getBody()).contains("Passwort gespeichert");
		assertThat(WebappSessions.login(rest, "tasklist", "anna.schmidt-" + id, "Bildung-2027!").getStatusCode()).isEqualTo(HttpStatus.OK);

		ResponseEntity<String> again = rest.getForEntity(passwordPage, String.class);
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(again.getBody()).contains("Dieser Link ist abgelaufen oder wurde schon benutzt.");
	}

	@Test
	void onlyTheProjectLeadAndTheAdminMayRegister_othersAreRefusedInGermanAndNothingIsStored() throws Exception {
		String id = "arnstadt-" + NEXT.incrementAndGet();
		MockHttpSession transferManager = session("lena.vogt", PartyGroups.AGENCY_TEAM);
		MockHttpSession kommune = session("sabine.krause", PartyGroups.municipalityContacts("eisenach"));

		assertThat(page(transferManager, "/kommunen/neu", 403))
			.contains("Kommunen registrieren nur die Projektleitung der Transferagentur und die Administration.");
		assertThat(page(kommune, "/kommunen/neu", 403)).contains("Kein Zugriff");
		page(new MockHttpSession(), "/kommunen/neu", 401);
		MockHttpSession withToken = session("lena.vogt", PartyGroups.AGENCY_TEAM);
		send(withToken, post("/kommunen/neu"), form(id), 403);
		assertThat(municipalities.findById(id)).isEmpty();

		page(session("admin", "camunda-admin"), "/kommunen/neu", 200);
	}

	@Test
	void badInputReShowsTheFormWithGermanMessagesAndWhatWasTyped_andStoresNothing() throws Exception {
		String id = "gotha-" + NEXT.incrementAndGet();
		MockHttpSession lead = session("claudia.hartmann", PartyGroups.AGENCY_LEADERSHIP);
		page(lead, "/kommunen/neu", 200);
		int mailsBefore = mailServer.received().size();
		Map<String, String> bad = new LinkedHashMap<>(form(id));
		bad.put("name", "Stadt Gotha");
		bad.put("federalState", "XX");
		bad.put("contactEmail", "anna.schmidt at gotha");
		bad.put("executiveUserId", "Daniel Koch");

		String page = send(lead, post("/kommunen/neu"), bad, 400);

		assertThat(page).contains("Die Kommune wurde nicht registriert", "Bitte das Bundesland auswählen.",
				"Bitte eine gültige E-Mail-Adresse der Ansprechpartnerin / des Ansprechpartners angeben, z. B. name@stadt.de.",
				"Der Benutzername besteht aus Kleinbuchstaben", "value=\"Stadt Gotha\"", "value=\"anna.schmidt at gotha\"",
				"value=\"" + id + "\"", "aria-invalid=\"true\"");

		Map<String, String> taken = new LinkedHashMap<>(form(id));
		taken.put("id", "eisenach");
		taken.put("contactUserId", "sabine.krause");
		assertThat(send(lead, post("/kommunen/neu"), taken, 400)).contains("Eine Kommune mit der Kennung „eisenach“ ist schon registriert.",
				"Den Benutzernamen „sabine.krause“ gibt es schon. Bitte einen anderen wählen.");
		assertThat(municipalities.findById("eisenach").orElseThrow().name()).isEqualTo("Stadt Eisenach");

		Map<String, String> noToken = new LinkedHashMap<>(form(id));
		MockHttpServletResponse expired = mvc.perform(withParams(post("/kommunen/neu").session(lead), noToken)).andReturn().getResponse();
		assertThat(expired.getStatus()).isEqualTo(400);
		assertThat(expired.getContentAsString(StandardCharsets.UTF_8)).contains("Das Formular ist abgelaufen.", "value=\"Stadt Ilmenau\"");

		assertThat(municipalities.findById(id)).isEmpty();
		assertThat(engine.getIdentityService().createUserQuery().userId("anna.schmidt-" + id).count()).isZero();
		assertThat(engine.getIdentityService().createGroupQuery().groupId(PartyGroups.municipalityContacts(id)).count()).isZero();
		assertThat(mailServer.received()).hasSize(mailsBefore);
	}

	@Test
	void whenAWelcomeMailCannotBeSent_nothingIsKeptAndThePageSaysSo() throws Exception {
		String id = "sonneberg-" + NEXT.incrementAndGet();
		MockHttpSession lead = session("claudia.hartmann", PartyGroups.AGENCY_LEADERSHIP);
		page(lead, "/kommunen/neu", 200);
		mailServer.stop();
		try {
			assertThat(send(lead, post("/kommunen/neu"), form(id), 400))
				.contains("Die Willkommens-E-Mails konnten nicht versandt werden; deshalb wurde nichts gespeichert.", "value=\"Stadt Ilmenau\"");
		}
		finally {
			mailServer.start();
		}
		assertThat(municipalities.findById(id)).isEmpty();
		assertThat(engine.getIdentityService().createUserQuery().userId("anna.schmidt-" + id).count()).isZero();
		assertThat(engine.getIdentityService().createGroupQuery().groupId(PartyGroups.municipalityLeadership(id)).count()).isZero();
	}

	// ---------------------------------------------------------------- starting and ending

	@Test
	void theAgencyStartsACollaborationByPickingTheKommuneFromAList_aPastEndOfFundingIsRefusedInGerman() throws Exception {
		String id = registered("suhl");
		MockHttpSession agency = session("lena.vogt", PartyGroups.AGENCY_TEAM);
		String form = page(agency, "/kooperationen/starten?kommune=" + id, 200);
		assertThat(form).contains("<option value=\"" + id + "\" selected=\"selected\">Stadt Suhl " + id + "</option>",
				"<option value=\"jonas.berger\">Jonas Berger</option>").doesNotContain("<option value=\"eisenach\"");

		Map<String, String> past = Map.of("municipalityId", id, "fundingEnd", "01.01.2020", "transferManager", "jonas.berger");
		assertThat(send(agency, post("/kooperationen/starten"), past, 400)).contains("Das Förderende muss in der Zukunft liegen.",
				"value=\"01.01.2020\"", "<option value=\"jonas.berger\" selected=\"selected\">");
		assertThat(send(agency, post("/kooperationen/starten"), Map.of("municipalityId", id, "fundingEnd", "31.02.2030"), 400))
			.contains("Das Förderende ist kein gültiges Datum. Bitte als TT.MM.JJJJ angeben");
		assertThat(running(id)).isNull();

		String fundingEnd = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy").format(LocalDate.now().plusYears(2));
		MockHttpServletResponse started = mvc.perform(withParams(post("/kooperationen/starten").session(agency),
				Map.of("_csrf", token(agency), "municipalityId", id, "fundingEnd", fundingEnd, "transferManager", "jonas.berger")))
			.andReturn().getResponse();
		assertThat(started.getStatus()).isEqualTo(302);
		assertThat(started.getRedirectedUrl()).isEqualTo("/kooperationen/" + id + "?gestartet=ja");
		ProcessInstance instance = running(id);
		assertThat(instance).isNotNull();
		assertThat(engine.getRuntimeService().getVariable(instance.getId(), CollaborationProcess.Vars.TRANSFER_MANAGER)).isEqualTo("jonas.berger");
		// the pages name the transfer manager as people know him, not by his login
		assertThat(page(agency, "/kooperationen/" + id + "?gestartet=ja", 200)).contains("Die Kooperation ist gestartet.",
				"<strong>Transfermanager/in:</strong> <span>Jonas Berger</span>").doesNotContain(">jonas.berger<");
		assertThat(page(agency, "/kooperationen?mitarbeiter=jonas.berger", 200))
			.contains("<td>Jonas Berger</td>", "<option value=\"jonas.berger\" selected=\"selected\">Jonas Berger</option>")
			.doesNotContain(">jonas.berger<");
		assertThat(page(agency, "/kooperationen/starten", 200)).doesNotContain("<option value=\"" + id + "\"");

		MockHttpSession kommune = session("sabine.krause", PartyGroups.municipalityContacts("eisenach"));
		assertThat(page(kommune, "/kooperationen/starten", 403)).contains("Diese Seite ist der Transferagentur vorbehalten.");
		assertThat(page(agency, "/kooperationen", 200)).contains("href=\"/kooperationen/starten\"", "href=\"/postausgang\"");
	}

	@Test
	void theKommunesOwnUserEndsTheCollaborationWithAReasonAfterConfirming_anotherKommunesUserIsRefused() throws Exception {
		String id = runningCollaboration("meiningen");
		MockHttpSession own = session("nora.keller", PartyGroups.municipalityContacts(id));
		MockHttpSession other = session("petra.lange", PartyGroups.municipalityContacts("nienburg"));

		assertThat(page(other, "/kooperationen/" + id + "/beenden", 403)).contains("Sie können nur die Kooperation Ihrer eigenen Kommune sehen.");
		send(other, post("/kooperationen/" + id + "/beenden"), Map.of("reason", "fremd", "step", "bestaetigt"), 403);
		assertThat(page(own, "/kooperationen/" + id, 200)).contains("Kooperation beenden …");
		assertThat(page(own, "/kooperationen/" + id + "/beenden", 200)).contains("im Namen der Partei <strong>Kommune</strong>");

		assertThat(send(own, post("/kooperationen/" + id + "/beenden"), Map.of("reason", "  ", "step", "pruefen"), 400))
			.contains("Bitte einen Grund für das Beenden angeben.");
		String confirm = send(own, post("/kooperationen/" + id + "/beenden"),
				Map.of("reason", "Der Stadtrat hat <die Mittel> gestrichen.", "step", "pruefen"), 200);
		assertThat(confirm).contains("wirklich beenden", "Der Stadtrat hat &lt;die Mittel&gt; gestrichen.", "Ja, Kooperation endgültig beenden");
		assertThat(running(id)).as("nothing happens before the confirmation").isNotNull();
		assertThat(send(own, post("/kooperationen/" + id + "/beenden"),
				Map.of("reason", "Der Stadtrat hat <die Mittel> gestrichen.", "step", "aendern"), 200))
			.contains("<textarea", "Der Stadtrat hat &lt;die Mittel&gt; gestrichen.</textarea>");

		MockHttpServletResponse ended = mvc.perform(withParams(post("/kooperationen/" + id + "/beenden").session(own),
				Map.of("_csrf", token(own), "reason", "Der Stadtrat hat <die Mittel> gestrichen.", "step", "bestaetigt")))
			.andReturn().getResponse();
		assertThat(ended.getRedirectedUrl()).isEqualTo("/kooperationen/" + id + "?beendet=ja");
		assertThat(variable(id, CollaborationProcess.Vars.TERMINATED_BY)).isEqualTo("Kommune");
		assertThat(variable(id, CollaborationProcess.Vars.TERMINATION_REASON)).isEqualTo("Der Stadtrat hat <die Mittel> gestrichen.");
		assertThat(openTasks(id)).as("the Projektleitung records the end").containsExactly(CollaborationProcess.Elements.RECORD_TERMINATION);
		assertThat(page(own, "/kooperationen/" + id + "?beendet=ja", 200)).contains("Die Kooperation ist gekündigt.")
			.doesNotContain("Kooperation beenden …");
		assertThat(page(own, "/kooperationen/" + id + "/beenden", 409)).contains("läuft keine Kooperation");
	}

	@Test
	void theAgencyEndsACollaborationInItsOwnName() throws Exception {
		String id = runningCollaboration("sondershausen");
		MockHttpSession agency = session("lena.vogt", PartyGroups.AGENCY_TEAM);
		assertThat(send(agency, post("/kooperationen/" + id + "/beenden"), Map.of("reason", "Förderung endet vorzeitig", "step", "pruefen"), 200))
			.contains("<strong>Transferagentur</strong>", "wirklich beenden");
		send(agency, post("/kooperationen/" + id + "/beenden"), Map.of("reason", "Förderung endet vorzeitig", "step", "bestaetigt"), 302);

		assertThat(variable(id, CollaborationProcess.Vars.TERMINATED_BY)).isEqualTo("Transferagentur");
		assertThat(openTasks(id)).containsExactly(CollaborationProcess.Elements.RECORD_TERMINATION);
	}

	// ---------------------------------------------------------------- outbox and report

	@Test
	void theOutboxOpensAMailWithItsTextAndTaskLink_andServesItsCalendarInvitation() throws Exception {
		String subject = "Einladung: Sondierungsgespräch " + NEXT.incrementAndGet();
		String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nSUMMARY:" + subject + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
		String text = "Guten Tag,\n\nSie sind eingeladen.\n\nAufgabe in der Tasklist öffnen:\nhttp://localhost:8080/camunda/app/tasklist/default/#/?task=abc-123\n";
		mailer.send(new Mail(List.of("petra.lange@example.org"), subject, text, "<p>Sie sind eingeladen.</p>",
				ics.getBytes(StandardCharsets.UTF_8), "REQUEST"), "INVITATION_0", "nienburg", Instant.now(), text);
		String id = jdbc.sql("select id from koop_mail_log where subject = ?").param(subject).query(String.class).single();
		MockHttpSession agency = session("lena.vogt", PartyGroups.AGENCY_TEAM);

		assertThat(page(agency, "/postausgang", 200)).contains("href=\"/postausgang/" + id + "\"");
		String opened = page(agency, "/postausgang/" + id, 200);
		assertThat(opened).contains(subject, "Sie sind eingeladen.", "petra.lange@example.org", "Landkreis Nienburg/Weser",
				"<a href=\"http://localhost:8080/camunda/app/tasklist/default/#/?task=abc-123\">Aufgabe in der Tasklist öffnen</a>",
				"href=\"/postausgang/" + id + "/einladung.ics\"");

		MockHttpServletResponse calendar = mvc.perform(get("/postausgang/" + id + "/einladung.ics").session(agency)).andReturn().getResponse();
		assertThat(calendar.getStatus()).isEqualTo(200);
		assertThat(calendar.getContentType()).startsWith("text/calendar");
		assertThat(calendar.getHeader(HttpHeaders.CONTENT_DISPOSITION)).contains("einladung.ics");
		assertThat(calendar.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(ics);

		MockHttpSession kommune = session("petra.lange", PartyGroups.municipalityContacts("nienburg"));
		assertThat(page(kommune, "/postausgang/" + id, 403)).contains("Diese Seite ist der Transferagentur vorbehalten.").doesNotContain(subject);
		MockHttpServletResponse refusedIcs = mvc.perform(get("/postausgang/" + id + "/einladung.ics").session(kommune)).andReturn().getResponse();
		assertThat(refusedIcs.getStatus()).isEqualTo(403);
		assertThat(refusedIcs.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("Der Postausgang ist der Transferagentur vorbehalten.");
		assertThat(page(agency, "/postausgang/gibt-es-nicht", 404)).contains("Diese E-Mail gibt es im Postausgang nicht (mehr).");
	}

	@Test
	void theFunderReportAsCsvRefusesAKommuneUserWithAGermanSentence_notJson() throws Exception {
		MockHttpServletResponse refused = mvc.perform(get("/kooperationen/bericht.csv")
			.session(session("sabine.krause", PartyGroups.municipalityContacts("eisenach")))).andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(403);
		assertThat(refused.getContentType()).startsWith("text/plain");
		assertThat(refused.getContentAsString(StandardCharsets.UTF_8))
			.isEqualTo("Der Bericht für den Projektträger ist der Transferagentur vorbehalten.");
		MockHttpServletResponse anonymous = mvc.perform(get("/kooperationen/bericht.csv")).andReturn().getResponse();
		assertThat(anonymous.getStatus()).isEqualTo(401);
		assertThat(anonymous.getContentAsString(StandardCharsets.UTF_8)).startsWith("Bitte melden Sie sich zuerst an").doesNotContain("{");
	}

	@Test
	void theAccessibilityStatementIsOpenToEverybody_andLinkedFromEveryOwnPage() throws Exception {
		assertThat(page(new MockHttpSession(), "/barrierefreiheit", 200)).contains("Erklärung zur Barrierefreiheit", "BITV 2.0",
				"WCAG", "Schlichtungsverfahren", "Nicht barrierefreie Inhalte");
		MockHttpSession lead = session("claudia.hartmann", PartyGroups.AGENCY_LEADERSHIP);
		for (String path : List.of("/kooperationen", "/kooperationen/eisenach", "/kooperationen/starten", "/kommunen/neu", "/postausgang",
				"/kooperationen/eisenach/beenden")) {
			assertThat(page(lead, path, 200)).as(path)
				.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", "href=\"/barrierefreiheit\"",
						"Zum Inhalt springen");
		}
	}

	// ---------------------------------------------------------------- helpers

	private static Map<String, String> form(String id) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("name", "Stadt Ilmenau");
		form.put("id", id);
		form.put("federalState", "TH");
		form.put("contactFirstName", "Anna");
		form.put("contactLastName", "Schmidt");
		form.put("contactEmail", "anna.schmidt-" + id + "@ilmenau.example.org");
		form.put("contactUserId", "anna.schmidt-" + id);
		form.put("executiveFirstName", "Daniel");
		form.put("executiveLastName", "Koch");
		form.put("executiveEmail", "daniel.koch-" + id + "@ilmenau.example.org");
		form.put("executiveUserId", "daniel.koch-" + id);
		return form;
	}

	private String registered(String name) {
		String id = name + "-" + NEXT.incrementAndGet();
		registration.register(new Municipality(id, "Stadt " + Character.toUpperCase(name.charAt(0)) + name.substring(1) + " " + id, "TH"));
		return id;
	}

	private String runningCollaboration(String name) {
		String id = registered(name);
		collaborations.start(id, LocalDate.now().plusYears(2).toString(), "lena.vogt");
		return id;
	}

	private ProcessInstance running(String id) {
		return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CollaborationProcess.KEY)
			.processInstanceBusinessKey(id).singleResult();
	}

	private Object variable(String municipalityId, String name) {
		return engine.getRuntimeService().getVariable(running(municipalityId).getId(), name);
	}

	private List<String> openTasks(String municipalityId) {
		return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(municipalityId).list().stream()
			.map(org.camunda.bpm.engine.task.Task::getTaskDefinitionKey).toList();
	}

	private String page(MockHttpSession session, String path, int status) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(path).session(session)).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(status);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	/** Submits a form of the pages with the session's token, as the browser does. */
	private String send(MockHttpSession session, MockHttpServletRequestBuilder request, Map<String, String> values, int status)
			throws Exception {
		Map<String, String> withToken = new LinkedHashMap<>(values);
		withToken.put("_csrf", token(session));
		MockHttpServletResponse response = mvc.perform(withParams(request.session(session), withToken)).andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(status);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	private static MockHttpServletRequestBuilder withParams(MockHttpServletRequestBuilder request, Map<String, String> values) {
		values.forEach(request::param);
		return request;
	}

	private static String token(MockHttpSession session) {
		Object token = session.getAttribute(PageAccess.CSRF_ATTRIBUTE);
		if (token == null) {
			token = "t-" + NEXT.incrementAndGet();
			session.setAttribute(PageAccess.CSRF_ATTRIBUTE, token);
		}
		return token.toString();
	}

	private ResponseEntity<String> postForm(String path, Map<String, String> values) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		values.forEach(form::add);
		return rest.postForEntity(path, new HttpEntity<>(form, headers), String.class);
	}

	private static String recipient(MimeMessage message) {
		try {
			return message.getRecipients(Message.RecipientType.TO)[0].toString();
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String plainText(MimeMessage message) throws Exception {
		return plainText(message.getContent());
	}

	private static String plainText(Object content) throws Exception {
		if (content instanceof String text) {
			return text;
		}
		MimeMultipart multipart = (MimeMultipart) content;
		for (int i = 0; i < multipart.getCount(); i++) {
			var part = multipart.getBodyPart(i);
			if (part.isMimeType("text/plain")) {
				return (String) part.getContent();
			}
			if (part.getContent() instanceof MimeMultipart nested) {
				String text = plainText(nested);
				if (text != null) {
					return text;
				}
			}
		}
		return null;
	}

	static MockHttpSession session(String userId, String... groups) {
		return WebappSessions.of(userId, groups);
	}

}
