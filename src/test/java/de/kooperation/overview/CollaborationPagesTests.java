package de.kooperation.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.kooperation.EngineClock;
import de.kooperation.ProcessTest;
import de.kooperation.Scenario;
import de.kooperation.WebappSessions;
import de.kooperation.agreement.AgreementJourney;
import de.kooperation.agreement.AgreementVersion;
import de.kooperation.agreement.Agreements;
import de.kooperation.agreement.Goal;
import de.kooperation.agreement.Milestone;
import de.kooperation.collaboration.CollaborationService;
import de.kooperation.shared.PartyGroups;

/**
 * The pages of a collaboration, the draft editor, the overview, the PDF, the chart and the
 * funder report: shown to the agency and the Kommune's own users, refused to another Kommune's
 * users and to anyone not logged in.
 */
@ProcessTest
@Import(AgreementJourney.class)
class CollaborationPagesTests {

	static final ZonedDateTime NOW = ZonedDateTime.of(2026, 10, 15, 10, 0, 0, 0, ZoneId.of("Europe/Berlin"));

	@Autowired
	WebApplicationContext context;

	@Autowired
	Scenario scenario;

	@Autowired
	AgreementJourney journey;

	@Autowired
	Agreements agreements;

	@Autowired
	CollaborationService collaborations;

	MockMvc mvc;

	String kommune;

	Milestone lateMilestone;

	@RegisterExtension
	static final EngineClock CLOCK = EngineClock.at(NOW.toInstant());

	@BeforeEach
	void aKommuneWithTwoVersions() {
		mvc = MockMvcBuilders.webAppContextSetup(context).build();
		lateMilestone = AgreementJourney.milestone("Bedarfsanalyse <abschließen>", LocalDate.of(2026, 10, 14));
		kommune = journey.signFirstVersion("TH", List.of(AgreementJourney.goal(Goal.HIGH, "Bildungsmonitoring & Daten")),
				List.of(lateMilestone, AgreementJourney.milestone("Diskurs", LocalDate.of(2027, 5, 31))), LocalDate.of(2026, 10, 1));
		ProcessInstance revision = journey.startRevision(kommune);
		AgreementVersion draft = agreements.openDraft(kommune);
		agreements.saveDraftContent(kommune, List.of(draft.goals().get(0), AgreementJourney.goal(Goal.MEDIUM, "Bildungsberatung")),
				draft.milestones(), draft.municipalityDuties(), draft.agencyDuties());
		journey.signRevision(revision, LocalDate.of(2026, 10, 14), "Ziel Bildungsberatung neu");
		agreements.closeMilestone(kommune, draft.milestones().get(1).key(), "lena.vogt");
	}

	@Test
	void theCollaborationPageShowsAgreementPlanHistoryChartAndTasks_toTheAgency() throws Exception {
		String page = page(agency(), "/kooperationen/" + kommune, 200);

		assertThat(page).contains("Kooperation Teststadt " + kommune).contains("Fassung 2")
			.contains("Bildungsmonitoring &amp; Daten").contains("Bildungsberatung")
			.contains("Bedarfsanalyse &lt;abschließen&gt;").doesNotContain("<abschließen>")
			.contains("(überfällig)").contains("abgeschlossen")
			.contains("ansehen und vergleichen").contains("<svg").contains("zielvereinbarung.pdf?fassung=2");
	}

	@Test
	void thePageSaysTheOverdueItemsAreMilestones_whenNoTaskIsOpen() throws Exception {
		String page = page(agency(), "/kooperationen/" + kommune, 200);

		// one milestone past its deadline with a part for each side, no open task
		assertThat(text(page)).contains("Überfällig: Transferagentur 0 Aufgaben, 1 Meilenstein; Kommune 0 Aufgaben, 1 Meilenstein")
			.contains("Keine offenen Aufgaben. Überfällige Meilensteine stehen im Meilensteinplan.");
	}

