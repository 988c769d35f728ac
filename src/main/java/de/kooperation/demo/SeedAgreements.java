package de.kooperation.demo;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.kooperation.shared.BaselineAnalysisProcess;
import de.kooperation.shared.CollaborationProcess;
import de.kooperation.shared.ImplementationProcess;
import de.kooperation.agreement.Goal;
import de.kooperation.agreement.Milestone;
import de.kooperation.agreement.Agreements;
import de.kooperation.agreement.AgreementVersion;
import de.kooperation.shared.Zone;
import de.kooperation.shared.AgreementProcess;
import de.kooperation.shared.RevisionProcess;

/**
 * The Zielvereinbarungen of the three seed Kommunen as drafts, for demo data: goals, duties and
 * milestone plans with their real content (seed 000 Stadt Eisenach, Anlagen 1 and 2; seed 002
 * Landkreis Nienburg/Weser, Modul 1; seed 003 Stadt Worms, renewal of 2019). The people named
 * are the demo's (invented) contacts, not the seeds' persons.
 *
 * <p>Dates move with the demo: the seeds' periods keep their length and distance from the
 * signing month, which is the month the demo signs in, so deadlines fall in the demo's present,
 * not in 2015. Worms' seed names its milestones without dates; the demo spaces them over two years.
 * Milestones that a task of the processes fulfils are linked to it ({@link de.kooperation.agreement.MilestoneTasks}), so
 * they close when that task is done.
 */
@Component
public class SeedAgreements {

	/** A milestone with its months counted from the signing month; {@code to} null means ongoing. */
	record SeedMilestone(String title, String purpose, String municipalityPart, String agencyPart, int from, Integer to,
			boolean closed, String fulfilledBy) {

		/** A milestone closed by hand. */
		SeedMilestone(String title, String purpose, String municipalityPart, String agencyPart, int from, Integer to,
				boolean closed) {
			this(title, purpose, municipalityPart, agencyPart, from, to, closed, null);
		}

	}

	/** A goal whose time frames are given as month offsets from the signing month, pairs of from and to. */
	record SeedGoal(String priority, String title, String explanation, String measures, int... frames) {
	}

	record Seed(String municipalityContacts, String agencyContacts, String municipalityDuties, String agencyDuties,
			List<SeedGoal> goals, List<SeedMilestone> milestones) {
	}

	private static final String AGENCY_DUTIES_RLP = "a. Individuelle Prozessunterstützung und Beratung der Kommune im Rahmen eines DKBM. "
			+ "b. Bereitstellung kommunenübergreifender Qualifizierungsangebote (inhaltlich, methodisch, strategisch) für Mitarbeitende "
			+ "der kooperierenden Kommunalverwaltung sowie deren Partner in den Handlungsfeldern des DKBM. "
			+ "c. Organisation von verschiedenen Austauschformaten (Tagungen, Fachforen usw.) für alle Mitarbeitenden der kooperierenden "
			+ "Kommunalverwaltung sowie deren Partner. Die Transferagentur informiert die Kommune über relevante Entwicklungen, die den "
			+ "Prozess oder die Zusammenarbeit betreffen.";

	private static final String MUNICIPALITY_DUTIES = "Die Kommune unterrichtet alle am Prozess beteiligten Mitarbeitenden sowie weitere "
			+ "relevante kommunale Akteure über die geschlossene Zielvereinbarung und wirbt für eine konstruktive Zusammenarbeit. Für den "
			+ "Begleitprozess stellt die Kommune der Transferagentur bei Bedarf relevante Materialien zur Verfügung. Zur Verbesserung der "
			+ "Arbeit der Transferagentur gibt die Kommune regelmäßig eine Rückmeldung über die Zusammenarbeit und setzt sie über "
			+ "relevante Entwicklungen in der Kommune in Kenntnis.";

