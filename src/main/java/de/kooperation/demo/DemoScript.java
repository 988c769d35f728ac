package de.kooperation.demo;

import static de.kooperation.shared.CollaborationProcess.Elements.*;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.kooperation.demo.DemoProgress.Target;
import de.kooperation.form.Rows;
import de.kooperation.municipality.Municipality;
import de.kooperation.reminder.WorkingDays;
import de.kooperation.shared.AgreementProcess;
import de.kooperation.shared.BaselineAnalysisProcess;
import de.kooperation.shared.CoreElement;
import de.kooperation.shared.RevisionProcess;

/**
 * Who is in the demo and where their collaborations stand: the agency's staff, the four seed
 * Kommunen with a contact and a Verwaltungsspitze each, the answers their forms get, and the
 * stage each collaboration is moved to. Names are invented, roles and goals come from the seeds
 * (Zielvereinbarungen of Eisenach, Nienburg/Weser and Worms). All demo users have the password
 * {@value #PASSWORD}.
 *
 * <p>To move a collaboration further, add the answers for the tasks on the way to
 * {@link #answers(DemoMunicipality, LocalDate)} and its target to {@link #STAGES}.
 */
public final class DemoScript {

	public static final String PASSWORD = "demo";

	private static final WorkingDays WORKING_DAYS = new WorkingDays();

	/** A demo user; the e-mail address is on example.org. */
	public record Person(String id, String firstName, String lastName, String role) {

		String email() {
			return id + "@example.org";
		}

	}

	/**
	 * A seed Kommune with its people and the content its forms are filled with. The introductory
	 * talks took place {@code talksDaysAgo} days ago; later meetings follow at the usual pace.
	 */
	public record DemoMunicipality(Municipality municipality, Person contact, Person executive, String transferManager,
			int talksDaysAgo, String initialNeeds, String analysisTopics, String discourseFormats, String goals,
			String measures) {

		public String id() {
			return municipality.id();
		}

		boolean wantsTransferPlan() {
			// Niedersachsen's agency works with an individual transfer plan (module 2)
			return "NI".equals(municipality.federalState());
		}

	}

	/** Where a demo Kommune's collaboration is moved to. */
	public record Stage(String municipalityId, Target target, String description) {
	}

	public static final Person TRANSFER_MANAGER_LENA = new Person("lena.vogt", "Lena", "Vogt", "Transfermanagerin (Eisenach, Worms)");

	public static final Person TRANSFER_MANAGER_JONAS = new Person("jonas.berger", "Jonas", "Berger", "Transfermanager (Nienburg/Weser, Chemnitz)");

	public static final Person PROJECT_LEAD = new Person("claudia.hartmann", "Claudia", "Hartmann", "Projektleitung der Transferagentur");

	public static final List<Person> AGENCY_TEAM = List.of(TRANSFER_MANAGER_LENA, TRANSFER_MANAGER_JONAS);

	public static final List<Person> AGENCY_LEADERSHIP = List.of(PROJECT_LEAD);

	public static final DemoMunicipality EISENACH = new DemoMunicipality(
			new Municipality("eisenach", "Stadt Eisenach", "TH"),
			new Person("sabine.krause", "Sabine", "Krause", "Ansprechpartnerin Bildungsmanagement der Stadtverwaltung"),
			new Person("thomas.reinhardt", "Thomas", "Reinhardt", "Oberbürgermeister (Verwaltungsspitze)"),
			TRANSFER_MANAGER_LENA.id(), 150,
			"Aufbau eines kommunalen Bildungsmanagements mit strategischen Zielen (Bildungsleitbild) zu den Schwerpunkten "
					+ "Fachkräfte- und Auszubildendengewinnung, Migration – Bildung, gesellschaftliche Teilhabe von "
					+ "Langzeitarbeitslosen und Menschen mit Behinderung, lebensbegleitendes Lernen; interne Koordinations- "
					+ "und Kooperationsstrukturen; Partizipation; datenbasiertes Bildungsmonitoring.",
			"""
					1. (Weiter-)Entwicklung von strategischen Zielsetzungen, Bildungsleitbild (Priorität hoch)
					2. (Weiter-)Entwicklung von internen Koordinationsstrukturen (hoch)
					3. (Weiter-)Entwicklung von internen und externen Kooperationsstrukturen (mittel)
					4. (Weiter-)Entwicklung von Partizipationsstrukturen (hoch)
					5. Nutzung steuerungsrelevanter Daten – Bildungsmonitoring (hoch)""",
			"Dienstberatung der Amtsleitungen; Fachtag Bildung nach Einschätzung der Verwaltungsspitze",
			"Bildungsleitbild für die Stadt Eisenach; datenbasiertes Bildungsmonitoring als Grundlage des Bildungsmanagements",
			"Abstimmung des Leitbildvorhabens mit dem Stadtrat; Analyse vorhandener Monitoringinstrumente und Daten; "
					+ "Qualifizierung von Personal");