	@Test
	void afterATerminationNoMilestoneIsOverdue_neitherInTheCountsNorInRed() throws Exception {
		// the Kommune with the overdue milestone works in a collaboration, which then ends
		ProcessInstance collaboration = collaborations.start(kommune, "2028-12-31", null);
		assertThat(page(agency(), "/kooperationen/" + kommune, 200)).contains("(überfällig)");

		scenario.runtime().deleteProcessInstance(collaboration.getId(), "gekündigt");

		String page = page(agency(), "/kooperationen/" + kommune, 200);
		assertThat(text(page)).contains("Überfällig: Transferagentur 0 Aufgaben, 0 Meilensteine; Kommune 0 Aufgaben, 0 Meilensteine");
		assertThat(page).doesNotContain("(überfällig)").doesNotContain("class=\"late\"").contains("(entfallen mit dem Ende der Kooperation)");
	}

	@Test
	void eachPartyClosesItsOwnPartAfterConfirming_closingIsLoggedWithWhoAndWhen_andOnlyTheAgencyReopens() throws Exception {
		String key = lateMilestone.key();
		String base = "/kooperationen/" + kommune + "/meilensteine/" + key;
		MockHttpSession own = session("sabine.krause", PartyGroups.municipalityContacts(kommune));
		assertThat(text(page(own, "/kooperationen/" + kommune, 200))).contains("Teil Kommune: offen Teil Kommune abschließen …",
				"Teil Transferagentur: offen").doesNotContain("Teil Transferagentur abschließen", "wieder öffnen");

		// the link asks first; asking closes nothing
		assertThat(text(page(own, base + "/abschliessen", 200))).contains("Sie schließen den Teil Kommune ab:",
				"Kommune: Bedarfsanalyse <abschließen>", "Wollen Sie diesen Teil wirklich abschließen?", "Ja, Teil „Kommune“ abschließen");
		assertThat(closed(key)).isFalse();
		MockHttpServletResponse kommuneCloses = mvc.perform(post(base + "/abschliessen").session(own)
			.param("_csrf", (String) own.getAttribute(PageAccess.CSRF_ATTRIBUTE))).andReturn().getResponse();
		assertThat(kommuneCloses.getStatus()).isEqualTo(302);
		assertThat(kommuneCloses.getRedirectedUrl()).endsWith("?meilenstein=teil-abgeschlossen");
		// the agency's part is still open, so is the milestone
		assertThat(closed(key)).isFalse();
		assertThat(text(page(own, "/kooperationen/" + kommune, 200)))
			.contains("Teil Kommune: erledigt am 15.10.2026 von sabine.krause", "Teil Transferagentur: offen");
		assertThat(mvc.perform(post(base + "/abschliessen").session(own).param("_csrf", (String) own.getAttribute(PageAccess.CSRF_ATTRIBUTE)))
			.andReturn().getResponse().getStatus()).as("the same part twice").isEqualTo(400);
		assertThat(mvc.perform(post(base + "/wieder-oeffnen").session(own).param("_csrf", (String) own.getAttribute(PageAccess.CSRF_ATTRIBUTE)))
			.andReturn().getResponse().getStatus()).as("a Kommune reopens").isEqualTo(403);

		MockHttpSession agency = agency();
		assertThat(text(page(agency, "/kooperationen/" + kommune, 200))).contains("Teil Transferagentur: offen Teil Transferagentur abschließen …");
		MockHttpServletResponse agencyCloses = mvc.perform(post(base + "/abschliessen").session(agency)
			.param("_csrf", (String) agency.getAttribute(PageAccess.CSRF_ATTRIBUTE))).andReturn().getResponse();
		assertThat(agencyCloses.getRedirectedUrl()).endsWith("?meilenstein=abgeschlossen");
		assertThat(closed(key)).isTrue();
		assertThat(text(page(agency, "/kooperationen/" + kommune, 200))).contains(
				"15.10.2026 10:00 · sabine.krause · Bedarfsanalyse <abschließen>: Teil „Kommune“ abgeschlossen",
				"15.10.2026 10:00 · lena.vogt · Bedarfsanalyse <abschließen>: Teil „Transferagentur“ abgeschlossen",
				"15.10.2026 10:00 · lena.vogt · Bedarfsanalyse <abschließen>: Meilenstein abgeschlossen",
				"„Bedarfsanalyse <abschließen>“ wieder öffnen");

		MockHttpServletResponse reopened = mvc.perform(post(base + "/wieder-oeffnen").session(agency)
			.param("_csrf", (String) agency.getAttribute(PageAccess.CSRF_ATTRIBUTE))).andReturn().getResponse();
		assertThat(reopened.getStatus()).isEqualTo(302);
		assertThat(closed(key)).isFalse();
		assertThat(text(page(own, "/kooperationen/" + kommune, 200))).contains("Teil Kommune: offen Teil Kommune abschließen …",
				"lena.vogt · Bedarfsanalyse <abschließen>: wieder geöffnet");
	}