	static final Seed EISENACH = new Seed("Sabine Krause, Ansprechpartnerin Bildungsmanagement der Stadtverwaltung",
			"Lena Vogt, Transfermanagerin", MUNICIPALITY_DUTIES,
			"Entwurf und Abstimmung der Zielvereinbarung; Bedarfsanalyse mit leitfadengestützten Experteninterviews und "
					+ "Dokumentenanalyse; Erarbeitung von Handlungsempfehlungen; Rückspiegelung und Moderation von Diskursformaten; "
					+ "Unterstützung bei der Konkretisierung von Zielen und Maßnahmen; bei Bedarf Qualifizierung von Fachkräften und "
					+ "Vermittlung von Experten.",
			List.of(new SeedGoal(Goal.HIGH, "(Weiter-)Entwicklung von strategischen Zielsetzungen",
					"Entwicklung einer strategischen Zielsetzung für die kommunale Bildungslandschaft unter Berücksichtigung des Aufbaus "
							+ "eines kommunalen Bildungsmanagements mit den von der Stadtverwaltung benannten thematischen Schwerpunkten: "
							+ "Fachkräfte- und Auszubildendengewinnung; Migration – Bildung; gesellschaftliche Teilhabe und Reintegration "
							+ "in den Arbeitsmarkt von Langzeitarbeitslosen; gesellschaftliche Teilhabe und Reintegration in den "
							+ "Arbeitsmarkt von Menschen mit Behinderung; lebensbegleitendes Lernen unter Berücksichtigung von Menschen im "
							+ "Ruhestand; Erhöhung der Attraktivität des Standorts Eisenach für Fachkräfte und junge Menschen durch Bildung; "
							+ "Bildungsleitbildentwicklung. Entwicklung strategischer Zielsetzungen im Bereich integrierte kommunale "
							+ "Fachplanungen.",
					"Entwicklung eines Bildungsleitbilds für die Stadt Eisenach: Abstimmung des Vorhabens mit dem Stadtrat; Planung des "
							+ "Prozesses der Leitbildentwicklung; Initiierung der Leitbildentwicklung / Einbindung relevanter interner und "
							+ "externer Akteure / Aufbau entsprechender Koordinations- und Kooperationsstrukturen; Entwicklung eines "
							+ "abgestimmten Leitbild-Erstentwurfs; politische Legitimation des Entwurfs. Analyse des Bestehens und der "
							+ "Nutzung strategischer Zielsetzungen bezogen auf integrierte kommunale Fachplanungen; ggf. "
							+ "Neuausrichtung/Entwicklung bestehender strategischer Zielsetzungen.",
					3, 12),
					new SeedGoal(Goal.HIGH, "(Weiter-)Entwicklung von internen Koordinationsstrukturen",
							"Analyse und Anpassung von Steuerungsstrukturen im Rahmen der Integration eines kommunalen "
									+ "Bildungsmanagements in die Stadtverwaltung; Analyse und Anpassung von Steuerungsstrukturen im Rahmen "
									+ "integrierter kommunaler Fachplanungen.",
							"Schaffung der personellen, sachlichen und technischen Voraussetzungen durch Bewerbung für „Bildung "
									+ "integriert“; Analyse vorhandener Verwaltungs- und Koordinationsstrukturen in Bezug auf die Optimierung "
									+ "von verwaltungsbereichsübergreifender Kooperation im Bereich Bildung; Analyse vorhandener Verwaltungs- "
									+ "und Koordinationsstrukturen in Bezug auf die Ermöglichung integrierter kommunaler Fachplanungen; "
									+ "organisatorische/räumliche Bündelung (z. B. Stabsstelle) von Bildungs-, Sozial-, Jugendhilfe- und "
									+ "sonstigen Planungen im Sinne integrierter kommunaler Fachplanungen.",
							-1, 4, 3, 5, 6, 9),
					new SeedGoal(Goal.MEDIUM, "(Weiter-)Entwicklung von internen und externen Kooperationsstrukturen",
							"(Weiter-)Entwicklung regelmäßiger Kooperationsstrukturen zu Bildungsthemen innerhalb der Stadtverwaltung "
									+ "(interne Kooperationsstrukturen); (Weiter-)Entwicklung von Kooperationsstrukturen der Stadtverwaltung "
									+ "mit relevanten regionalen und überregionalen Akteuren im Bildungsbereich (externe Kooperationsstrukturen).",
							"Analyse vorhandener Kooperationsstrukturen im Bereich Bildung innerhalb der Stadtverwaltung hinsichtlich ihrer "
									+ "Effektivität und Effizienz (z. B. rechtskreisübergreifende Dienstberatungen); (Weiter-)Entwicklung "
									+ "interner Kooperationsstrukturen; Analyse vorhandener externer Kooperationsstrukturen; Initiierung eines "
									+ "strategischen kommunalen Steuerungsgremiums unter Beteiligung relevanter externer Akteure; "
									+ "(Weiter-)Entwicklung thematischer Strukturen (z. B. Arbeitskreise, Expertenrunden, Netzwerke) zu "
									+ "konkreten bildungspolitischen Herausforderungen (z. B. Fachkräftegewinnung).",
							5, 7, 9, 11),
					new SeedGoal(Goal.HIGH, "(Weiter-)Entwicklung von Partizipationsstrukturen",
							"(Weiter-)Entwicklung einer Kultur der Einbindung und Berücksichtigung von Zielgruppen im Rahmen eines "
									+ "kommunalen Bildungsmanagements.",
							"Analyse der Einbindung von betroffenen Zielgruppen in bildungsmanagementrelevante/bildungspolitische Vorhaben "
									+ "(„partizipative Planungskultur“); (Weiter-)Entwicklung partizipativer Strukturen und "
									+ "Beteiligungsmöglichkeiten im Rahmen eines kommunalen Bildungsmanagements.",
							5, 11),
					new SeedGoal(Goal.HIGH, "(Weiter-)Entwicklung der Nutzung steuerungsrelevanter Daten (Bildungsmonitoring)",
							"Entwicklung eines datenbasierten Bildungsmonitorings als Grundlage eines kommunalen Bildungsmanagements; "
									+ "regelmäßige Nutzung von Bildungsdaten als Entscheidungsgrundlage.",
							"Analyse vorhandener Monitoringinstrumente und intern und extern verfügbarer bildungsbezogener Daten; Analyse von "
									+ "Verknüpfungsmöglichkeiten; Verzahnung des Bildungsmonitorings mit Planungen der Fachämter im Zuge "
									+ "integrierter kommunaler Fachplanungen zu den genannten Schwerpunkten; Qualifizierung von Personal; "
									+ "Erstellung erster bildungsbezogener, an den Themenschwerpunkten orientierter Datenanalysen als Grundlage "
									+ "bildungspolitischer Entscheidungen.",
							4, 28)),
			List.of(new SeedMilestone("Einleitende Gespräche",
					"Kontaktaufnahme, Informationsaustausch und erste allgemeine Bedarfsermittlung", "Einladung",
					"Vorstellung des Beratungsangebotes", -4, -4, true, CollaborationProcess.Elements.INTRODUCTORY_TALKS),
					new SeedMilestone("Zielvereinbarung (ZV)", "Vereinbarung der gemeinsamen Zusammenarbeit in einer ZV",
							"Abstimmung über Entwurf der ZV mit der Transferagentur; gemeinsame Unterzeichnung der ZV; "
									+ "Öffentlichkeitsarbeit im Rahmen der Unterzeichnung nach Ermessen der Verwaltungsspitze",
							"Entwurf der ZV; Abstimmung über Entwurf mit der Stadt Eisenach; gemeinsame Unterzeichnung der ZV; "
									+ "Öffentlichkeitsarbeit im Rahmen der Unterzeichnung nach Ermessen der Verwaltungsspitze",
							-1, 0, false, AgreementProcess.Elements.SIGN_AGENCY),
					new SeedMilestone("Bedarfsanalyse",
							"Ermittlung bildungsmanagementbezogener Strukturen, Prozesse und aktueller Bedarfe mittels "
									+ "Experteninterviews und Dokumentenanalyse",
							"Auswahl von vier Bildungsexperten aus der Verwaltung für Interviews; Koordination Terminfindung für "
									+ "Interviews; Information der Experten über Interviews; Weitergabe relevanter bildungsbezogener Daten, "
									+ "Dokumente und Informationen",
							"Erster Vorschlag möglicher Experten für Interviews; Vorbereitung und Durchführung von leitfadengestützten "
									+ "Experteninterviews; Analyse der Interviews und der zur Verfügung stehenden Dokumente; Erarbeitung von "
									+ "Handlungsempfehlungen für die Kommune auf Grundlage der Bedarfsanalyse",
							0, 4, false, BaselineAnalysisProcess.Elements.WRITE_RESULT_REPORT),
					new SeedMilestone("Diskurs",
							"Rückspiegelung der aus der Bedarfsanalyse für die Stadt Eisenach abgeleiteten Handlungsempfehlungen",
							"Kenntnisnahme der aus der Bedarfsanalyse abgeleiteten Handlungsempfehlungen; organisatorische Durchführung "
									+ "von internen Veranstaltungen zur Bestandsanalyse nach Einschätzung und Bedarf der Verwaltungsspitze",
							"Rückspiegelung der abgeleiteten Handlungsempfehlungen in entsprechenden Formaten nach Einschätzung und Bedarf "
									+ "der Verwaltungsspitze; ggf. inhaltliche Vorbereitung, Durchführung und Moderation von geeigneten "
									+ "Diskursformaten; Festhalten von Ideen und Diskussionsanregungen",
							4, 7, false, CollaborationProcess.Elements.HOLD_DISCOURSE),
					new SeedMilestone("Konkretisierung von Zielen und Maßnahmen", "Konkretisierung von Zielen und Maßnahmen",
							"Konkretisierung von Zielen und Maßnahmen", "Unterstützung bei der Konkretisierung von Zielen und Maßnahmen",
							7, 8, false, CollaborationProcess.Elements.CONCRETISE_GOALS),
					new SeedMilestone("Fortschreibung ZV",
							"Aktualisierung der gemeinsamen Arbeitsgrundlage und Fixierung weiterer Maßnahmen; Einbindung relevanter "
									+ "Akteure beim Fortschreibungsprozess nach Einschätzung der Verwaltungsspitze",
							"Gemeinsame Abstimmung bezogen auf die Anpassung der Arbeitsgrundlage ZV",
							"Gemeinsame Abstimmung bezogen auf die Anpassung der Arbeitsgrundlage ZV", 12, 12, false,
							RevisionProcess.Elements.SIGN_AGENCY),
					new SeedMilestone("Information",
							"Möglichkeit zur Information der Öffentlichkeit über bestimmte konkretisierte Ziele und Maßnahmen der "
									+ "Zusammenarbeit mit der Transferagentur",
							"Öffentlichkeitsarbeit je nach Einschätzung und Bedarf der Verwaltungsspitze",
							"Nach Absprache: Unterstützung der Verwaltungsspitze bei öffentlichen Auftritten und Öffentlichkeitsarbeit", 12,
							null, false),
					new SeedMilestone("Umsetzung", "Umsetzung und Etablierung der konkretisierten Ziele und Maßnahmen",
							"Umsetzung und Etablierung sowie Anpassung der konkretisierten Ziele und Maßnahmen liegen in der alleinigen "
									+ "Verantwortung der Stadt Eisenach",
							"Bei Bedarf: Qualifizierung von Fachkräften der Kommunalverwaltung in Trainings und Entwicklungsworkshops "
									+ "(gemeinsam mit Verwaltungsmitarbeitern anderer Kommunen); Vermittlung von Experten",
							7, null, false),
					new SeedMilestone("Wissens- und Erfahrungstransfer",
							"Wissens- und Erfahrungsaustausch mit anderen Kommunen; wissenschaftlichen Fachdiskurs gewährleisten",
							"Teilnahme an öffentlichen Veranstaltungen; Austausch mit anderen Kommunen",
							"Teilnahme an öffentlichen Veranstaltungen; Austausch mit anderen Kommunen", 3, null, false),
					new SeedMilestone("Öffentlichkeitsarbeit", "Kommunikation des Umsetzungsprozesses",
							"Abgestimmtes Marketing und Öffentlichkeitsarbeit mit der Transferagentur",
							"Abgestimmtes Marketing und Öffentlichkeitsarbeit in Zusammenarbeit mit der Stadt Eisenach", 0, null, false)));

