package de.kooperation.plan;

import java.util.Arrays;
import java.util.Optional;

/** Where an activity of the Kommune's plan stands; the label is what users see and type. */
public enum PlanStatus {

	PLANNED("geplant"), RUNNING("läuft"), DONE("erledigt"), POSTPONED("verschoben");

	private final String label;

	PlanStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** By its German label or its name, ignoring case; empty if neither. */
	public static Optional<PlanStatus> of(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String wanted = text.strip();
		return Arrays.stream(values())
			.filter(status -> status.label.equalsIgnoreCase(wanted) || status.name().equalsIgnoreCase(wanted))
			.findFirst();
	}

}