	public static final DemoMunicipality NIENBURG = new DemoMunicipality(
			new Municipality("nienburg", "Landkreis Nienburg/Weser", "NI"),
			new Person("petra.lange", "Petra", "Lange", "Leiterin des Fachbereichs Bildung (Ansprechpartnerin)"),
			new Person("martin.wolters", "Martin", "Wolters", "Landrat (Verwaltungsspitze)"),
			TRANSFER_MANAGER_JONAS.id(), 60,
			"Ausbau und Weiterentwicklung des Bildungsmonitorings bzw. datengestützten Bildungsmanagements; vorhandene "
					+ "Netzwerke ausbauen und effizienter nutzen, um die Transparenz über Bildungsangebote für Neuzugewanderte "
					+ "im Übergang Schule – Beruf zu verbessern.",
			"""
					Ergänzung und Anpassung des Bildungsmonitoring-Systems im Rahmen der strukturellen kommunalen Gegebenheiten
					Ansatzpunkte für Vernetzungsstrukturen der kommunalen Bildungskoordination für Neuzugewanderte im Übergang Schule – Beruf""",
			"Rückspiegelung im Fachbereich Bildung und in der Bildungskonferenz des Landkreises",
			"Bildungsmonitoring ergänzen; Bildungsangebotslücken für Neuzugewanderte im Übergang Schule – Beruf schließen",
			"Transparenz über Bildungsangebote für Neuzugewanderte herstellen; Netzwerke der Bildungskoordination bündeln");

	public static final DemoMunicipality WORMS = new DemoMunicipality(
			new Municipality("worms", "Stadt Worms", "RP"),
			new Person("julia.becker", "Julia", "Becker", "Ansprechpartnerin auf operativer Ebene, Bildungsbüro"),
			new Person("stefan.hofmann", "Stefan", "Hofmann", "Oberbürgermeister (Verwaltungsspitze)"),
			TRANSFER_MANAGER_LENA.id(), 400,
			"Angebotstransparenz mittels digitaler Medien für eine verzahnte Wormser Präventions- und Bildungskette; "
					+ "dauerhafte bildungsbereichsübergreifende Kooperationsstrukturen; bessere Bildungszugänge für Menschen "
					+ "mit geringer Bildungsaspiration.",
			"""
					Angebotstransparenz (Homepage, digitaler Bildungswegweiser)
					Kooperationsstrukturen der Wormser Bildungslandschaft
					Unterstützungsstruktur im Modellgebiet „grüne Schiene“""",
			"Kooperationswerkstatt mit den Fachbereichen; Vorstellung im Stadtvorstand",
			"""
					1: Verbesserung und Vertiefung der Angebotstransparenz mittels digitaler Medien (Homepage, digitaler Bildungswegweiser) und der sich daraus ergebenden Folgeangebote zum Zweck einer verzahnten Wormser Präventions- und Bildungskette im gesamten Lebenslauf.
					2: Dauerhafte bildungsbereichsübergreifende Kooperationsstrukturen für die Wormser Bildungslandschaft mit wesentlichen Entscheidungsträgern auf kommunaler und Landesebene (Schulbehörde ADD).
					3: Ausbau der bisher erreichten Unterstützungsstruktur für bessere Bildungszugänge und -erfolge bei Menschen mit geringer Bildungsaspiration – konkrete Umsetzung von Best Practice im Modellgebiet der „grünen Schiene“.""",
			"""
					Präzisierung der Ziele durch Kooperationswerkstätten
					Erstellung zielbezogener Projektpläne
					Aufbau / Ausbau von Steuerungs- und Kooperationsstrukturen zur Umsetzung der Ziele
					Aufbau / Ausbau eines Bildungsmonitorings zur Umsetzung und Überprüfung der Ziele""");

