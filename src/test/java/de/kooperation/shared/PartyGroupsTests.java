package de.kooperation.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PartyGroupsTests {

	@Test
	void bothGroupsOfAKommuneLeadBackToIt() {
		assertThat(PartyGroups.municipalityOf(PartyGroups.municipalityContacts("bad-hersfeld"))).contains("bad-hersfeld");
		assertThat(PartyGroups.municipalityOf(PartyGroups.municipalityLeadership("bad-hersfeld"))).contains("bad-hersfeld");
	}

	@Test
	void theAgencysGroupsAndStrangersBelongToNoKommune() {
		assertThat(PartyGroups.municipalityOf(PartyGroups.AGENCY_TEAM)).isEmpty();
		assertThat(PartyGroups.municipalityOf(PartyGroups.AGENCY_LEADERSHIP)).isEmpty();
		assertThat(PartyGroups.municipalityOf("camunda-admin")).isEmpty();
		assertThat(PartyGroups.municipalityOf(null)).isEmpty();
	}

	@Test
	void theQueriesPatternOfKommuneGroupsTakesBothGroupsOfAKommuneAndNoneOfTheAgency() {
		String like = PartyGroups.MUNICIPALITY_GROUPS_LIKE.replace("%", ".*");

		assertThat(PartyGroups.municipalityContacts("bad-hersfeld")).matches(like);
		assertThat(PartyGroups.municipalityLeadership("bad-hersfeld")).matches(like);
		assertThat(PartyGroups.AGENCY_TEAM).doesNotMatch(like);
		assertThat(PartyGroups.AGENCY_LEADERSHIP).doesNotMatch(like);
		assertThat("camunda-admin").doesNotMatch(like);
	}

	@Test
	void aTaskIsTheKommunesWhenItsModelOffersItToOneOfTheKommunesGroups() {
		assertThat(PartyGroups.offeredToMunicipality("${municipalityGroup}")).isTrue();
		assertThat(PartyGroups.offeredToMunicipality("ta-leadership, ${municipalityLeadershipGroup}")).isTrue();
		assertThat(PartyGroups.offeredToMunicipality("ta-team,${municipalityGroup}")).isTrue();
		assertThat(PartyGroups.offeredToMunicipality(PartyGroups.municipalityContacts("eisenach"))).isTrue();
		assertThat(PartyGroups.offeredToMunicipality("ta-team")).isFalse();
		assertThat(PartyGroups.offeredToMunicipality("ta-leadership")).isFalse();
		assertThat(PartyGroups.offeredToMunicipality(null)).isFalse();
	}

}