	static final Seed NIENBURG = new Seed("Petra Lange, Leiterin des Fachbereichs Bildung", "Jonas Berger, Transfermanager",
			"Die Kommune informiert alle am Prozess beteiligten Verwaltungsmitarbeiter/innen über die geschlossene Kooperation und "
					+ "wirbt für eine konstruktive Zusammenarbeit. Sie stellt der Transferagentur bei Bedarf relevante interne "
					+ "Materialien zur Analyse zur Verfügung.",
			"Die Transferagentur führt unter Berücksichtigung des vereinbarten Themenbereichs eine Ist-Stand-Analyse für die Kommune "
					+ "durch (Modul 1). Als Ergebnis erhält die Kommune eine Standortbestimmung, die Anhaltspunkte über vorhandene und "
					+ "noch zu entwickelnde Strukturen, Steuerungsmechanismen und Bausteine eines datenbasierten Bildungsmanagements liefert.",
			List.of(new SeedGoal(null, "Ausbau und Weiterentwicklung des Bildungsmonitorings bzw. datengestützten Bildungsmanagements",
					"Der erste Schritt besteht in der Ist-Stand-Analyse, in der die für die Kommune spezifischen bildungsrelevanten "
							+ "Strukturen und Bedarfe aufgedeckt werden, um Handlungsfelder und Gelingensfaktoren für den Auf- und Ausbau "
							+ "von Elementen eines datenbasierten Bildungsmanagements bestimmen zu können.",
					"Ergänzung und Anpassung des Bildungsmonitoring-Systems im Rahmen der strukturellen kommunalen Gegebenheiten.", 4, 10),
					new SeedGoal(null,
							"Vorhandene Netzwerke ausbauen: Transparenz über Bildungsangebote für Neuzugewanderte im Übergang Schule – Beruf",
							"Im Landkreis Nienburg/Weser sollen die vorhandenen Netzwerke ausgebaut und effizienter genutzt werden, um die "
									+ "Transparenz über Bildungsangebote für Neuzugewanderte insbesondere im Übergang Schule – Beruf zu "
									+ "verbessern. Auf Basis der verbesserten Transparenz kann die Kommune in einem zweiten Schritt "
									+ "Bildungsangebotslücken identifizieren und diese – wo möglich – bedarfsgerecht schließen.",
							"Ableitung von Ansatzpunkten für den Aufbau von Vernetzungsstrukturen der kommunalen Bildungskoordination für "
									+ "Neuzugewanderte in Bezug auf den Übergang von Schule und Beruf.",
							4, 10)),
			List.of(new SeedMilestone("Sondierungsgespräch", "Themen eingrenzen und Interview-Partner/innen festlegen",
					"Teilnahme von Vertreter/innen der Kommune; Benennung möglicher Interview-Partner/innen",
					"Vorbereitung und Durchführung des Sondierungsgesprächs", 4, 4, false,
						CollaborationProcess.Elements.EXPLORATORY_MEETING),
					new SeedMilestone("Leitfadenbasierte Interviews", "Ergebnisse in die Ist-Stand-Analyse aufnehmen",
							"Bereitschaft der Akteur/innen der Kommune zu Interviews; Terminabstimmung",
							"Durchführung leitfadenbasierter Interviews mit Akteur/innen der Kommune", 4, 6, false,
							BaselineAnalysisProcess.Elements.CONDUCT_INTERVIEW),
					new SeedMilestone("Sichtung der Informationen und Standortbestimmung",
							"Bildungsrelevante Informationen des vereinbarten Themengebiets sichten, analysieren und den Standort bestimmen",
							"Bereitstellung einer Auswahl bildungsrelevanter Informationen",
							"Sichtung und Analyse der Informationen; Standortbestimmung", 4, 8, false,
							BaselineAnalysisProcess.Elements.ASSESS_POSITION),
					new SeedMilestone("Ergebnisbericht (Abschluss Modul 1)",
							"Abschluss der Ist-Stand-Analyse innerhalb von ca. 3 bis 6 Monaten nach dem Sondierungsgespräch",
							"Entgegennahme des Ergebnisberichts", "Verfassen des Ergebnisberichts und Übergabe an die Kommune", 8, 10, false,
							BaselineAnalysisProcess.Elements.RECEIVE_RESULT_REPORT),
					new SeedMilestone("Weiterführung: Transferplan (Modul 2)",
							"In gemeinsamer Diskussion die Weiterführung der Zusammenarbeit vereinbaren; individueller Transferplan",
							"Gemeinsame Diskussion der Analyseergebnisse; Fortschreibung der Zielvereinbarung",
							"Erstellung des individuellen Transferplans in Zusammenarbeit mit der Kommune", 10, 12, false,
							CollaborationProcess.Elements.PREPARE_TRANSFER_PLAN)));