	/**
	 * The Kommune of seed 001 (its own Zeitschiene 2019–2021): a Saxon city cooperating with its
	 * university (TU Chemnitz) and, in the seed, with the Mitteldeutschland agency ("TransMit"),
	 * which in the demo is the app's one agency. Its plan is loaded as written (demo/SeedTimeline).
	 */
	public static final DemoMunicipality CHEMNITZ = new DemoMunicipality(
			new Municipality("chemnitz", "Stadt Chemnitz", "SN"),
			new Person("anja.wendler", "Anja", "Wendler", "Ansprechpartnerin Bildungsmonitoring und -management"),
			new Person("jens.ohlendorf", "Jens", "Ohlendorf", "Oberbürgermeister (Verwaltungsspitze)"),
			TRANSFER_MANAGER_JONAS.id(), 400,
			"Aufbau eines datenbasierten Bildungsmonitorings und -managements mit einer Lenkungs- und Projektgruppe als "
					+ "Steuerungsgremium; Zielvereinbarung mit der Transferagentur Mitteldeutschland (TransMit); thematische "
					+ "Zusammenarbeit mit der TU Chemnitz und der Agentur für Arbeit.",
			"""
					Bildung und Migration
					Bildung und Inklusion
					Lebenslanges Lernen
					Steuerungsbedarfe in Stadtteilen mit sozialen Disparitäten („Schulerfolg durch den Erwerb von Abschlüssen“)""",
			"Vorstellung in den Verwaltungsausschüssen; Vorlage an den Stadtrat",
			"""
					1: Netzwerkstrukturen schaffen: Lenkungs- und Projektgruppe als regelmäßig tagendes Steuerungsgremium
					2: Grundsatzkonzept und datenbasierter Zwischenbericht nach thematischen Schwerpunkten
					3: Datengrundlage schaffen: Facharbeitsgruppen, Kennzahlen und Indikatoren
					4: Monitoring verstetigen: regelmäßiger Steuerungskreislauf""",
			"""
					Kick-off-Veranstaltung mit den kommunalen Akteuren
					Facharbeitsgruppen zum Bildungsmonitoring
					Aufbau einer Bildungsberatung""");

	/** The milestone plan of a first agreement without seed (Chemnitz), one milestone per line. */
	public static final String FIRST_MILESTONES = """
			Sondierungsgespräch
			Bedarfsanalyse (3 bis 6 Monate)
			Diskurs
			Fortschreibung der ZV
			Umsetzung""";

	public static final List<DemoMunicipality> MUNICIPALITIES = List.of(EISENACH, NIENBURG, WORMS, CHEMNITZ);

	/**
	 * Where each demo collaboration is moved at startup. Targets behind a process that is not
	 * deployed yet are approached as far as possible (the first refused step stops it).
	 */
	public static final List<Stage> STAGES = List.of(
			new Stage(EISENACH.id(), new Target.ProcessEntered("baselineAnalysis"), "in der Bedarfsanalyse"),
			new Stage(NIENBURG.id(), new Target.TaskOpen(EXPLORATORY_MEETING), "beim Sondierungsgespräch"),
			new Stage(WORMS.id(), new Target.ProcessEntered("implementation"), "in der Umsetzung, nach einer Fortschreibung der ZV"),
			new Stage(CHEMNITZ.id(), new Target.ProcessEntered("implementation"), "in der Umsetzung, mit dem eigenen Zeitplan aus Seed 001"));

	private DemoScript() {
	}

