package de.kooperation.implementation;

import static de.kooperation.shared.ImplementationProcess.Vars.EXCHANGE_PREFIX;
import static de.kooperation.shared.ImplementationProcess.Vars.FEEDBACK_PREFIX;
import static de.kooperation.shared.ImplementationProcess.Vars.STRATEGY_MEETING_PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import de.kooperation.shared.CalledProcessVariables;
import de.kooperation.shared.RevisionProcess;

class RevisionVariablesTests {

	@Test
	void theRevisionIsGivenNoneOfTheLoopsThatGoOnMeanwhile_soItsCopyCannotTurnBackWhatTheyRecord() {
		List<String> loops = List.of(STRATEGY_MEETING_PREFIX, FEEDBACK_PREFIX, EXCHANGE_PREFIX);
		assertThat(CalledProcessVariables.givenTo(RevisionProcess.KEY)).isNotEmpty()
			.noneMatch(name -> loops.stream().anyMatch(name::startsWith));
	}

}
