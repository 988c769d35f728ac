package de.kooperation.identity;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Service;

import de.kooperation.municipality.Municipality;
import de.kooperation.municipality.MunicipalityRepository;
import de.kooperation.shared.PartyGroups;

/**
 * Registers a Kommune: its row in the registry, its two groups (Ansprechpartner/innen and
 * Verwaltungsspitze) and their Tasklist access. Idempotent: registering again updates the name
 * and creates only what is missing.
 */
@Service
public class MunicipalityRegistration {

	private final MunicipalityRepository municipalities;

	private final GroupDirectory groups;

	private final Grants grants;

	MunicipalityRegistration(MunicipalityRepository municipalities, GroupDirectory groups, Grants grants) {
		this.municipalities = municipalities;
		this.groups = groups;
		this.grants = grants;
	}

	public void register(Municipality municipality) {
		municipalities.save(municipality);
		String contacts = PartyGroups.municipalityContacts(municipality.id());
		String leadership = PartyGroups.municipalityLeadership(municipality.id());
		groups.ensure(contacts, municipality.name() + " – Ansprechpartner/innen");
		groups.ensure(leadership, municipality.name() + " – Verwaltungsspitze");
		// Tasklist only: no Cockpit, no Admin; tasks come with the candidate groups
		grants.toGroup(contacts, Resources.APPLICATION, IdentitySetup.TASKLIST, Permissions.ACCESS);
		grants.toGroup(leadership, Resources.APPLICATION, IdentitySetup.TASKLIST, Permissions.ACCESS);
	}

}