	/** The form variables each task gets in the demo, by task definition key. */
	public static Map<String, Map<String, Object>> answers(DemoMunicipality kommune, LocalDate today) {
		String state = kommune.municipality().federalState();
		LocalDate talks = workingDay(today.minusDays(kommune.talksDaysAgo()), today, state);
		LocalDate exploratoryMeeting = workingDay(talks.plusDays(120), today, state);
		LocalDate discourse = workingDay(exploratoryMeeting.plusDays(200), today, state);
		Map<String, Map<String, Object>> answers = new HashMap<>();
		answers.put(INTRODUCTORY_TALKS, Map.of(
				"introductoryTalksDate", talks.toString(),
				"initialNeeds", kommune.initialNeeds(),
				"continueCollaboration", true));
		LocalDate signed = signingDay(kommune, today);
		Map<String, Object> draft = Map.of(
				"agreementDocumentLink", "https://dokumente.example.org/zielvereinbarung-" + kommune.id() + ".docx",
				"agreementPeriodStart", signed.toString(),
				"agreementPeriodEnd", signed.plusYears(3).toString(),
				"agreementMunicipalityContacts", kommune.contact().firstName() + " " + kommune.contact().lastName() + ", "
						+ kommune.contact().role(),
				"agreementAgencyContacts", "Transfermanagement der Transferagentur");
		answers.put(AgreementProcess.Elements.DRAFT, draft);
		answers.put(AgreementProcess.Elements.REVIEW, Map.of("agreementChangesRequested", false));
		answers.put(AgreementProcess.Elements.SIGN_AGENCY, Map.of(
				"agreementAgencySignedDate", signed.toString(),
				"agreementAgencySignatory", PROJECT_LEAD.firstName() + " " + PROJECT_LEAD.lastName() + ", Projektleitung"));
		answers.put(AgreementProcess.Elements.SIGN_MUNICIPALITY, Map.of(
				"agreementMunicipalitySignedDate", signed.toString(),
				"agreementMunicipalitySignatory", kommune.executive().firstName() + " " + kommune.executive().lastName(),
				"agreementPublicityWanted", false));
		Map<String, Object> meeting = Map.of(
				"exploratoryMeetingDate", exploratoryMeeting.toString(),
				"exploratoryMeetingTime", "10:00",
				"exploratoryMeetingLocation", "Rathaus, Besprechungsraum");
		answers.put(SCHEDULE_EXPLORATORY_MEETING, meeting);
		Map<String, Object> held = new HashMap<>(meeting);
		held.put("exploratoryMeetingPostponed", false);
		held.put("analysisTopics", kommune.analysisTopics());
		// the baseline analysis ends within three to six months of the Sondierung (seed 002)
		held.put("baselineAnalysisDue", exploratoryMeeting.plusDays(150).toString());
		answers.put(EXPLORATORY_MEETING, held);
		baselineAnalysis(answers, kommune, exploratoryMeeting, today);
		revision(answers, kommune, discourse, today);
		answers.put(CHOOSE_DISCOURSE_FORMATS, Map.of(
				"discourseFormats", kommune.discourseFormats(),
				"discourseEventDate", discourse.toString(),
				"discourseEventTime", "14:00",
				"discourseEventLocation", "Rathaus, großer Sitzungssaal",
				"internalEventsPlanned", true));
		answers.put(HOLD_DISCOURSE, Map.of(
				"discourseDate", discourse.toString(),
				"discourseIdeas", "Ideen aus der Rückspiegelung: " + kommune.goals()));
		answers.put(ACKNOWLEDGE_RECOMMENDATIONS, Map.of(
				"recommendationsAcknowledged", true,
				"recommendationsComments", "Zur Kenntnis genommen; interne Veranstaltung geplant."));
		answers.put(CONCRETISE_GOALS, Map.of(
				"concretisedGoals", kommune.goals(),
				"concretisedMeasures", kommune.measures()));
		answers.put(SUPPORT_CONCRETISATION, Map.of(
				"concretisationSupportNotes", "Beratung zur Konkretisierung: " + kommune.measures(),
				"transferPlanWanted", kommune.wantsTransferPlan()));
		answers.put(PREPARE_TRANSFER_PLAN, Map.of(
				"transferSubjects", "Bildungsmonitoring-Modell einer Nachbarkommune; Netzwerk Übergang Schule – Beruf",
				"transferPlanLink", ""));
		return answers;
	}

