package de.kooperation.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import de.kooperation.EngineClock;
import de.kooperation.ProcessTest;
import de.kooperation.Scenario;
import de.kooperation.agreement.AgreementJourney;
import de.kooperation.agreement.Agreements;
import de.kooperation.agreement.Goal;
import de.kooperation.shared.PartyGroups;

/**
 * The Kommune's timeline page: its own users edit the plan, the agency reads it, another Kommune
 * is refused; mistakes store nothing; the PDF is A4 landscape with the plan's text; the import
 * shows a preview with its messages and takes the plan only when confirmed.
 */
@ProcessTest
@Import(AgreementJourney.class)
class TimelinePagesTests {

	static final ZonedDateTime NOW = ZonedDateTime.of(2026, 10, 15, 10, 0, 0, 0, ZoneId.of("Europe/Berlin"));

	/** The session attribute the app's own forms keep their token in (overview/PageAccess). */
	static final String CSRF = "kooperation.csrf";

	@Autowired
	WebApplicationContext context;

	@Autowired
	Scenario scenario;

	@Autowired
	AgreementJourney journey;

	@Autowired
	Agreements agreements;

	@Autowired
	Plans plans;

	MockMvc mvc;

	String kommune;

	@RegisterExtension
	static final EngineClock CLOCK = EngineClock.at(NOW.toInstant());

	@BeforeEach
	void aKommuneWithTheSeedsPlan() throws Exception {
		mvc = MockMvcBuilders.webAppContextSetup(context).build();
		kommune = journey.signFirstVersion("SN", List.of(AgreementJourney.goal(Goal.HIGH, "Bildungsmonitoring aufbauen")), List.of(),
				LocalDate.of(2026, 10, 1));
		plans.importPlan(kommune, PlanImportTests.seedPlan(), "sabine.krause", "zeitschiene.txt");
	}

	@Test
	void theKommunesOwnUserSeesThePlanAsWritten_withBarsTodayAndLateItems() throws Exception {
		String page = page(own(), "/kooperationen/" + kommune + "/zeitplan", 200);

		assertThat(page).contains("Zeitplan Teststadt " + kommune).contains("1. Schaffung von Netzwerkstrukturen")
			.contains("kick-off Veranstaltung für die Zusammenarbeit mit den kommunalen Akteuren")
			.contains("im Rahmen der Arbeitsgruppenarbeit ab Dezember; Aktualisierung im Projektverlauf")
			.contains("01.12.2019 – offen").contains("ab Oktober 2020 bis über Projektende hinaus.")
			.contains("<svg").contains("heute, 15.10.2026").contains("(überfällig)")
			.contains("Maßnahme hinzufügen").contains(">bearbeiten<")
			.contains("Import aus „zeitschiene.txt“: 4 Handlungsfelder, 11 Maßnahmen übernommen");
		// ended in 2021 and not done: late; open-ended: not late
		Plan plan = plans.of(kommune);
		assertThat(plan.activities()).filteredOn(activity -> activity.lateOn(LocalDate.of(2026, 10, 15))).hasSize(9);
	}