	private boolean closed(String key) {
		return agreements.current(kommune).orElseThrow().milestones().stream().filter(m -> m.key().equals(key)).findFirst()
			.orElseThrow().closed();
	}

	@Test
	void theOverviewAndThePageOfARunningCollaborationLinkToItsInstanceInCockpit_forThoseWhoMayOpenCockpit() throws Exception {
		ProcessInstance running = scenario.startCollaboration("NI");
		String cockpit = "/camunda/app/cockpit/default/#/process-instance/" + running.getId();
		MockHttpSession projectLead = session("claudia.hartmann", PartyGroups.AGENCY_LEADERSHIP);

		assertThat(page(projectLead, "/kooperationen", 200)).contains(cockpit);
		assertThat(page(projectLead, "/kooperationen/" + running.getBusinessKey(), 200)).contains(cockpit)
			.contains("Einleitende Gespräche führen");
		// a transfer manager has no Cockpit: no link that ends on a refusal
		assertThat(page(agency(), "/kooperationen", 200)).doesNotContain(cockpit);
		assertThat(page(agency(), "/kooperationen/" + running.getBusinessKey(), 200)).doesNotContain(cockpit)
			.contains("Einleitende Gespräche führen");
	}

	@Test
	void theVersionPageShowsWhatChanged() throws Exception {
		String page = page(agency(), "/kooperationen/" + kommune + "/zielvereinbarung/fassungen/2", 200);

		assertThat(page).contains("Fassung 1 → Fassung 2").contains("Ziel hinzugefügt: Bildungsberatung");
		assertThat(page(agency(), "/kooperationen/" + kommune + "/zielvereinbarung/fassungen/1?vergleich=2", 200))
			.contains("Fassung 1 → Fassung 2");
		page(agency(), "/kooperationen/" + kommune + "/zielvereinbarung/fassungen/7", 404);
	}

	@Test
	void whatChangedBetweenVersionsShowsOldAndNewValueOfEveryChangedGoalMilestoneDutyAndDate() throws Exception {
		ProcessInstance revision = journey.startRevision(kommune);
		AgreementVersion draft = agreements.openDraft(kommune);
		Goal counselling = draft.goals().get(1);
		Milestone discourse = draft.milestones().get(1);
		agreements.saveDraftContent(kommune,
				List.of(draft.goals().get(0), new Goal(counselling.key(), Goal.HIGH, counselling.title(), counselling.explanation(),
						counselling.measures(), "2027–2028")),
				List.of(draft.milestones().get(0), new Milestone(discourse.key(), discourse.title(), discourse.purpose(),
						discourse.municipalityPart(), discourse.agencyPart(), "bis 6/2027", LocalDate.of(2027, 6, 30), discourse.closed())),
				draft.municipalityDuties(), "Die Transferagentur qualifiziert in Workshops.");
		journey.signRevision(revision, LocalDate.of(2026, 10, 15), "Bildungsberatung vorgezogen, Diskurs verschoben");

		String page = page(agency(), "/kooperationen/" + kommune + "/zielvereinbarung/fassungen/3", 200);

		assertThat(page).contains("Fassung 2 → Fassung 3",
				"Ziel geändert: Bildungsberatung – Priorität: mittel → hoch; Zeitrahmen: 2026–2027 → 2027–2028",
				"Meilenstein geändert: Diskurs – Zeitraum: bis 5/2027 → bis 6/2027; Frist: 31.05.2027 → 30.06.2027",
				"Geändert: Pflichten der Transferagentur: Die Transferagentur begleitet die Kommune. → Die Transferagentur qualifiziert in Workshops.");
	}

