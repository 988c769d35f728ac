package de.kooperation.overview;

import java.util.Map;

import org.springframework.stereotype.Component;

import de.kooperation.agreement.AgreementVersion;
import de.kooperation.municipality.Municipality;

/** The Zielvereinbarung as PDF for signing: the template zv-druck laid out as A4 pages. */
@Component
class AgreementPdf {

	private final PrintedPages pages;

	AgreementPdf(PrintedPages pages) {
		this.pages = pages;
	}

	byte[] render(Municipality municipality, AgreementVersion version) {
		return pages.pdf("zv-druck", Map.of("municipality", municipality, "version", version), "Zielvereinbarung");
	}

}
