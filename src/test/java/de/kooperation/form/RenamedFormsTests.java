package de.kooperation.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A collaboration started before the publicity forms lost their agreement- prefix still names the
 * old form id at its task; the server checks such a completion by the renamed form's rules.
 */
class RenamedFormsTests {

	private final FormRules rules = new FormRules(new ObjectMapper());

	@Test
	void aFormerIdIsCheckedByTheRulesOfTheFormItWasRenamedTo() {
		FormRules.FORMER_IDS.forEach((former, now) -> {
			assertThat(rules.knows(former)).as(former).isTrue();
			assertThat(rules.fieldKeys(former)).as(former).isNotEmpty().isEqualTo(rules.fieldKeys(now));
			assertThat(rules.violations(former, Map.of())).as(former).isNotEmpty().isEqualTo(rules.violations(now, Map.of()));
		});
	}

	@Test
	void aFormerIdIsNoFormOfItsOwnAndItsNewFormExists() {
		assertThat(FormRules.FORMER_IDS).containsEntry("agreement-publicity", "signing-publicity")
			.containsEntry("agreement-publicity-support", "support-signing-publicity");
		FormRules.FORMER_IDS.forEach((former, now) -> {
			assertThat(Path.of("forms", former + ".form")).as(former).doesNotExist();
			assertThat(Files.exists(Path.of("forms", now + ".form"))).as(now).isTrue();
		});
	}

}