	static final Seed WORMS = new Seed("Julia Becker, Ansprechpartnerin auf operativer Ebene, Bildungsbüro", "Lena Vogt, Transfermanagerin",
			MUNICIPALITY_DUTIES, AGENCY_DUTIES_RLP,
			List.of(new SeedGoal(null, "Angebotstransparenz mittels digitaler Medien",
					"Verbesserung und Vertiefung der Angebotstransparenz mittels digitaler Medien (Homepage, digitaler "
							+ "Bildungswegweiser) und der sich daraus ergebenden Folgeangebote zum Zweck einer verzahnten Wormser "
							+ "Präventions- und Bildungskette im gesamten Lebenslauf.",
					null),
					new SeedGoal(null, "Dauerhafte bildungsbereichsübergreifende Kooperationsstrukturen",
							"Dauerhafte bildungsbereichsübergreifende Kooperationsstrukturen für die Wormser Bildungslandschaft mit "
									+ "wesentlichen Entscheidungsträgern auf kommunaler und Landesebene (Schulbehörde ADD).",
							null),
					new SeedGoal(null, "Unterstützungsstruktur für bessere Bildungszugänge und -erfolge",
							"Ausbau der bisher erreichten Unterstützungsstruktur für bessere Bildungszugänge und -erfolge bei Menschen "
									+ "mit geringer Bildungsaspiration – konkrete Umsetzung von Best Practice im Modellgebiet der „grünen "
									+ "Schiene“.",
							null)),
			List.of(new SeedMilestone("Präzisierung der Ziele", "Präzisierung der Ziele durch geeignete Formate (bspw. Kooperationswerkstätten)",
					"Gemeinsame Workshops nach individueller Absprache", "Workshops zur Zielklärung nach individueller Absprache", 0, 4,
					false),
					new SeedMilestone("Zielbezogene Projektpläne", "Erstellung zielbezogener Projektpläne", "Erstellung der Projektpläne",
							"Unterstützung bei der Planung von Maßnahmen", 4, 8, false),
					new SeedMilestone("Reviewgespräch",
							"Weiterentwicklung im Maßnahmenbereich und/oder im Bereich der Kernkomponenten eines DKBM",
							"Projektstand und Unterstützungsbedarf darlegen (operative Ebene)",
							"Reviewgespräch vorbereiten und moderieren; nächste Schritte planen", 8, 12, false,
							ImplementationProcess.Elements.RECORD_REVIEW_MEETING),
					new SeedMilestone("Steuerungs- und Kooperationsstrukturen",
							"Aufbau / Ausbau von Steuerungs- und Kooperationsstrukturen zur Umsetzung der Ziele",
							"Aufbau der Strukturen", "Workshops zum Aufbau einer Kooperationsstruktur; Transferbeispiele recherchieren", 4, 18,
							false),
					new SeedMilestone("Bildungsmonitoring",
							"Aufbau / Ausbau eines Bildungsmonitorings zur Umsetzung und Überprüfung der Ziele",
							"Aufbau des Bildungsmonitorings", "Qualifizierungsangebote; Auswahl und Anpassung geeigneter Transferbeispiele",
							6, 24, false)));