	@Test
	void theKommuneEditsAnActivity_everyChangeIsKeptWithWhoAndWhen() throws Exception {
		MockHttpSession own = own();
		Activity kickOff = activity("kick-off Veranstaltung");
		String goalKey = agreements.current(kommune).orElseThrow().goals().get(0).key();
		String form = page(own, "/kooperationen/" + kommune + "/zeitplan/massnahmen/" + kickOff.id(), 200);
		assertThat(form).contains("value=\"Sep\"").contains("Bildungsmonitoring aufbauen");

		MockHttpServletResponse saved = mvc.perform(post("/kooperationen/" + kommune + "/zeitplan/massnahmen/" + kickOff.id()).session(own)
			.param("_csrf", token(own)).param("fieldId", kickOff.fieldId()).param("title", kickOff.title())
			.param("responsible", "Bildungsbüro").param("status", "erledigt").param("goalKey", goalKey)
			.param("period2019", "Sep").param("period2020", "Nachtreffen im März")).andReturn().getResponse();

		assertThat(saved.getStatus()).isEqualTo(302);
		Activity edited = activity("kick-off Veranstaltung");
		assertThat(edited.status()).isEqualTo(PlanStatus.DONE);
		assertThat(edited.responsible()).isEqualTo("Bildungsbüro");
		assertThat(edited.goalKey()).isEqualTo(goalKey);
		assertThat(edited.periodIn(2020).orElseThrow().start()).isEqualTo(LocalDate.of(2020, 3, 1));
		assertThat(plans.changes(kommune).get(0)).satisfies(change -> {
			assertThat(change.by()).isEqualTo("sabine.krause");
			assertThat(change.at()).isEqualTo(NOW.toInstant());
			assertThat(change.summary()).isEqualTo("Status: geplant → erledigt; Verantwortlich: – → „Bildungsbüro“; "
					+ "Ziel der Zielvereinbarung zugeordnet; Zeitraum 2020: – → „Nachtreffen im März“");
		});
		assertThat(page(own, "/kooperationen/" + kommune + "/zeitplan", 200)).contains("15.10.2026, 10:00 Uhr")
			.contains("Bildungsmonitoring aufbauen");

		MockHttpServletResponse added = mvc.perform(post("/kooperationen/" + kommune + "/zeitplan/massnahmen/neu").session(own)
			.param("_csrf", token(own)).param("fieldId", "neu").param("newField", "5. Öffentlichkeitsarbeit")
			.param("title", "Bildungsbericht im Stadtrat vorstellen").param("status", "geplant").param("period2021", "Juni"))
			.andReturn().getResponse();
		assertThat(added.getStatus()).isEqualTo(302);
		assertThat(plans.of(kommune).fields()).last().satisfies(field -> {
			assertThat(field.title()).isEqualTo("5. Öffentlichkeitsarbeit");
			assertThat(field.activities()).singleElement().satisfies(a -> assertThat(a.title()).isEqualTo("Bildungsbericht im Stadtrat vorstellen"));
		});
	}

