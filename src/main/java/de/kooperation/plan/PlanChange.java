package de.kooperation.plan;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import de.kooperation.shared.Zone;


/** One change of a plan, or a comment on it, kept with who made it and when. */
public record PlanChange(Instant at, String by, String activityTitle, String summary, boolean comment) {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy, H:mm 'Uhr'");

	/** When, as users read it: "01.12.2026, 9:30 Uhr" (German time). */
	public String atLabel() {
		return WHEN.format(at.atZone(ZoneId.of(Zone.ID)));
	}

	/** What happened, as users read it: a comment marked as such. */
	public String label() {
		return comment ? "Kommentar: " + summary : summary;
	}

	/** The activity's title, shortened for a list. */
	public String activityLabel() {
		if (activityTitle == null) {
			return "–";
		}
		return TimelineChart.shortened(activityTitle, 90);
	}

}
