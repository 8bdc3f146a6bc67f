package io.conduithex.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import io.conduithex.testsupport.kit.ApiContract;
import io.conduithex.testsupport.kit.OpenApiDowngrade;

/**
 * The dependency rules of DESIGN.md, checked on the compiled main classes of every module. Test support
 * (adapter-sqlite-test, package io.conduithex.testsupport) is main code of its module and is checked too.
 */
@AnalyzeClasses(packages = "io.conduithex", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String DOMAIN = "io.conduithex.domain..";
    private static final String APPLICATION = "io.conduithex.application..";
    private static final String ADAPTER_JDBI = "io.conduithex.adapter.jdbi..";
    private static final String ADAPTER_WEB = "io.conduithex.adapter.web..";
    private static final String TEST_SUPPORT = "io.conduithex.testsupport..";
    private static final String BOOTSTRAP = "io.conduithex.bootstrap..";
    private static final String BOOTSTRAP_ROOT = "io.conduithex.bootstrap";

    @ArchTest
    static final ArchRule domainDependsOnTheJdkOnly = classes()
            .that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..")
            .because("the domain is plain Java: no framework, no adapter");

    @ArchTest
    static final ArchRule applicationDependsOnDomainAndItsFewLibrariesOnly = classes()
            .that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, "java..",
                    "dev.failsafe..", "org.slf4j..", "io.micrometer.core..", "jakarta.inject..")
            .because("use cases know ports, not adapters or frameworks");

    @ArchTest
    static final ArchRule noJdbcInDomainOrApplication = noClasses()
            .that().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
            .because("JDBC types must not cross into the core; the persistence ports speak domain types");

    @ArchTest
    static final ArchRule theJdbiAdapterDoesNotKnowTheWebTheCompositionRootOrTheTests = noClasses()
            .that().resideInAPackage(ADAPTER_JDBI)
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTER_WEB, BOOTSTRAP, TEST_SUPPORT);

    @ArchTest
    static final ArchRule theJdbiAdapterPackagesAreFreeOfCycles = slices()
            .matching("io.conduithex.adapter.jdbi.(**)")
            .should().beFreeOfCycles()
            .because("shared values sit in a leaf package and the facade on top, so every package has one room");

    @ArchTest
    static final ArchRule nothingInsideTheJdbiAdapterDependsOnItsFacade = noClasses()
            .that().resideInAPackage("io.conduithex.adapter.jdbi.*..")
            .should().dependOnClassesThat().resideInAPackage("io.conduithex.adapter.jdbi")
            .because("JdbiPersistence sits on top of the adapter's packages; the cycle rule's slices leave it out");

    @ArchTest
    static final ArchRule theWebAdapterDoesNotKnowPersistenceTheCompositionRootOrTheTests = noClasses()
            .that().resideInAPackage(ADAPTER_WEB)
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTER_JDBI, BOOTSTRAP, TEST_SUPPORT,
                    "org.jdbi..", "java.sql..", "javax.sql..", "com.zaxxer..", "org.flywaydb..");

    @ArchTest
    static final ArchRule testSupportKnowsNoWebAndNoCompositionRoot = noClasses()
            .that().resideInAPackage(TEST_SUPPORT)
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTER_WEB, BOOTSTRAP);

    @ArchTest
    static final ArchRule productionCodeNeverDependsOnTestSupport = noClasses()
            .that().resideInAnyPackage(DOMAIN, APPLICATION, ADAPTER_JDBI, ADAPTER_WEB, BOOTSTRAP)
            .should().dependOnClassesThat().resideInAPackage(TEST_SUPPORT);

    @ArchTest
    static final ArchRule guiceLivesInTheCompositionRootOnly = noClasses()
            .that().resideOutsideOfPackages(BOOTSTRAP, TEST_SUPPORT)
            .and().resideInAPackage("io.conduithex..")
            .should().dependOnClassesThat().resideInAPackage("com.google.inject..")
            .because("constructor injection with jakarta.inject everywhere else; the test-support module's"
                    + " swap-in Guice module is the one sanctioned exception (DESIGN.md)");

    @ArchTest
    static final ArchRule webAndJsonTypesStayInTheWebAdapter = noClasses()
            .that().resideInAnyPackage(DOMAIN, APPLICATION, ADAPTER_JDBI, TEST_SUPPORT)
            .and().doNotBelongToAnyOf(ApiContract.class, OpenApiDowngrade.class)
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "com.fasterxml.jackson..",
                    "com.auth0..", "jakarta.servlet..", "org.eclipse.jetty..")
            .because("the tests' OpenAPI check is the one sanctioned exception: it reads the document as a tree"
                    + " to rewrite it as 3.0 for its validator, itself built on Jackson");

    @ArchTest
    static final ArchRule persistenceLibrariesStayInThePersistenceAdapter = noClasses()
            .that().resideInAnyPackage(DOMAIN, APPLICATION, ADAPTER_WEB)
            .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "com.zaxxer..", "org.flywaydb..",
                    "org.sqlite..", "org.postgresql..");

    /**
     * Each package of bootstrap as one slice, the root package (Main) included: a pattern such as
     * {@code "io.conduithex.bootstrap.(**)"} would leave the root out, since {@code (**)} needs one segment at least.
     */
    private static final SliceAssignment BOOTSTRAP_PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            return name.equals(BOOTSTRAP_ROOT) || name.startsWith(BOOTSTRAP_ROOT + ".")
                    ? SliceIdentifier.of(name) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the packages of bootstrap, its root package included";
        }
    };

    @ArchTest
    static final ArchRule bootstrapsPackagesAreFreeOfCycles = slices().assignedFrom(BOOTSTRAP_PACKAGES)
            .should().beFreeOfCycles()
            .because("Main hands over to cli, which runs startup, which builds wiring; config, logging and"
                    + " security are leaves any of them may read");

    @ArchTest
    static final ArchRule bootstrapsRootPackageHoldsOnlyMain = classes()
            .that().resideInAPackage(BOOTSTRAP_ROOT)
            .should().haveSimpleName("Main")
            .because("the command line lives in cli, the Guice modules in wiring, the serve lifecycle in startup");
}
