package de.kooperation.shared;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The nine Kernelemente of a datenbasiertes kommunales Bildungsmanagement (DKBM) with their
 * guiding questions and the four Entwicklungstypen of each, as in the matrix "Kernelemente und
 * Entwicklungstypen" (seed 004). A Kommune's profile is one {@link MaturityLevel} per element;
 * it is taken in the baseline analysis and again in later reviews.
 * <p>
 * The texts are what users read (forms, reports); the ids are stable and used in variable names.
 */
public enum CoreElement {

	STRATEGIC_GOALS("strategicGoals", "Strategische Ziele",
			"Welches sind die strategischen Ziele für die Bildungslandschaft?",
			"Bildungsbezogene Ziele werden anlassbezogen in einzelnen Ämtern formuliert.",
			"Bildungsbezogene Ziele werden aus den jeweiligen Ämtern heraus für einen längeren Zeitraum geplant. Zwischen den Zielen der einzelnen Ämter besteht kaum Verzahnung.",
			"Bildungsbezogene Ziele werden mit allen relevanten Ämtern definiert. Für die einzelnen Handlungsfelder in der Kommune bestehen explizite Strategien zur Zielerreichung.",
			"Bildungsbezogene Ziele werden im Rahmen einer kommunalen Gesamtstrategie abgeleitet. Die Akteure der Bildungslandschaft verständigen sich gemeinsam auf diese Ziele."),

	DATA_BASIS("dataBasis", "Datenbasierung",
			"Inwieweit werden Daten für die Entwicklung einer Bildungslandschaft genutzt?",
			"(Planungs-) Daten werden anlassbezogen von einzelnen Ämtern für ihre eigene Arbeit genutzt. Eine ämterübergreifende Nutzung erfolgt nicht.",
			"Für bestimmte Handlungsfelder werden Daten aus einem Amt zugrunde gelegt und aufbereitet. Fallweise werden auch Daten weiterer Ämter einbezogen.",
			"Kommunal verfügbare Daten zu bildungsbezogenen Handlungsfeldern werden von den beteiligten Ämtern selbst oder an zentraler Stelle systematisch aufbereitet, ggf. interpretiert und zur Verfügung gestellt. Partiell dienen diese Daten der gezielten Planung und Steuerung.",
			"Im Bildungsmonitoring werden Daten zu den relevanten Handlungsfeldern systematisch erhoben, ausgewertet und zur Verfügung gestellt. Die Daten aus dem Bildungsmonitoring haben eine hohe Steuerungsrelevanz für die kommunale Bildungslandschaft."),

	INTERNAL_COOPERATION("internalCooperation", "Interne Kooperation",
			"Wie ist die Zusammenarbeit der Ämter organisiert?",
			"Ämter arbeiten in den normalen Verwaltungsroutinen zusammen. Es gibt keine systematische Zusammenarbeit zu bildungsrelevanten Fragen.",
			"Zwischen einzelnen Ämtern gibt es anlass- und themenbezogene Abstimmungen zu bildungsbezogenen Fragen.",
			"Die für Bildung relevanten Ämter arbeiten systematisch in geregelten Strukturen und definierten Prozessen zusammen.",
			"Die bildungsbezogene Zusammenarbeit ist als Teil eines kohärenten, datenbasierten Bildungsmanagements institutionalisiert und mandatiert."),

	EXTERNAL_COOPERATION("externalCooperation", "Externe Kooperation",
			"Wie ist die Zusammenarbeit mit externen Akteuren organisiert?",
			"Externe Akteure werden vereinzelt durch das zuständige Amt im Rahmen der kommunalen Aufgaben beauftragt.",
			"Externe Akteure werden punktuell und themenbezogen in Bildungsfragen konsultiert/ informiert.",
			"Die Einbindung von externen Akteuren ist durch geregelte Strukturen und definierte Prozesse gewährleistet. Sie werden systematisch in die Planungen für das datenbasierte kommunale Bildungsmanagement einbezogen.",
			"Die Zusammenarbeit mit externen Akteuren ist durch gemeinsame Gremien (nachhaltig) institutionalisiert. Die externe Sicht wird bei Planung (Zielen) und Umsetzung (Maßnahmen) systematisch eingebunden."),

	COORDINATION("coordination", "Koordination",
			"Wie wird eine Zusammenarbeit aller relevanten Akteure unterstützt?",
			"Die Arbeit der mit Bildungsfragen befassten Ämter wird über eine Linienstruktur und formale Zuständigkeiten gesteuert.",
			"Für bestimmte bildungsbezogene Handlungsfelder werden anlassbezogen Abstimmungen zwischen Ämtern beauftragt. Einzelne Ämter können diese Abstimmungsprozesse federführend leiten.",
			"Es existiert eine funktionierende Koordinierungsstelle bzw. Verantwortlichkeit innerhalb der Verwaltung. Die Rollen und Aufgaben dieser Stelle sind allen Akteuren bekannt. Für bestimmte Handlungsfelder werden die Abstimmungen systematisch gestaltet.",
			"Die Koordinierungsstelle für das DKBM ist institutionell abgesichert (Ressourcen, Mandat) und als Koordinationsinstanz für die Bildungssteuerung bei externen und internen Akteuren anerkannt. Die Stelle arbeitet proaktiv, zielgerichtet und datenbasiert."),