	/**
	 * When steps whose records carry their completion date took place: the Standortbestimmung
	 * 120 days after the Sondierung, before the result report dated 140 days after it.
	 */
	public static Map<String, LocalDate> doneOn(DemoMunicipality kommune, LocalDate today) {
		LocalDate exploratoryMeeting = today.minusDays(kommune.talksDaysAgo()).plusDays(120);
		return Map.of(BaselineAnalysisProcess.Elements.ASSESS_POSITION, exploratoryMeeting.plusDays(120));
	}

	/** About when the demo's Fortschreibung is signed (see {@link #revision}): the month its new milestones count from. */
	public static LocalDate revisionSigningDay(DemoMunicipality kommune, LocalDate today) {
		return today.minusDays(kommune.talksDaysAgo()).plusDays(120 + 200 + 50);
	}

	/** The day both sides sign the demo agreement: two months after the introductory talks. */
	public static LocalDate signingDay(DemoMunicipality kommune, LocalDate today) {
		return workingDay(today.minusDays(kommune.talksDaysAgo()).plusDays(60), today, kommune.municipality().federalState());
	}

	/**
	 * Demo dates fall on working days of the Kommune (no Sondierung on a Saturday): a day up to
	 * today moves back to the working day before it, so what is done stays done; a coming day
	 * moves forward. The default office closure days apply.
	 */
	/** A row of the experts' lists (name, function, e-mail) as the forms send it. */
	private static Map<String, Object> expert(String name, String role, String email) {
		return Map.of("name", name, "role", role, "email", email);
	}

	public static LocalDate workingDay(LocalDate day, LocalDate today, String federalState) {
		return day.isAfter(today) ? WORKING_DAYS.onOrAfter(day, federalState) : WORKING_DAYS.onOrBefore(day, federalState);
	}

	private static void baselineAnalysis(Map<String, Map<String, Object>> answers, DemoMunicipality kommune, LocalDate meeting,
			LocalDate today) {
		String state = kommune.municipality().federalState();
		answers.put(BaselineAnalysisProcess.Elements.PROPOSE_EXPERTS, Map.of("baselineAnalysisExpertProposal", Rows.toVariable(List.of(
				expert("", "Leitung Amt für Schule und Bildung", ""), expert("", "Leitung Jugendamt", ""), expert("", "Sozialplanung", ""),
				expert("", "Integrationsbeauftragte/r", "")))));
		List<Map<String, Object>> selected = List.of(expert("Anna Schulz", "Leitung Amt für Schule und Bildung", "anna.schulz@example.org"),
				expert("Bernd Koch", "Leitung Jugendamt", "bernd.koch@example.org"), expert("Carla Berg", "Sozialplanerin", ""),
				expert("Deniz Aydin", "Integrationsbeauftragter", "deniz.aydin@example.org"));
		answers.put(BaselineAnalysisProcess.Elements.SELECT_EXPERTS, Map.of("baselineAnalysisExpertSelection", Rows.toVariable(selected)));
		// the days are agreed later, each interview then gets its invitation
		answers.put(BaselineAnalysisProcess.Elements.SCHEDULE_INTERVIEWS, Map.of("baselineAnalysisInterviewSchedule", Rows.toVariable(
				selected.stream().map(person -> Map.<String, Object>of("name", person.get("name"), "email", person.get("email"), "dateOpen", true))
					.toList())));
		answers.put(BaselineAnalysisProcess.Elements.PREPARE_INTERVIEW_GUIDE, Map.of("interviewGuideLink",
				"https://dokumente.example.org/leitfaden-" + kommune.id() + ".docx"));
		answers.put(BaselineAnalysisProcess.Elements.CONDUCT_INTERVIEW, Map.of(
				"interviewDate", workingDay(meeting.plusDays(30), today, state).toString(),
				"interviewNotes", "Protokoll liegt in der Ablage der Transferagentur (nicht personenbezogen zusammengefasst)."));
		answers.put(BaselineAnalysisProcess.Elements.HAND_OVER_DOCUMENTS, Map.of("baselineAnalysisDocuments",
				"Schulentwicklungsplan, Jugendhilfeplanung, Sozialbericht (Links in der gemeinsamen Ablage)"));
		answers.put(BaselineAnalysisProcess.Elements.ANALYSE_DOCUMENTS, Map.of("baselineAnalysisDocumentAnalysis",
				"Daten liegen in mehreren Ämtern vor, werden aber nicht ämterübergreifend genutzt."));
		Map<String, Object> assessment = new HashMap<>();
		for (CoreElement element : CoreElement.values()) {
			assessment.put(BaselineAnalysisProcess.Vars.assessment(element), "2");
		}
		assessment.put("baselineAssessmentNote", "Ausgangslage: anlass- und themenbezogene Abstimmungen (überwiegend Typ 2).");
		answers.put(BaselineAnalysisProcess.Elements.ASSESS_POSITION, assessment);
		answers.put(BaselineAnalysisProcess.Elements.DERIVE_RECOMMENDATIONS, Map.of("recommendations",
				"Steuerungsgruppe einrichten; Bildungsmonitoring ämterübergreifend aufbauen; " + kommune.measures()));
		answers.put(BaselineAnalysisProcess.Elements.WRITE_RESULT_REPORT, Map.of(
				"resultReportLink", "https://dokumente.example.org/ergebnisbericht-" + kommune.id() + ".pdf",
				"resultReportDate", workingDay(meeting.plusDays(140), today, state).toString()));
		answers.put(BaselineAnalysisProcess.Elements.RECEIVE_RESULT_REPORT, Map.of("resultReportFeedback",
				"Ergebnisbericht erhalten und an die Amtsleitungen weitergegeben."));
	}

