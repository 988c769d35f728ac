package de.kooperation.demo;

import java.util.ArrayList;
import java.util.List;

/** The ids of the demo users ({@link DemoScript}), for the production profile's check that its database holds none. */
public final class DemoUsers {

	private DemoUsers() {
	}

	public static List<String> ids() {
		List<String> ids = new ArrayList<>();
		DemoScript.AGENCY_TEAM.forEach(person -> ids.add(person.id()));
		DemoScript.AGENCY_LEADERSHIP.forEach(person -> ids.add(person.id()));
		for (DemoScript.DemoMunicipality kommune : DemoScript.MUNICIPALITIES) {
			ids.add(kommune.contact().id());
			ids.add(kommune.executive().id());
		}
		return ids;
	}

}