	STEERING("steering", "Steuerung & Lenkung",
			"Wie erfolgt die Steuerung im Rahmen des datenbasierten kommunalen Bildungsmanagements?",
			"Die Arbeit der mit Bildungsfragen befassten Ämter wird über eine Linienstruktur und formale Zuständigkeiten gesteuert.",
			"Gremien werden temporär und anlassbezogen zur ämterübergreifenden Abstimmung eingesetzt. In der Regel entscheidet die Verwaltungsspitze über die Ergebnisse.",
			"Es existieren einzelne Gremien, um die Zusammenarbeit zwischen relevanten (internen/ externen) Akteuren dauerhaft zu gewährleisten. Es wird – teilweise auch unter Einbindung von Daten – ein gemeinsames Vorgehen vereinbart.",
			"Die etablierte Gremienstruktur ist bei internen und externen Akteuren akzeptiert und dient der datenbasierten kommunalen Bildungsplanung und Steuerung. Entscheidungen werden als verbindlich betrachtet und gemeinsam verantwortet."),

	PUBLIC_PARTICIPATION("publicParticipation", "Öffentlichkeit & Beteiligung",
			"Wie werden Bildungsthemen in die Öffentlichkeit getragen und ein Dialog angestoßen? Wie wird Beteiligung sichergestellt?",
			"In den definierten Routinen der Verwaltung wird situationsbezogen zu Bildungsthemen informiert und Anfragen beantwortet.",
			"Die Öffentlichkeit wird anlassbezogen über aktuelle Bildungsthemen informiert. Ggf. wird dies zum Ausgangspunkt eines Dialogs mit oder der Beteiligung von bestimmten Akteuren.",
			"Bereichsübergreifende Bildungsthemen werden proaktiv in den öffentlichen Raum getragen. Die Mitarbeit von Zielgruppen an einzelnen Themen wird bewusst angeregt.",
			"Wechselseitige Kommunikationswege zu übergreifenden Bildungsthemen sind etabliert und werden kontinuierlich genutzt. Es erfolgt eine systematische und regelmäßige Gestaltung von öffentlichen Formaten."),

	QUALITY_DEVELOPMENT("qualityDevelopment", "Qualitätsentwicklung",
			"Wie werden Erfolge überprüft und Maßnahmen nachgesteuert? Wie wird eine nachhaltige Qualitätsentwicklung gestaltet?",
			"Amtsbezogene Ziele und Maßnahmen werden im Rahmen der jeweiligen Zuständigkeiten punktuell, reaktiv und unsystematisch überprüft und nachgesteuert.",
			"Ziele und Maßnahmen werden in Bezug auf einzelne ressortübergreifende Handlungsfelder anlassbezogen überprüft. Entsprechende Verbesserungen innerhalb der Verwaltung werden angeregt.",
			"Ziele und Maßnahmen werden teilweise systematisch und ressortübergreifend/ zentral überprüft. Verbesserungen und Nachsteuerungen erfolgen in teilweise definierten Routinen.",
			"Bildungsbezogene Ziele und Maßnahmen werden kontinuierlich und systematisch überprüft. Verbesserungen werden nach den Prinzipien eines kontinuierlichen Verbesserungsprozesses mit den relevanten internen und externen Akteuren umgesetzt."),

	EDUCATION_PROJECTS("educationProjects", "Bildungsprojekte und -maßnahmen",
			"Welche Maßnahmen werden in den Handlungsfeldern durchgeführt?",
			"Maßnahmen und Projekte werden im Rahmen der kommunalen Aufgaben vom zuständigen Amt durchgeführt.",
			"Von einzelnen Ämtern werden Maßnahmen und Projekte anlassbezogen über die Pflichtaufgaben hinaus durchgeführt.",
			"Amtsübergreifende Maßnahmen und Projekte werden systematisch für bestimmte Handlungsfelder durchgeführt. Partiell sind dabei auch externe Akteure eingebunden.",
			"Maßnahmen und Projekte dienen der Zielerreichung der kommunalen Bildungslandschaft und werden gemeinsam verantwortet. Bei positiven Wirkungen werden Projekte verstetigt.");

	private final String id;

	private final String label;

	private final String guidingQuestion;

	private final List<String> typeDescriptions;

	CoreElement(String id, String label, String guidingQuestion, String... typeDescriptions) {
		this.id = id;
		this.label = label;
		this.guidingQuestion = guidingQuestion;
		this.typeDescriptions = List.of(typeDescriptions);
	}

	/** Stable English id, e.g. {@code strategicGoals}. */
	public String id() {
		return id;
	}

	/** German name as in the matrix, e.g. "Strategische Ziele". */
	public String label() {
		return label;
	}

	/** The matrix's guiding question of this element. */
	public String guidingQuestion() {
		return guidingQuestion;
	}

	/** What the given development type means for this element. */
	public String description(MaturityLevel level) {
		return typeDescriptions.get(level.value() - 1);
	}

	/** The id with a capital first letter, to append to a variable prefix. */
	public String capitalizedId() {
		return Character.toUpperCase(id.charAt(0)) + id.substring(1);
	}

	public static Optional<CoreElement> byId(String id) {
		return Arrays.stream(values()).filter(element -> element.id.equals(id)).findFirst();
	}

}
