package de.kooperation.shared;

/** Deadlines and meeting times are German local times, whatever the host says. */
public final class Zone {

	public static final String ID = "Europe/Berlin";

	private Zone() {
	}

}