	private static void revision(Map<String, Map<String, Object>> answers, DemoMunicipality kommune, LocalDate discourse,
			LocalDate today) {
		String state = kommune.municipality().federalState();
		LocalDate coordinated = workingDay(discourse.plusDays(20), today, state);
		LocalDate signed = workingDay(discourse.plusDays(50), today, state);
		answers.put(RevisionProcess.Elements.COORDINATE_MUNICIPALITY, Map.of(
				"revisionMunicipalityGoals", kommune.goals(),
				"revisionMunicipalityMilestones", kommune.measures()));
		answers.put(RevisionProcess.Elements.COORDINATE_AGENCY, Map.of(
				"revisionCoordinationDate", coordinated.toString(),
				"revisionAgencyNotes", "Konkretisierte Ziele aus dem Diskurs übernehmen; Meilensteine der Umsetzung ergänzen."));
		answers.put(RevisionProcess.Elements.DRAFT, Map.of(
				"agreementDocumentLink", "https://dokumente.example.org/zielvereinbarung-" + kommune.id() + "-v2.docx",
				"agreementPeriodStart", signed.toString(),
				"agreementPeriodEnd", signed.plusYears(2).toString(),
				"agreementMunicipalityContacts", kommune.contact().firstName() + " " + kommune.contact().lastName(),
				"agreementAgencyContacts", "Transfermanagement der Transferagentur",
				"revisionChangeSummary", "Ziele nach dem Diskurs konkretisiert; Meilensteine der Umsetzung aufgenommen."));
		answers.put(RevisionProcess.Elements.REVIEW, Map.of("revisionChangesRequested", false));
		answers.put(RevisionProcess.Elements.SIGN_AGENCY, Map.of(
				"revisionAgencySignedDate", signed.toString(),
				"revisionAgencySignatory", PROJECT_LEAD.firstName() + " " + PROJECT_LEAD.lastName() + ", Projektleitung"));
		answers.put(RevisionProcess.Elements.SIGN_MUNICIPALITY, Map.of(
				"revisionMunicipalitySignedDate", signed.toString(),
				"revisionMunicipalitySignatory", kommune.executive().firstName() + " " + kommune.executive().lastName()));
	}

}
