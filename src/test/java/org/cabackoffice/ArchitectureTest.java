package org.cabackoffice;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.cabackoffice.application.ApplicationNotFoundException;
import org.cabackoffice.application.Applications;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.stereotype.Controller;

/** The lines DESIGN.md draws, held by the build instead of by memory. */
class ArchitectureTest {

  static JavaClasses classes;

  @BeforeAll
  static void load() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.cabackoffice");
  }

  @Test
  void featurePackagesFormNoCycle() {
    // DESIGN.md: dependencies point one way; a cycle is how a feature ends up needing them all.
    slices().matching("org.cabackoffice.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void theRegistrationUseCaseIsOnTopAndNothingImportsIt() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.cabackoffice.registration..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.cabackoffice.registration..")
        .check(classes);
  }

  @Test
  void theAuditorsPagesAreOnTopAndNothingImportsThem() {
    // They read what several features own; a feature that imported them would read back.
    noClasses()
        .that()
        .resideOutsideOfPackage("org.cabackoffice.auditors..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.cabackoffice.auditors..")
        .check(classes);
  }

  @Test
  void rolesAreALeaf() {
    noClasses()
        .that()
        .resideInAPackage("org.cabackoffice.access..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.cabackoffice.application..", "org.cabackoffice.security..", "org.cabackoffice.issuance..",
            "org.cabackoffice.domain..", "org.cabackoffice.payment..", "org.cabackoffice.verification..",
            "org.cabackoffice.documents..", "org.cabackoffice.mail..", "org.cabackoffice.csr..",
            "org.cabackoffice.workflow..", "org.cabackoffice.audit..", "org.cabackoffice.web..")
        .check(classes);
  }

  @Test
  void theTimelineIsALeafThatFeaturesContributeTo() {
    classes()
        .that()
        .resideInAPackage("org.cabackoffice.timeline..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("org.cabackoffice.timeline..", "java..")
        .check(classes);
  }

  @Test
  void auditReadsNoFeaturesTables() {
    // Each feature contributes its own timeline entries (timeline.TimelineContributor); audit
    // finds the application and reads the engine's history, nothing else of the features.
    classes()
        .that()
        .resideInAPackage("org.cabackoffice.audit..")
        .should()
        .onlyDependOnClassesThat(
            resideInAnyPackage("org.cabackoffice.audit..", "org.cabackoffice.timeline..")
                .or(resideOutsideOfPackage("org.cabackoffice.."))
                .or(type(Applications.class))
                .or(type(ApplicationNotFoundException.class)))
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("org.cabackoffice.audit..")
        .should()
        .dependOnClassesThat(assignableTo(Repository.class).and(resideOutsideOfPackage("org.cabackoffice.audit..")))
        .check(classes);
  }

  @Test
  void embeddedServerPortsAreALeaf() {
    // Both the development registry (domain) and the mail catcher (mail) use it.
    classes()
        .that()
        .resideInAPackage("org.cabackoffice.ports..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "org.cabackoffice.ports..", "java..", "org.springframework..", "org.apache.commons.logging..")
        .check(classes);
  }

  @Test
  void domainServicesKnowNothingOfTheEngine() {
    // Engine types stay in delegates, task listeners and the engine adapters (packages named
    // camunda), so moving to Operaton stays mechanical (DESIGN.md, Camunda notes).
    ArchRule rule =
        noClasses()
            .that()
            .haveSimpleNameNotEndingWith("Delegate")
            .and()
            .haveSimpleNameNotEndingWith("Listener")
            .and()
            .resideOutsideOfPackage("..camunda..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.camunda..");
    rule.check(classes);
  }

  @Test
  void delegatesStayThinAdaptersOfTheirFeature() {
    classes()
        .that()
        .implement("org.camunda.bpm.engine.delegate.JavaDelegate")
        .should()
        .haveSimpleNameEndingWith("Delegate")
        .andShould()
        .resideOutsideOfPackage("..camunda..")
        .check(classes);
  }

  @Test
  void everyEndpointNamesItsOwnerRole() {
    methods()
        .that()
        .areDeclaredInClassesThat()
        .areMetaAnnotatedWith(Controller.class)
        .and()
        .arePublic()
        .and()
        .areMetaAnnotatedWith(RequestMapping.class)
        .should()
        .beAnnotatedWith(PreAuthorize.class)
        .because("every endpoint has an owner role (DEVELOPERS.md, Security)")
        .check(classes);
  }

  @Test
  void namesSayWhatAThingIs() {
    noClasses()
        .should()
        .haveSimpleNameEndingWith("Manager")
        .orShould()
        .haveSimpleNameEndingWith("Helper")
        .orShould()
        .haveSimpleNameEndingWith("Util")
        .orShould()
        .haveSimpleNameEndingWith("Utils")
        .check(classes);
  }
}
