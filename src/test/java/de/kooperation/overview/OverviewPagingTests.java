package de.kooperation.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import de.kooperation.municipality.Municipality;

/**
 * The overview a page at a time: which rows a page shows, what it says about them in German, and
 * that a transfer manager's own Kommunen come first in any order chosen.
 */
class OverviewPagingTests {

	@Test
	void aThousandRowsMakeTwentyPagesOfFifty_andEachSaysWhichRowsItShowsInGerman() {
		List<Integer> rows = IntStream.rangeClosed(1, 1000).boxed().toList();

		Pager second = Pager.of(rows.size(), 2, 50);

		assertThat(second.pages()).isEqualTo(20);
		assertThat(second.slice(rows)).hasSize(50).startsWith(51).endsWith(100);
		assertThat(second.range("Kooperationen")).isEqualTo("Kooperationen 51–100 von 1.000");
		assertThat(second.hasPrevious()).isTrue();
		assertThat(second.hasNext()).isTrue();
	}

	@Test
	void theLastPageHoldsTheRest_aNumberTooHighShowsIt_andOneTooLowTheFirst() {
		List<Integer> rows = IntStream.rangeClosed(1, 120).boxed().toList();

		Pager tooHigh = Pager.of(rows.size(), 9, 50);

		assertThat(tooHigh.page()).isEqualTo(3);
		assertThat(tooHigh.slice(rows)).containsExactly(101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116,
				117, 118, 119, 120);
		assertThat(tooHigh.range("Kooperationen")).isEqualTo("Kooperationen 101–120 von 120");
		assertThat(tooHigh.hasNext()).isFalse();
		assertThat(Pager.of(rows.size(), -1, 50).page()).isEqualTo(1);
		assertThat(Pager.of(0, 1, 50).slice(List.of())).isEmpty();
		assertThat(Pager.of(0, 1, 50).pages()).isEqualTo(1);
		assertThat(Pager.number("zwei")).isEqualTo(1);
		assertThat(Pager.number(" 3")).isEqualTo(3);
	}

	@Test
	void aTransferManagersOwnKommunenComeFirst_eachPartInTheOrderChosen() {
		List<CollaborationFacts.Summary> rows = List.of(row("Stadt Aachen", "tm.b", 0), row("Stadt Bonn", "tm.a", 3),
				row("Stadt Celle", null, 5), row("Stadt Dessau", "tm.a", 1));

		List<String> byName = rows.stream()
			.sorted(OverviewController.ownFirst("tm.a").thenComparing(OverviewController.order("kommune")))
			.map(row -> row.municipality().name())
			.toList();
		List<String> byOverdue = rows.stream()
			.sorted(OverviewController.ownFirst("tm.a").thenComparing(OverviewController.order("ueberfaellig")))
			.map(row -> row.municipality().name())
			.toList();

		assertThat(byName).containsExactly("Stadt Bonn", "Stadt Dessau", "Stadt Aachen", "Stadt Celle");
		assertThat(byOverdue).containsExactly("Stadt Bonn", "Stadt Dessau", "Stadt Celle", "Stadt Aachen");
	}

	private static CollaborationFacts.Summary row(String name, String transferManager, int overdue) {
		return new CollaborationFacts.Summary(new Municipality(name.toLowerCase().replace(' ', '-'), name, "TH"), null, "Umsetzung",
				transferManager, null, overdue, 0, null, 0, 0);
	}

}