	@Test
	void mistakesAreNamedInGerman_andNothingIsStored() throws Exception {
		MockHttpSession own = own();
		page(own, "/kooperationen/" + kommune + "/zeitplan", 200);
		Activity kickOff = activity("kick-off Veranstaltung");
		int changesBefore = plans.changes(kommune).size();

		MockHttpServletResponse refused = mvc.perform(post("/kooperationen/" + kommune + "/zeitplan/massnahmen/" + kickOff.id()).session(own)
			.param("_csrf", token(own)).param("fieldId", "gibt-es-nicht").param("title", "  ")
			.param("status", "fertig").param("goalKey", "z-unbekannt").param("period2019", "Dezember 2019 bis März 2019")
			.param("period2020", "Steuer\u0007zeichen")).andReturn().getResponse();

		assertThat(refused.getStatus()).as(refused.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(422);
		assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("Die Maßnahme wurde nicht gespeichert")
			.contains("Bitte beschreiben Sie die Maßnahme.")
			.contains("Bitte wählen Sie einen Status: geplant, läuft, erledigt oder verschoben.")
			.contains("Dieses Ziel steht nicht in der geltenden Zielvereinbarung.")
			.contains("Dieses Handlungsfeld gibt es im Plan nicht.")
			.contains("Zeitraum 2019: Das Ende liegt vor dem Beginn.")
			.contains("Zeitraum 2020: enthält unzulässige Steuerzeichen.")
			.contains("value=\"Dezember 2019 bis März 2019\"");
		assertThat(activity("kick-off Veranstaltung")).isEqualTo(kickOff);
		assertThat(plans.changes(kommune)).hasSize(changesBefore);

		int withoutToken = mvc.perform(post("/kooperationen/" + kommune + "/zeitplan/massnahmen/neu").session(own)
			.param("fieldId", kickOff.fieldId()).param("title", "ohne Token").param("status", "geplant")).andReturn().getResponse().getStatus();
		assertThat(withoutToken).isEqualTo(403);
		assertThat(plans.of(kommune).activities()).noneMatch(activity -> activity.title().equals("ohne Token"));
	}

	@Test
	void theAgencyReadsThePlanButDoesNotEditIt() throws Exception {
		MockHttpSession agency = session("lena.vogt", PartyGroups.AGENCY_TEAM);
		Activity kickOff = activity("kick-off Veranstaltung");

		assertThat(page(agency, "/kooperationen/" + kommune + "/zeitplan", 200)).contains("kick-off Veranstaltung")
			.doesNotContain("Maßnahme hinzufügen").doesNotContain(">bearbeiten<");
		assertThat(page(agency, "/kooperationen/" + kommune + "/zeitplan/massnahmen/" + kickOff.id(), 403))
			.contains("Den Zeitplan bearbeitet die Kommune selbst; die Transferagentur kann ihn lesen.");
		page(agency, "/kooperationen/" + kommune + "/zeitplan/import", 403);
		page(agency, "/kooperationen/" + kommune, 200);
		int posted = mvc.perform(post("/kooperationen/" + kommune + "/zeitplan/massnahmen/" + kickOff.id()).session(agency)
			.param("_csrf", token(agency)).param("fieldId", kickOff.fieldId()).param("title", "von der Agentur")
			.param("status", "erledigt")).andReturn().getResponse().getStatus();

		assertThat(posted).isEqualTo(403);
		assertThat(activity("kick-off Veranstaltung")).isEqualTo(kickOff);
	}

	@Test
	void theAgencyCommentsOnAnActivity_theCommentIsKeptWithWhoAndWhen_anEmptyOneIsRefused() throws Exception {
		MockHttpSession agency = session("lena.vogt", PartyGroups.AGENCY_TEAM);
		Activity counselling = activity("Aufbau einer Bildungsberatung");
		int before = plans.changes(kommune).size();

		MockHttpServletResponse empty = mvc.perform(post("/kooperationen/" + kommune + "/zeitplan/kommentar").session(agency)
			.param("_csrf", token(agency)).param("comment", "   ").param("commentActivity", "gibt-es-nicht")).andReturn().getResponse();
		assertThat(empty.getStatus()).isEqualTo(422);
		assertThat(empty.getContentAsString(StandardCharsets.UTF_8)).contains("Der Kommentar wurde nicht gespeichert")
			.contains("Bitte schreiben Sie Ihren Kommentar.").contains("Diese Maßnahme gibt es im Plan nicht (mehr).");
		assertThat(plans.changes(kommune)).hasSize(before);

		MockHttpServletResponse saved = mvc.perform(post("/kooperationen/" + kommune + "/zeitplan/kommentar").session(agency)
			.param("_csrf", token(agency)).param("comment", "Wir vermitteln gern eine Referentin aus einer Nachbarkommune.")
			.param("commentActivity", counselling.id())).andReturn().getResponse();
		assertThat(saved.getStatus()).isEqualTo(302);
		assertThat(plans.changes(kommune).get(0)).satisfies(comment -> {
			assertThat(comment.comment()).isTrue();
			assertThat(comment.by()).isEqualTo("lena.vogt");
			assertThat(comment.activityTitle()).isEqualTo("Aufbau einer Bildungsberatung");
			assertThat(comment.label()).isEqualTo("Kommentar: Wir vermitteln gern eine Referentin aus einer Nachbarkommune.");
		});
		assertThat(page(own(), "/kooperationen/" + kommune + "/zeitplan", 200))
			.contains("Kommentar: Wir vermitteln gern eine Referentin aus einer Nachbarkommune.");
		// the plan itself is unchanged
		assertThat(activity("Aufbau einer Bildungsberatung")).isEqualTo(counselling);

		MockHttpSession other = session("petra.lange", PartyGroups.municipalityContacts("nienburg"));
		int refused = mvc.perform(post("/kooperationen/" + kommune + "/zeitplan/kommentar").session(other)
			.param("_csrf", token(other)).param("comment", "fremd")).andReturn().getResponse().getStatus();
		assertThat(refused).isEqualTo(403);
		assertThat(plans.changes(kommune)).hasSize(before + 1);
	}

	@Test
	void theKommuneWidensThePlansYears_bisProjektendeMovesWithIt_aYearWithPeriodsCannotBeDropped() throws Exception {
		MockHttpSession own = own();
		int before = plans.changes(kommune).size();

		MockHttpServletResponse refused = mvc.perform(post("/kooperationen/" + kommune + "/zeitplan/jahre").session(own)
			.param("_csrf", token(own)).param("firstYear", "2020").param("lastYear", "2022")).andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("In der Spalte 2019 stehen Zeitangaben");
		MockHttpServletResponse wrong = mvc.perform(post("/kooperationen/" + kommune + "/zeitplan/jahre").session(own)
			.param("_csrf", token(own)).param("firstYear", "neunzehn").param("lastYear", "2018")).andReturn().getResponse();
		assertThat(wrong.getContentAsString(StandardCharsets.UTF_8)).contains("Erstes Jahr: bitte eine Jahreszahl wie 2026.")
			.contains("value=\"neunzehn\"");
		assertThat(plans.of(kommune).lastYear()).isEqualTo(2021);
		assertThat(plans.changes(kommune)).hasSize(before);

		MockHttpServletResponse saved = mvc.perform(post("/kooperationen/" + kommune + "/zeitplan/jahre").session(own)
			.param("_csrf", token(own)).param("firstYear", "2019").param("lastYear", "2022")).andReturn().getResponse();

		assertThat(saved.getStatus()).isEqualTo(302);
		Plan plan = plans.of(kommune);
		assertThat(plan.years()).containsExactly(2019, 2020, 2021, 2022);
		assertThat(activity("regelmäßige Kommunikation").end()).isEqualTo(LocalDate.of(2022, 12, 31));
		assertThat(activity("Bildung von Facharbeitsgruppen").end()).as("„bis Projektende 2021“ names its year").isEqualTo(LocalDate.of(2021, 12, 31));
		assertThat(plans.changes(kommune).get(0).summary()).isEqualTo("Planungszeitraum: 2019–2021 → 2019–2022");
		page(session("lena.vogt", PartyGroups.AGENCY_TEAM), "/kooperationen/" + kommune + "/zeitplan", 200);
		int byAgency = mvc.perform(post("/kooperationen/" + kommune + "/zeitplan/jahre").session(session("lena.vogt", PartyGroups.AGENCY_TEAM))
			.param("firstYear", "2019").param("lastYear", "2023")).andReturn().getResponse().getStatus();
		assertThat(byAgency).isEqualTo(403);
	}

	@Test
	void theKommuneSwitchesRemindersOfItsActivitiesEndsOn_offByDefault_theAgencyOnlyReadsIt() throws Exception {
		MockHttpSession own = own();
		assertThat(plans.remindersSince(kommune)).as("off by default").isEmpty();
		assertThat(page(own, "/kooperationen/" + kommune + "/zeitplan", 200)).contains("Erinnerungen an das Ende der Maßnahmen")
			.contains("value=\"aus\" checked=\"checked\"");

		MockHttpServletResponse wrong = mvc.perform(post("/kooperationen/" + kommune + "/zeitplan/erinnerungen").session(own)
			.param("_csrf", token(own)).param("reminders", "vielleicht")).andReturn().getResponse();
		assertThat(wrong.getStatus()).isEqualTo(422);
		assertThat(wrong.getContentAsString(StandardCharsets.UTF_8))
			.contains("Bitte wählen Sie, ob die Erinnerungen an- oder ausgeschaltet werden sollen.");
		int byAgency = mvc.perform(post("/kooperationen/" + kommune + "/zeitplan/erinnerungen").session(session("lena.vogt",
				PartyGroups.AGENCY_TEAM)).param("reminders", "an")).andReturn().getResponse().getStatus();
		assertThat(byAgency).isEqualTo(403);
		assertThat(plans.remindersSince(kommune)).isEmpty();

		MockHttpServletResponse on = mvc.perform(post("/kooperationen/" + kommune + "/zeitplan/erinnerungen").session(own)
			.param("_csrf", token(own)).param("reminders", "an")).andReturn().getResponse();

		assertThat(on.getStatus()).isEqualTo(302);
		assertThat(plans.remindersSince(kommune)).contains(NOW.toInstant());
		assertThat(plans.changes(kommune).get(0)).satisfies(change -> {
			assertThat(change.by()).isEqualTo("sabine.krause");
			assertThat(change.summary()).isEqualTo("Erinnerungen an das Ende der Maßnahmen eingeschaltet");
		});
		assertThat(page(own, on.getRedirectedUrl(), 200))
			.contains("Die Erinnerungen an das Ende der Maßnahmen sind eingeschaltet.").contains("value=\"an\" checked=\"checked\"");
		assertThat(page(session("lena.vogt", PartyGroups.AGENCY_TEAM), "/kooperationen/" + kommune + "/zeitplan", 200))
			.contains("Die Kommune lässt sich an das Ende ihrer Maßnahmen erinnern.").doesNotContain("Erinnerungen speichern");
	}

	@Test
	void anotherKommunesUserIsRefusedEverywhere_andSomeoneNotLoggedInIsAskedToLogIn() throws Exception {
		MockHttpSession other = session("petra.lange", PartyGroups.municipalityContacts("nienburg"));
		Activity kickOff = activity("kick-off Veranstaltung");
		for (String path : List.of("/zeitplan", "/zeitplan.pdf", "/zeitplan/massnahmen/neu", "/zeitplan/massnahmen/" + kickOff.id(),
				"/zeitplan/import")) {
			assertThat(page(other, "/kooperationen/" + kommune + path, 403)).doesNotContain("kick-off");
		}
		int posted = mvc.perform(post("/kooperationen/" + kommune + "/zeitplan/massnahmen/" + kickOff.id()).session(other)
			.param("_csrf", token(other)).param("fieldId", kickOff.fieldId()).param("title", "fremd").param("status", "erledigt"))
			.andReturn().getResponse().getStatus();
		assertThat(posted).isEqualTo(403);
		assertThat(activity("kick-off Veranstaltung")).isEqualTo(kickOff);
		assertThat(page(other, "/kooperationen/" + kommune + "/zeitplan", 403)).contains("Sie können nur die Kooperation Ihrer eigenen Kommune sehen.");
		page(new MockHttpSession(), "/kooperationen/" + kommune + "/zeitplan", 401);
	}

	@Test
	void thePdfIsA4LandscapeWithThePlansText() throws Exception {
		MockHttpServletResponse pdf = mvc.perform(get("/kooperationen/" + kommune + "/zeitplan.pdf").session(own())).andReturn().getResponse();

		assertThat(pdf.getStatus()).isEqualTo(200);
		assertThat(pdf.getContentType()).isEqualTo("application/pdf");
		try (PDDocument document = Loader.loadPDF(pdf.getContentAsByteArray())) {
			PDRectangle page = document.getPage(0).getMediaBox();
			assertThat(page.getWidth()).isGreaterThan(page.getHeight());
			assertThat(page.getWidth()).isCloseTo(PDRectangle.A4.getHeight(), org.assertj.core.data.Offset.offset(1f));
			String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
			assertThat(text).contains("Zeitplan Teststadt " + kommune).contains("Stand 15.10.2026")
				.contains("3. Schaffung einer Datengrundlage").contains("Beginnend ab Nov 2020 bis Projektende")
				.contains("01.12.2019 – offen").contains("geplant (überfällig)");
			// the timeline is drawn in on the first page: bars of planned activities, late ones outlined in red
			BufferedImage firstPage = new PDFRenderer(document).renderImageWithDPI(0, 100);
			java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
			javax.imageio.ImageIO.write(firstPage, "png", java.nio.file.Path.of("target", "screenshots", "zeitplan-pdf.png").toFile());
			assertThat(pixels(firstPage, new Color(0x6b, 0x9b, 0xd1))).as("bars of planned activities").isGreaterThan(500);
			assertThat(pixels(firstPage, new Color(0xb0, 0x00, 0x20))).as("late activities and today").isGreaterThan(200);
		}
	}

	@Test
	void anImportShowsAPreviewWithItsMessages_andTakesThePlanOnlyWhenConfirmed() throws Exception {
		MockHttpSession own = own();
		page(own, "/kooperationen/" + kommune + "/zeitplan/import", 200);
		int before = plans.of(kommune).activities().size();
		byte[] csv = "Maßnahme;2027;2028\n5. Beteiligung;;\nJugendforum;Mai;\n;Juni;\n".getBytes(StandardCharsets.UTF_8);

		MockHttpServletResponse preview = mvc.perform(multipart("/kooperationen/" + kommune + "/zeitplan/import")
			.file(new MockMultipartFile("datei", "beteiligung.csv", "text/csv", csv)).param("_csrf", token(own)).session(own))
			.andReturn().getResponse();

		assertThat(preview.getStatus()).isEqualTo(200);
		assertThat(preview.getContentAsString(StandardCharsets.UTF_8)).contains("Vorschau: beteiligung.csv").contains("Jugendforum")
			.contains("Zeile 4: Zeitangaben ohne Maßnahme in der ersten Spalte – nicht übernommen: „Juni“")
			.contains("1 Handlungsfeld mit 1 Maßnahme, Jahre 2027 bis 2028.").contains("Hinweise – 1 Zeile wird nicht übernommen")
			.contains("1 Maßnahme in den Plan übernehmen");
		assertThat(plans.of(kommune).activities()).hasSize(before);

		MockHttpServletResponse confirmed = mvc.perform(post("/kooperationen/" + kommune + "/zeitplan/import/uebernehmen")
			.param("_csrf", token(own)).session(own)).andReturn().getResponse();

		assertThat(confirmed.getStatus()).isEqualTo(302);
		Plan plan = plans.of(kommune);
		assertThat(plan.activities()).hasSize(before + 1);
		assertThat(plan.lastYear()).isEqualTo(2028);
		assertThat(plan.fields()).last().satisfies(field -> assertThat(field.title()).isEqualTo("5. Beteiligung"));
		// the preview is used once
		assertThat(mvc.perform(post("/kooperationen/" + kommune + "/zeitplan/import/uebernehmen").param("_csrf", token(own)).session(own))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("Es liegt keine Vorschau vor. Bitte laden Sie die Datei erneut hoch.");

		MockHttpServletResponse unreadable = mvc.perform(multipart("/kooperationen/" + kommune + "/zeitplan/import")
			.file(new MockMultipartFile("datei", "falsch.csv", "text/csv", "Maßnahme;Wann\nKick-off;Sep\n".getBytes(StandardCharsets.UTF_8)))
			.param("_csrf", token(own)).session(own)).andReturn().getResponse();
		assertThat(unreadable.getStatus()).isEqualTo(422);
		assertThat(unreadable.getContentAsString(StandardCharsets.UTF_8)).contains("Die Datei wurde nicht übernommen")
			.contains("Keine Kopfzeile mit Jahren gefunden.");
		assertThat(plans.of(kommune).activities()).hasSize(before + 1);
	}

	@Test
	void theCollaborationPageLinksToTheTimeline() throws Exception {
		assertThat(page(own(), "/kooperationen/" + kommune, 200)).contains("/kooperationen/" + kommune + "/zeitplan\"")
			.contains("/kooperationen/" + kommune + "/zeitplan.pdf");
	}

	/** Pixels of about that colour (anti-aliased edges aside). */
	private static int pixels(BufferedImage image, Color colour) {
		int count = 0;
		for (int x = 0; x < image.getWidth(); x++) {
			for (int y = 0; y < image.getHeight(); y++) {
				Color pixel = new Color(image.getRGB(x, y));
				if (Math.abs(pixel.getRed() - colour.getRed()) + Math.abs(pixel.getGreen() - colour.getGreen())
						+ Math.abs(pixel.getBlue() - colour.getBlue()) < 24) {
					count++;
				}
			}
		}
		return count;
	}

	private Activity activity(String titleStart) {
		return plans.of(kommune).activities().stream().filter(activity -> activity.title().startsWith(titleStart)).findFirst().orElseThrow();
	}

	private MockHttpSession own() {
		return session("sabine.krause", PartyGroups.municipalityContacts(kommune));
	}

	/** The session's form token, as the form pages create it. */
	private String token(MockHttpSession session) {
		if (session.getAttribute(CSRF) == null) {
			session.setAttribute(CSRF, java.util.UUID.randomUUID().toString());
		}
		return session.getAttribute(CSRF).toString();
	}

	private String page(MockHttpSession session, String path, int status) throws Exception {
		MockHttpServletRequestBuilder request = get(path).session(session);
		MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(status);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	private static MockHttpSession session(String userId, String... groups) {
		MockHttpSession session = new MockHttpSession();
		UserAuthentication user = new UserAuthentication(userId, "default");
		user.setGroupIds(List.of(groups));
		Authentications authentications = new Authentications();
		authentications.addOrReplace(user);
		AuthenticationUtil.updateSession(session, authentications);
		return session;
	}

}