	static final Map<String, Seed> SEEDS = Map.of("eisenach", EISENACH, "nienburg", NIENBURG, "worms", WORMS);

	/** What a Fortschreibung after the discourse concretises: measures and time frame per goal (by title) and new milestones. */
	record SeedRevision(Map<String, SeedGoal> concretised, List<SeedMilestone> added) {
	}

	/** Worms' revision, as its note says: goals concretised, milestones of the implementation added. */
	static final SeedRevision WORMS_REVISION = new SeedRevision(Map.of(
			"Angebotstransparenz mittels digitaler Medien",
			new SeedGoal(Goal.HIGH, null, null, "Digitalen Bildungswegweiser mit den Fachbereichen aufbauen; Homepage des "
					+ "Bildungsbüros überarbeiten", 0, 12),
			"Dauerhafte bildungsbereichsübergreifende Kooperationsstrukturen",
			new SeedGoal(Goal.HIGH, null, null, "Steuerungsgruppe Bildung mit der Schulbehörde ADD einrichten; "
					+ "Kooperationswerkstätten zweimal jährlich", 0, 18),
			"Unterstützungsstruktur für bessere Bildungszugänge und -erfolge",
			new SeedGoal(Goal.MEDIUM, null, null, "Lernbegleitung im Modellgebiet „grüne Schiene“ erproben und auswerten", 3, 24)),
			List.of(new SeedMilestone("Steuerungsgruppe Bildung eingerichtet", "Dauerhafte Kooperationsstruktur mit der ADD",
					"Mitglieder benennen; Geschäftsordnung beschließen", "Auftaktsitzung moderieren", 0, 4, false),
					new SeedMilestone("Digitaler Bildungswegweiser online", "Angebotstransparenz mittels digitaler Medien",
							"Angebote der Fachbereiche erfassen und veröffentlichen", "Transferbeispiele anderer Kommunen vermitteln", 0, 9,
							false),
					new SeedMilestone("Modellgebiet „grüne Schiene“ ausgewertet", "Best Practice für bessere Bildungszugänge übertragen",
							"Lernbegleitung erproben; Daten zur Teilnahme erheben", "Auswertung begleiten", 3, 15, false)));

