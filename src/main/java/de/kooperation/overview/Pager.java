package de.kooperation.overview;

import java.util.List;
import java.util.Locale;

/**
 * One page of a long list of rows (the overview, the steering report's phases per Kommune): which
 * page, of how many, and which rows, in German ("Kooperationen 1–50 von 1.000").
 */
record Pager(int page, int pages, int total, int size) {

	static final int DEFAULT_SIZE = 50;

	/** The page asked for, within the pages there are (a number too high shows the last). */
	static Pager of(int total, int requested, int size) {
		int pages = Math.max(1, (total + size - 1) / size);
		return new Pager(Math.min(Math.max(1, requested), pages), pages, total, size);
	}

	/** The page number of a parameter such as "seite=3"; anything else is the first page. */
	static int number(String page) {
		try {
			return page == null ? 1 : Integer.parseInt(page.trim());
		}
		catch (NumberFormatException e) {
			return 1;
		}
	}

	<T> List<T> slice(List<T> rows) {
		return rows.subList(Math.min(rows.size(), (page - 1) * size), Math.min(rows.size(), page * size));
	}

	public int first() {
		return total == 0 ? 0 : (page - 1) * size + 1;
	}

	public int last() {
		return Math.min(total, page * size);
	}

	public boolean hasPrevious() {
		return page > 1;
	}

	public boolean hasNext() {
		return page < pages;
	}

	/** "Kooperationen 1–50 von 1.000" (German digit grouping) for the rows named {@code what}. */
	public String range(String what) {
		return String.format(Locale.GERMANY, "%s %,d–%,d von %,d", what, first(), last(), total);
	}

}