	@Test
	void theKommunesOwnUsersSeeTheirPages_anotherKommunesUsersAreRefused() throws Exception {
		MockHttpSession own = session("sabine.krause", PartyGroups.municipalityContacts(kommune));
		MockHttpSession other = session("petra.lange", PartyGroups.municipalityContacts("nienburg"));

		page(own, "/kooperationen/" + kommune, 200);
		page(own, "/kooperationen/" + kommune + "/zielvereinbarung/fassungen/2", 200);
		page(own, "/kooperationen", 403);
		for (String path : List.of("", "/zielvereinbarung/entwurf", "/zielvereinbarung/fassungen/1", "/zielvereinbarung.pdf",
				"/reifegrad.svg")) {
			assertThat(page(other, "/kooperationen/" + kommune + path, 403)).doesNotContain("Bildungsmonitoring");
		}
		page(other, "/kooperationen/bericht.json", 403);
		page(new MockHttpSession(), "/kooperationen/" + kommune, 401);
	}

	@Test
	void theAgreementIsPrintableAsPdf_andTheChartIsSvg() throws Exception {
		MockHttpServletResponse pdf = mvc.perform(get("/kooperationen/" + kommune + "/zielvereinbarung.pdf").param("fassung", "2")
			.session(agency())).andReturn().getResponse();
		assertThat(pdf.getStatus()).isEqualTo(200);
		assertThat(pdf.getContentType()).isEqualTo("application/pdf");
		assertThat(new String(pdf.getContentAsByteArray(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

		MockHttpServletResponse svg = mvc.perform(get("/kooperationen/" + kommune + "/reifegrad.svg").session(agency()))
			.andReturn().getResponse();
		assertThat(svg.getContentType()).startsWith("image/svg+xml");
		assertThat(svg.getContentAsString(StandardCharsets.UTF_8)).contains("Noch keine Standortbestimmung.");
	}

	@Test
	void theAgreementPdfsMilestonePlanShowsEachDeadline() throws Exception {
		MockHttpServletResponse pdf = mvc.perform(get("/kooperationen/" + kommune + "/zielvereinbarung.pdf").param("fassung", "2")
			.session(agency())).andReturn().getResponse();
		try (PDDocument document = Loader.loadPDF(pdf.getContentAsByteArray())) {
			String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
			// the deadline (TT.MM.JJJJ) stands between the period and the status of each row
			assertThat(text).contains("Zeitraum Frist Status", "14.10.2026 offen", "31.05.2027 offen");
		}
	}

	@Test
	void theOverviewListsTheCollaborationWithOverdueItemsPerParty_filteredByPhase() throws Exception {
		String overview = page(agency(), "/kooperationen?sortierung=ueberfaellig", 200);
		assertThat(overview).contains("Teststadt " + kommune).contains("1 / 1");
		assertThat(page(agency(), "/kooperationen?phase=Umsetzung", 200)).doesNotContain("Teststadt " + kommune);
	}

	@Test
	void theFunderReportMatchesTheData() throws Exception {
		JsonNode rows = new ObjectMapper().readTree(page(agency(), "/kooperationen/bericht.json", 200));
		JsonNode row = null;
		for (JsonNode candidate : rows) {
			if (candidate.path("municipalityId").asText().equals(kommune)) {
				row = candidate;
			}
		}
		assertThat(row).isNotNull();
		assertThat(row.path("signedOn").asText()).isEqualTo("2026-10-01");
		assertThat(row.path("revisions")).hasSize(1);
		assertThat(row.path("revisions").get(0).path("version").asInt()).isEqualTo(2);
		assertThat(row.path("revisions").get(0).path("signedOn").asText()).isEqualTo("2026-10-14");
		assertThat(row.path("milestones").asInt()).isEqualTo(2);
		assertThat(row.path("milestonesReached")).hasSize(1);
		assertThat(row.path("milestonesReached").get(0).path("milestone").asText()).isEqualTo("Diskurs");
		assertThat(row.path("milestonesReached").get(0).path("closedOn").asText()).isEqualTo("2026-10-15");

		String csv = page(agency(), "/kooperationen/bericht.csv", 200);
		assertThat(csv).contains("\"" + kommune + "\";\"Teststadt " + kommune + "\";\"TH\";\"Nicht begonnen\";\"2026-10-01\";"
				+ "\"Fassung 2: 2026-10-14\";\"2\";\"Diskurs (2026-10-15)\"");
	}

	@Test
	void theDraftIsEditedAsLists_onlyByTheAgencyWhileDrafting_andWithTheFormsToken() throws Exception {
		ProcessInstance revision = journey.startRevision(kommune);
		MockHttpSession agency = agency();
		String editor = page(agency, "/kooperationen/" + kommune + "/zielvereinbarung/entwurf", 200);
		assertThat(editor).contains("name=\"goalTitle\"").contains("Bildungsberatung")
			.contains("name=\"milestoneFulfilledBy\"").contains("Ergebnisbericht erstellt");
		String token = (String) agency.getAttribute(PageAccess.CSRF_ATTRIBUTE);
		AgreementVersion draft = agreements.draft(kommune).orElseThrow();
		String removedKey = draft.goals().get(0).key();

		int refused = mvc.perform(post("/kooperationen/" + kommune + "/zielvereinbarung/entwurf").session(agency)
			.param("goalKey", removedKey).param("goalTitle", "ohne Token")).andReturn().getResponse().getStatus();
		assertThat(refused).isEqualTo(403);

		MockHttpServletResponse saved = mvc.perform(post("/kooperationen/" + kommune + "/zielvereinbarung/entwurf").session(agency)
			.param("_csrf", token)
			.param("goalKey", removedKey, draft.goals().get(1).key(), "")
			.param("goalPriority", "hoch", "hoch", "mittel")
			.param("goalTitle", "Bildungsmonitoring", "Bildungsberatung", "Partizipation stärken")
			.param("goalExplanation", "", "", "Beteiligung von Zielgruppen")
			.param("goalMeasures", "", "", "")
			.param("goalTimeFrame", "", "2027", "")
			.param("goalRemove", removedKey)
			.param("milestoneKey", "")
			.param("milestoneTitle", "Kooperationswerkstatt")
			.param("milestonePurpose", "Ziele präzisieren")
			.param("milestoneMunicipalityPart", "Einladung")
			.param("milestoneAgencyPart", "Moderation")
			.param("milestonePeriod", "3/2027")
			.param("milestoneDue", "2027-03-31")
			.param("milestoneStatus", "offen")
			.param("milestoneFulfilledBy", "user_write_result_report")
			.param("municipalityDuties", "Rückmeldung geben")
			.param("agencyDuties", "Workshops anbieten")).andReturn().getResponse();
		assertThat(saved.getStatus()).isEqualTo(302);

		AgreementVersion edited = agreements.draft(kommune).orElseThrow();
		assertThat(edited.goals()).extracting(Goal::title).containsExactly("Bildungsberatung", "Partizipation stärken");
		assertThat(edited.goals().get(0).key()).isEqualTo(draft.goals().get(1).key());
		assertThat(edited.goals().get(1).priority()).isEqualTo("mittel");
		assertThat(edited.milestones()).singleElement().satisfies(m -> {
			assertThat(m.title()).isEqualTo("Kooperationswerkstatt");
			assertThat(m.dueOn()).isEqualTo(LocalDate.of(2027, 3, 31));
			assertThat(m.fulfilledBy()).isEqualTo("user_write_result_report");
			assertThat(m.fulfilmentLabel()).isEqualTo("Ergebnisbericht erstellt");
		});
		assertThat(page(agency, "/kooperationen/" + kommune + "/zielvereinbarung/entwurf", 200))
			.contains("<option value=\"user_write_result_report\" selected=\"selected\">Ergebnisbericht erstellt</option>");
		assertThat(edited.agencyDuties()).isEqualTo("Workshops anbieten");
		assertThat(agreements.version(kommune, 2).orElseThrow().goals()).hasSize(2);

		MockHttpSession ownKommune = session("sabine.krause", PartyGroups.municipalityContacts(kommune));
		page(ownKommune, "/kooperationen/" + kommune + "/zielvereinbarung/entwurf", 200);
		int byKommune = mvc.perform(post("/kooperationen/" + kommune + "/zielvereinbarung/entwurf").session(ownKommune)
			.param("_csrf", PageAccess.csrfToken(new org.springframework.mock.web.MockHttpServletRequest()))).andReturn().getResponse()
			.getStatus();
		assertThat(byKommune).isEqualTo(403);
		scenario.runtime().deleteProcessInstance(revision.getId(), "Test beendet");
	}

	@Test
	void aDraftWithMistakesIsNotSaved_theEditorNamesEachMistakeInGermanAndKeepsWhatWasTyped() throws Exception {
		ProcessInstance revision = journey.startRevision(kommune);
		MockHttpSession agency = agency();
		page(agency, "/kooperationen/" + kommune + "/zielvereinbarung/entwurf", 200);
		String token = (String) agency.getAttribute(PageAccess.CSRF_ATTRIBUTE);
		AgreementVersion before = agreements.draft(kommune).orElseThrow();
		String longTitle = "Z".repeat(20_000);

		MockHttpServletResponse refused = mvc.perform(post("/kooperationen/" + kommune + "/zielvereinbarung/entwurf").session(agency)
			.param("_csrf", token)
			.param("goalKey", "", "", "k".repeat(10_000))
			.param("goalPriority", "sehr hoch", "", "")
			.param("goalTitle", "", longTitle, "Schlüssel")
			.param("goalExplanation", "Beteiligung von Zielgruppen", "", "")
			.param("goalMeasures", "", "", "")
			.param("goalTimeFrame", "", "", "")
			.param("milestoneKey", "", "")
			.param("milestoneTitle", "Werkstatt im Februar", "Grün\0dung")
			.param("milestonePurpose", "", "x".repeat(1_000_000))
			.param("milestoneMunicipalityPart", "", "")
			.param("milestoneAgencyPart", "", "")
			.param("milestonePeriod", "", "")
			.param("milestoneDue", "2027-02-30", "1900-01-01")
			.param("milestoneStatus", "offen", "offen")
			.param("milestoneFulfilledBy", "", "")
			.param("municipalityDuties", "Rückmeldung geben")
			.param("agencyDuties", "")).andReturn().getResponse();

		assertThat(refused.getStatus()).isEqualTo(400);
		String page = refused.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Nicht gespeichert.", "Ziel 1: Bitte einen Titel angeben", "Ziel 1: Die Priorität ist",
				"Ziel 2, Titel: höchstens 500 Zeichen (eingegeben: 20000)", "Ziel 3: Die Zeile gehört nicht zu diesem Entwurf",
				"Meilenstein 1: Die Frist ist kein gültiges Datum", "Meilenstein 2: Die Frist muss zwischen 2000 und 2100 liegen",
				"Meilenstein 2, Titel: enthält unzulässige Steuerzeichen", "Meilenstein 2, Zweck: höchstens 2000 Zeichen")
			// what was typed is still there
			.contains("Beteiligung von Zielgruppen", "Werkstatt im Februar", "Rückmeldung geben");
		AgreementVersion after = agreements.draft(kommune).orElseThrow();
		assertThat(after.goals()).isEqualTo(before.goals());
		assertThat(after.milestones()).isEqualTo(before.milestones());
		assertThat(after.municipalityDuties()).isEqualTo(before.municipalityDuties());
		scenario.runtime().deleteProcessInstance(revision.getId(), "Test beendet");
	}

	@Test
	void severalNewGoalsAndMilestonesAreAddedInOneSave_moreEmptyRowsKeepWhatWasTyped_aNewRowCanBeRemoved() throws Exception {
		ProcessInstance revision = journey.startRevision(kommune);
		MockHttpSession agency = agency();
		String editor = page(agency, "/kooperationen/" + kommune + "/zielvereinbarung/entwurf", 200);
		assertThat(editor).contains("aria-label=\"Neu 3: Ziel\"", "aria-label=\"Neu 3: Meilenstein\"").doesNotContain("Neu 4: Ziel");
		String token = (String) agency.getAttribute(PageAccess.CSRF_ATTRIBUTE);
		AgreementVersion before = agreements.draft(kommune).orElseThrow();
		String kept = before.goals().get(0).key();

		// "Weitere leere Zeilen": nothing is saved, what was typed comes back with more empty rows
		MockHttpServletResponse more = mvc.perform(post("/kooperationen/" + kommune + "/zielvereinbarung/entwurf").session(agency)
			.param("_csrf", token).param("weitereZeilen", "ja")
			.param("goalKey", kept, "", "").param("goalPriority", "hoch", "mittel", "")
			.param("goalTitle", before.goals().get(0).title(), "Partizipation stärken", "Übergänge begleiten")
			.param("goalExplanation", "", "", "").param("goalMeasures", "", "", "").param("goalTimeFrame", "", "", "")
			.param("municipalityDuties", "Rückmeldung geben").param("agencyDuties", "Workshops anbieten")).andReturn().getResponse();
		assertThat(more.getStatus()).isEqualTo(200);
		assertThat(more.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("Nicht gespeichert")
			.contains("value=\"Partizipation stärken\"", "value=\"Übergänge begleiten\"", "aria-label=\"Neu 6: Ziel\"");
		assertThat(agreements.draft(kommune).orElseThrow().goals()).isEqualTo(before.goals());

		// one save: two new goals (the third new one ticked "entfernen"), two new milestones
		MockHttpServletResponse saved = mvc.perform(post("/kooperationen/" + kommune + "/zielvereinbarung/entwurf").session(agency)
			.param("_csrf", token)
			.param("goalKey", kept, "", "", "").param("goalPriority", "hoch", "mittel", "", "")
			.param("goalTitle", before.goals().get(0).title(), "Partizipation stärken", "Übergänge begleiten", "doch nicht")
			.param("goalExplanation", "", "", "", "").param("goalMeasures", "", "", "", "").param("goalTimeFrame", "", "", "2028", "")
			.param("goalRemove", "zeile-3")
			.param("milestoneKey", "", "").param("milestoneTitle", "Kooperationswerkstatt", "Bildungskonferenz")
			.param("milestonePurpose", "", "").param("milestoneMunicipalityPart", "", "").param("milestoneAgencyPart", "", "")
			.param("milestonePeriod", "", "").param("milestoneDue", "2027-03-31", "2027-09-30").param("milestoneStatus", "offen", "offen")
			.param("milestoneFulfilledBy", "", "")
			.param("municipalityDuties", "Rückmeldung geben").param("agencyDuties", "Workshops anbieten")).andReturn().getResponse();
		assertThat(saved.getStatus()).isEqualTo(302);

		AgreementVersion edited = agreements.draft(kommune).orElseThrow();
		assertThat(edited.goals()).extracting(Goal::title)
			.containsExactly(before.goals().get(0).title(), "Partizipation stärken", "Übergänge begleiten");
		assertThat(edited.milestones()).extracting(m -> m.title() + " " + m.dueOn())
			.containsExactly("Kooperationswerkstatt 2027-03-31", "Bildungskonferenz 2027-09-30");
		scenario.runtime().deleteProcessInstance(revision.getId(), "Test beendet");
	}

	/** What a reader sees: the page without tags, spaces collapsed. */
	private static String text(String page) {
		return org.springframework.web.util.HtmlUtils.htmlUnescape(page.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ")
			.replace(" ;", ";"));
	}

	private String page(MockHttpSession session, String path, int status) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(path).session(session)).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(status);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	private static MockHttpSession agency() {
		return session("lena.vogt", PartyGroups.AGENCY_TEAM);
	}

	private static MockHttpSession session(String userId, String... groups) {
		return WebappSessions.of(userId, groups);
	}

}