	static final Map<String, SeedRevision> REVISIONS = Map.of("worms", WORMS_REVISION);

	private final Agreements agreements;

	SeedAgreements(Agreements agreements) {
		this.agreements = agreements;
	}

	/** Whether there is seed content for this Kommune (eisenach, nienburg, worms). */
	public static boolean has(String municipalityId) {
		return SEEDS.containsKey(municipalityId);
	}

	/**
	 * Writes the seed's goals, duties, contacts and milestone plan as the Kommune's draft, signed
	 * in the current month. Does nothing (false) for a Kommune without seed, with a signed
	 * version, or with a draft that already has goals: safe to call at every start.
	 */
	public boolean load(String municipalityId) {
		return load(municipalityId, YearMonth.from(ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.of(Zone.ID))));
	}

	/** As {@link #load(String)}, with the month the plan counts from. */
	@Transactional
	public boolean load(String municipalityId, YearMonth signingMonth) {
		Seed seed = SEEDS.get(municipalityId);
		Optional<AgreementVersion> draft = agreements.draft(municipalityId);
		if (seed == null || agreements.current(municipalityId).isPresent() || draft.map(d -> !d.goals().isEmpty()).orElse(false)) {
			return false;
		}
		List<Goal> goals = new ArrayList<>();
		for (SeedGoal goal : seed.goals()) {
			List<String> frames = new ArrayList<>();
			for (int i = 0; goal.frames() != null && i + 1 < goal.frames().length; i += 2) {
				frames.add(period(signingMonth, goal.frames()[i], goal.frames()[i + 1]));
			}
			goals.add(new Goal(Agreements.newKey("z-"), goal.priority(), goal.title(), goal.explanation(), goal.measures(),
					frames.isEmpty() ? null : String.join("; ", frames)));
		}
		List<Milestone> milestones = seed.milestones().stream()
			.map(m -> new Milestone(Agreements.newKey("m-"), m.title(), m.purpose(), m.municipalityPart(), m.agencyPart(),
					period(signingMonth, m.from(), m.to()), m.to() == null ? null : signingMonth.plusMonths(m.to()).atEndOfMonth(),
					m.closed(), m.fulfilledBy()))
			.toList();
		agreements.saveDraftContent(municipalityId, goals, milestones, seed.municipalityDuties(), seed.agencyDuties());
		agreements.saveDraftFrame(municipalityId, null, signingMonth.atDay(1), signingMonth.plusYears(3).atEndOfMonth(),
				seed.municipalityContacts(), seed.agencyContacts());
		return true;
	}

	/**
	 * For a demo Kommune without seed: its goals and milestones, one per line of the demo's texts, as
	 * rows of its draft (as its transfer manager would enter them on the draft page), numbering like
	 * "1: " dropped. Does nothing (false) with a signed version or a draft that has goals.
	 */
	@Transactional
	public boolean loadLines(String municipalityId, String goalLines, String milestoneLines) {
		if (agreements.current(municipalityId).isPresent() || agreements.draft(municipalityId).map(d -> !d.goals().isEmpty()).orElse(false)) {
			return false;
		}
		List<Goal> goals = lines(goalLines).stream()
			.map(Goal::titled)
			.toList();
		List<Milestone> milestones = lines(milestoneLines).stream()
			.map(Milestone::titled)
			.toList();
		agreements.saveDraftContent(municipalityId, goals, milestones, null, null);
		return true;
	}

	private static List<String> lines(String text) {
		return text == null ? List.of()
				: text.lines().map(line -> line.replaceFirst("^\\s*\\d+\\s*:\\s*", "").trim()).filter(line -> !line.isEmpty()).toList();
	}

	/**
	 * Writes the seed's revision into the Kommune's open draft of a Fortschreibung: its goals get
	 * priority, first measures and time frame, the new milestones are appended, counted from the
	 * given month. Does nothing (false) without a revision seed or a signed version, or when the
	 * draft's goals already differ from the signed version's: safe to call more than once.
	 */
	@Transactional
	public boolean loadRevision(String municipalityId, YearMonth signingMonth) {
		SeedRevision revision = REVISIONS.get(municipalityId);
		Optional<AgreementVersion> current = agreements.current(municipalityId);
		if (revision == null || current.isEmpty()) {
			return false;
		}
		Optional<AgreementVersion> draft = Optional.of(agreements.openDraft(municipalityId));
		if (!draft.get().goals().equals(current.get().goals())) {
			return false;
		}
		List<Goal> goals = draft.get().goals().stream().map(goal -> {
			SeedGoal concretised = revision.concretised().get(goal.title());
			return concretised == null ? goal
					: new Goal(goal.key(), concretised.priority(), goal.title(), goal.explanation(), concretised.measures(),
							period(signingMonth, concretised.frames()[0], concretised.frames()[1]));
		}).toList();
		List<Milestone> milestones = new ArrayList<>(draft.get().milestones());
		revision.added().forEach(m -> milestones.add(new Milestone(Agreements.newKey("m-"), m.title(), m.purpose(), m.municipalityPart(),
				m.agencyPart(), period(signingMonth, m.from(), m.to()), signingMonth.plusMonths(m.to()).atEndOfMonth(), false)));
		agreements.saveDraftContent(municipalityId, goals, milestones, draft.get().municipalityDuties(), draft.get().agencyDuties());
		return true;
	}

	/** "10/2025", "10/2025 – 2/2026" or "ab 10/2025 laufend". */
	static String period(YearMonth start, int from, Integer to) {
		YearMonth begin = start.plusMonths(from);
		String first = begin.getMonthValue() + "/" + begin.getYear();
		if (to == null) {
			return "ab " + first + " laufend";
		}
		YearMonth end = start.plusMonths(to);
		return to == from ? first : first + " – " + end.getMonthValue() + "/" + end.getYear();
	}

}
