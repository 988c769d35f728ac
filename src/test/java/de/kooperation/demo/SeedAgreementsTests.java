package de.kooperation.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import de.kooperation.ProcessTest;
import de.kooperation.municipality.Municipality;
import de.kooperation.municipality.MunicipalityRepository;
import de.kooperation.agreement.Goal;
import de.kooperation.agreement.Milestone;
import de.kooperation.agreement.Agreements;
import de.kooperation.agreement.AgreementVersion;
import de.kooperation.shared.AgreementProcess;
import de.kooperation.shared.RevisionProcess;

/** The seeds' agreements as demo drafts: real goals and milestones, dates counted from the signing month. */
@ProcessTest
class SeedAgreementsTests {

	@Autowired
	SeedAgreements seeds;

	@Autowired
	Agreements agreements;

	@Autowired
	MunicipalityRepository municipalities;

	@Test
	void eisenachSignedInOctober2015HasTheSeedsPlan_periodsAsInAnlage2() {
		municipalities.save(new Municipality("eisenach", "Stadt Eisenach", "TH"));
		assertThat(seeds.load("eisenach", YearMonth.of(2015, 10))).isTrue();

		AgreementVersion draft = agreements.draft("eisenach").orElseThrow();
		assertThat(draft.goals()).hasSize(5);
		assertThat(draft.goals()).extracting(Goal::priority).containsExactly("hoch", "hoch", "mittel", "hoch", "hoch");
		assertThat(draft.goals().get(0).timeFrame()).isEqualTo("1/2016 – 10/2016");
		assertThat(draft.goals().get(4).title()).contains("Bildungsmonitoring");
		assertThat(draft.milestones()).hasSize(10);
		Milestone analysis = draft.milestones().get(2);
		assertThat(analysis.title()).isEqualTo("Bedarfsanalyse");
		assertThat(analysis.period()).isEqualTo("10/2015 – 2/2016");
		assertThat(analysis.dueOn()).isEqualTo(LocalDate.of(2016, 2, 29));
		assertThat(analysis.municipalityPart()).contains("Auswahl von vier Bildungsexperten");
		assertThat(draft.milestones().get(0).closed()).isTrue();
		assertThat(draft.milestones().get(5).period()).isEqualTo("10/2016");
		assertThat(draft.milestones().get(6).period()).isEqualTo("ab 10/2016 laufend");
		assertThat(draft.milestones().get(6).dueOn()).isNull();
		assertThat(draft.municipalityContacts()).contains("Sabine Krause");
		// the milestones a task fulfils close with it; ongoing ones are closed by hand
		assertThat(draft.milestones()).extracting(Milestone::title, Milestone::fulfilledBy).contains(
				tuple("Zielvereinbarung (ZV)", AgreementProcess.Elements.SIGN_AGENCY),
				tuple("Bedarfsanalyse", "user_write_result_report"), tuple("Diskurs", "user_hold_discourse"),
				tuple("Fortschreibung ZV", RevisionProcess.Elements.SIGN_AGENCY), tuple("Umsetzung", null));

		// safe to run at every start: an existing draft with goals is left alone
		assertThat(seeds.load("eisenach", YearMonth.of(2030, 1))).isFalse();
		assertThat(agreements.draft("eisenach").orElseThrow().milestones().get(2).dueOn()).isEqualTo(LocalDate.of(2016, 2, 29));
	}

	@Test
	void nienburgAndWormsHaveTheirSeedsGoalsAndMilestones() {
		municipalities.save(new Municipality("nienburg", "Landkreis Nienburg/Weser", "NI"));
		municipalities.save(new Municipality("worms", "Stadt Worms", "RP"));
		assertThat(seeds.load("nienburg", YearMonth.of(2017, 10))).isTrue();
		assertThat(seeds.load("worms")).isTrue();

		AgreementVersion nienburg = agreements.draft("nienburg").orElseThrow();
		assertThat(nienburg.goals()).hasSize(2);
		assertThat(nienburg.goals().get(1).explanation()).contains("Neuzugewanderte");
		assertThat(nienburg.milestones()).extracting(Milestone::title).startsWith("Sondierungsgespräch")
			.contains("Ergebnisbericht (Abschluss Modul 1)");
		assertThat(nienburg.milestones().get(0).period()).isEqualTo("2/2018");
		assertThat(nienburg.milestones().get(0).fulfilmentLabel()).isEqualTo("Sondierungsgespräch durchgeführt");
		assertThat(nienburg.milestones()).allSatisfy(m -> assertThat(m.fulfilmentLabel()).isNotNull());

		AgreementVersion worms = agreements.draft("worms").orElseThrow();
		assertThat(worms.goals()).extracting(Goal::explanation).allSatisfy(text -> assertThat(text).isNotBlank());
		assertThat(worms.goals().get(2).explanation()).contains("„grünen Schiene“");
		assertThat(worms.milestones()).hasSize(5).allSatisfy(m -> assertThat(m.dueOn()).isNotNull());
		assertThat(worms.agencyDuties()).startsWith("a. Individuelle Prozessunterstützung");
		assertThat(worms.milestones()).extracting(Milestone::fulfilledBy).containsOnlyOnce("user_record_review_meeting");

		assertThat(seeds.load("unbekannt")).isFalse();
		assertThat(SeedAgreements.has("worms")).isTrue();
	}

}
