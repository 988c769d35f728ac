package de.kooperation.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The package graph is one-way, as in petclinic's {@code owner -> model}: the edges (demo data, the
 * app's pages, retention) use the features, the features use a little infrastructure and the shared
 * kernel, and nothing points back. README, "How it is built".
 *
 * <p>javac inlines constants, so a class that uses only another package's {@code static final}
 * strings (variable names, {@code Zone.ID}) shows no dependency in bytecode; the layers still catch
 * every class, method and enum used.
 */
class ArchitectureTests {

	private static final JavaClasses PRODUCTION = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("de.kooperation");

	@Test
	void noPackageDependsOnItselfThroughOthers() {
		slices().matching("de.kooperation.(*)..")
			.should()
			.beFreeOfCycles()
			.because("a feature that needs another's vocabulary takes it from the shared kernel")
			.check(PRODUCTION);
	}

	@Test
	void edgesUseFeaturesUseInfrastructureUseTheKernel() {
		layeredArchitecture().consideringOnlyDependenciesInLayers()
			.layer("Edges").definedBy("de.kooperation.demo..", "de.kooperation.overview..", "de.kooperation.retention..")
			.layer("Features").definedBy("de.kooperation.collaboration..", "de.kooperation.agreement..",
				"de.kooperation.analysis..", "de.kooperation.implementation..", "de.kooperation.plan..",
				"de.kooperation.reminder..", "de.kooperation.identity..")
			.layer("Infrastructure").definedBy("de.kooperation.system..", "de.kooperation.form..",
				"de.kooperation.municipality..", "de.kooperation.maturity..")
			.layer("Kernel").definedBy("de.kooperation.shared..")
			.whereLayer("Edges").mayNotBeAccessedByAnyLayer()
			.whereLayer("Features").mayOnlyBeAccessedByLayers("Edges")
			.whereLayer("Infrastructure").mayOnlyBeAccessedByLayers("Features", "Edges")
			.whereLayer("Kernel").mayOnlyBeAccessedByLayers("Infrastructure", "Features", "Edges")
			.check(PRODUCTION);
	}

}
