package nl.geboorteketen.server.config;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.packages.IPackageInstallerSvc;
import ca.uhn.fhir.jpa.provider.JpaCapabilityStatementProvider;
import ca.uhn.fhir.jpa.provider.JpaSystemProvider;
import ca.uhn.fhir.jpa.provider.ValueSetOperationProvider;
import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.rest.server.HardcodedServerAddressStrategy;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.interceptor.ResponseHighlighterInterceptor;
import ca.uhn.fhir.rest.server.provider.ResourceProviderFactory;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import ca.uhn.fhir.validation.IValidatorModule;
import java.util.List;
import javax.sql.DataSource;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.common.hapi.validation.validator.WorkerContextValidationSupportAdapter;
import nl.geboorteketen.server.fhir.StoredRecords;
import nl.geboorteketen.server.web.IssueCodeInterceptor;
import nl.geboorteketen.server.web.OpenApiDocs;
import nl.geboorteketen.server.web.OperationParameterDocs;
import org.springframework.beans.factory.ObjectProvider;
import nl.geboorteketen.server.fhir.CapabilityStatementCustomizer;
import nl.geboorteketen.server.fhir.GeboorteketenRestfulServer;
import nl.geboorteketen.server.fhir.OperationProvider;
import nl.geboorteketen.server.operation.OperationContractInterceptor;
import nl.geboorteketen.server.operation.OperationContracts;
import nl.geboorteketen.server.operation.PackageCapabilityStatementProvider;
import nl.geboorteketen.server.fhir.UnknownResourceTypeInterceptor;
import nl.geboorteketen.server.maternalrecord.PregnancyKeyInterceptor;
import nl.geboorteketen.server.packages.CoreDefinitionsInChain;
import nl.geboorteketen.server.packages.LazyPackageSupport;
import nl.geboorteketen.server.packages.NictizPackages;
import nl.geboorteketen.server.packages.ProfilePackage;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import nl.geboorteketen.server.packages.ProfilePackageInstaller;
import nl.geboorteketen.server.validation.EntryFetcher;
import nl.geboorteketen.server.validation.EntryReferencePolicy;
import nl.geboorteketen.server.validation.DefinitionChanges;
import nl.geboorteketen.server.validation.PooledInstanceValidator;
import nl.geboorteketen.server.validation.RememberedDefinitionsInChain;
import nl.geboorteketen.server.validation.ProfileSelector;
import nl.geboorteketen.server.validation.TargetProfiles;
import nl.geboorteketen.server.validation.TargetVisibility;
import nl.geboorteketen.server.validation.TransactionEntries;
import nl.geboorteketen.server.validation.ProfileValidationInterceptor;
import nl.geboorteketen.server.validation.ValidationWarmUp;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The FHIR endpoint: providers, our package, validation on write and the capability statement. */
@Configuration
public class FhirServerConfig {

  @Bean
  public ProfilePackage profilePackage() {
    return ProfilePackage.fromClasspath();
  }

  @Bean
  public ProfilePackageInstaller profilePackageInstaller(IPackageInstallerSvc installer,
      ca.uhn.fhir.jpa.packages.IHapiPackageCacheManager cache, ca.uhn.fhir.jpa.api.dao.DaoRegistry daos,
      ProfilePackage pkg, JpaStorageSettings storage, DataSource dataSource) {
    return new ProfilePackageInstaller(installer, cache, daos, pkg, storage, dataSource);
  }

  @Bean
  public ProfileSelector profileSelector(FhirContext ctx, ProfilePackage pkg) {
    return new ProfileSelector(ctx, pkg);
  }

  /** FHIR's own definitions, parsed when first used, in the chain's place of HAPI's, which parses all. */
  @Bean
  public static CoreDefinitionsInChain coreDefinitionsInChain() {
    return new CoreDefinitionsInChain();
  }

  /** What the validator found by url, remembered as long as the chain would (see the class). */
  @Bean
  public static RememberedDefinitionsInChain rememberedDefinitionsInChain() {
    return new RememberedDefinitionsInChain();
  }

  /** A changed definition in the store is used from the next validation on. */
  @Bean
  public DefinitionChanges definitionChanges(IValidationSupport chain, IInterceptorService storageInterceptors) {
    DefinitionChanges changes = new DefinitionChanges(chain);
    storageInterceptors.registerInterceptor(changes);
    return changes;
  }

  /** The Nictiz packages, in the validator's chain right after the store's own definitions. */
  @Bean
  public LazyPackageSupport nictizValidationSupport(FhirContext ctx, IValidationSupport chain) {
    LazyPackageSupport nictiz = NictizPackages.validationSupport(ctx);
    ValidationSupportChain validationChain = (ValidationSupportChain) chain;
    validationChain.addValidationSupport(Math.min(2, validationChain.getValidationSupports().size()), nictiz);
    validationChain.invalidateCaches();
    return nictiz;
  }

  /** References on write: the entries of a transaction, by the references other entries make to them. */
  @Bean
  public TransactionEntries transactionEntries(IInterceptorService storageInterceptors) {
    TransactionEntries entries = new TransactionEntries();
    storageInterceptors.registerInterceptor(entries);
    return entries;
  }

  @Bean
  public EntryReferencePolicy entryReferencePolicy() {
    return new EntryReferencePolicy();
  }

  @Bean
  public EntryFetcher entryFetcher(FhirContext ctx, IValidationSupport chain, DaoRegistry daos,
      WorkerContextValidationSupportAdapter worker) {
    return new EntryFetcher(ctx, chain, daos, worker);
  }

  /** Records the write checks read; the last 500 stay parsed (those of the families being written). */
  @Bean
  public StoredRecords storedRecords(DaoRegistry daos, DataSource dataSource) {
    return new StoredRecords(daos, dataSource, 500);
  }

  @Bean
  public TargetProfiles targetProfiles(FhirContext ctx, ProfilePackage pkg, ProfileSelector selector,
      StoredRecords stored, ObjectProvider<TargetVisibility> visibility) {
    return new TargetProfiles(ctx, pkg, selector, stored::read,
        visibility.getIfAvailable(() -> TargetVisibility.EVERYONE));
  }

  /**
   * The validator of every write is our pooled module (not a bean: HAPI's DAOs take the one
   * instance validator module by type); HAPI's own ($validate) is set to check alike.
   */
  @Bean
  public ProfileValidationInterceptor profileValidationInterceptor(FhirContext ctx,
      @Qualifier("myInstanceValidator") IValidatorModule instanceValidator, EntryReferencePolicy referencePolicy,
      EntryFetcher fetcher, IValidationSupport chain, WorkerContextValidationSupportAdapter worker,
      ProfileSelector selector, IInterceptorService storageInterceptors, TargetProfiles targets) {
    FhirInstanceValidator hapi = (FhirInstanceValidator) instanceValidator;
    PooledInstanceValidator pooled = new PooledInstanceValidator(ctx);
    pooled.setWrappedWorkerContext(chain, worker);
    pooled.setBestPracticeWarningLevel(hapi.getBestPracticeWarningLevel());
    for (FhirInstanceValidator validator : List.of(hapi, pooled)) {
      // the type of every reference's target is checked from its URL, without reading the target
      validator.setAssumeValidRestReferences(true);
      validator.setValidatorPolicyAdvisor(referencePolicy);
      validator.setValidatorResourceFetcher(fetcher);
    }
    ProfileValidationInterceptor interceptor = new ProfileValidationInterceptor(ctx, pooled, selector, targets);
    storageInterceptors.registerInterceptor(interceptor);
    return interceptor;
  }

  @Bean
  public PregnancyKeyInterceptor pregnancyKeyInterceptor(
      DaoRegistry daos, PlatformTransactionManager txManager, IInterceptorService storageInterceptors) {
    PregnancyKeyInterceptor interceptor = new PregnancyKeyInterceptor(daos, txManager);
    storageInterceptors.registerInterceptor(interceptor);
    return interceptor;
  }

  @Bean
  public ValidationWarmUp validationWarmUp(
      FhirContext ctx, ProfilePackage pkg, ProfileValidationInterceptor validation) {
    return new ValidationWarmUp(ctx, pkg, validation);
  }

  @Bean
  public OperationContracts operationContracts(FhirContext ctx, ProfilePackage pkg, IValidationSupport validationSupport) {
    return new OperationContracts(ctx, pkg, validationSupport);
  }

  @Bean
  public RestfulServer restfulServer(
      FhirContext ctx,
      Settings settings,
      @Qualifier("myResourceProvidersR4") ResourceProviderFactory resourceProviders,
      @Qualifier("mySystemProviderR4") JpaSystemProvider<?, ?> systemProvider,
      ValueSetOperationProvider valueSetOperationProvider,
      DatabaseBackedPagingProvider pagingProvider,
      IFhirSystemDao<?, ?> systemDao,
      JpaStorageSettings storageSettings,
      ISearchParamRegistry searchParamRegistry,
      ProfileSelector selector,
      ProfilePackage pkg,
      OperationContracts contracts,
      ObjectProvider<OperationProvider> operationProviders) {
    // An element the model does not know is refused (400), never silently dropped.
    ctx.setParserErrorHandler(new StrictErrorHandler());
    RestfulServer server = new GeboorteketenRestfulServer(ctx);
    // the audit log is served by its own read-only provider (audit feature), not stored as FHIR resources
    server.registerProviders(resourceProviders.createProviders().stream().filter(p -> !(p instanceof
        ca.uhn.fhir.rest.server.IResourceProvider rp && rp.getResourceType() == org.hl7.fhir.r4.model.AuditEvent.class))
        .toList());
    server.registerProviders(systemProvider, valueSetOperationProvider);
    operationProviders.orderedStream().forEach(server::registerProvider);
    // HAPI caps _count at 50; a family's $everything is larger, and a client asking for 200 gets 200
    pagingProvider.setDefaultPageSize(20);
    pagingProvider.setMaximumPageSize(500);
    server.setPagingProvider(pagingProvider);
    server.setDefaultResponseEncoding(ca.uhn.fhir.rest.api.EncodingEnum.JSON);
    if (!settings.publicBaseUrl().isBlank()) {
      server.setServerAddressStrategy(new HardcodedServerAddressStrategy(settings.publicBaseUrl()));
    }
    JpaCapabilityStatementProvider capabilities = new PackageCapabilityStatementProvider(
        server, systemDao, storageSettings, searchParamRegistry, contracts);
    capabilities.setImplementationDescription("Geboorteketen FHIR server");
    // served without a token: per-type counts would tell anyone how many records (audit ones too) the store holds
    capabilities.setIncludeResourceCounts(false);
    server.setServerConformanceProvider(capabilities);
    server.registerInterceptor(new CapabilityStatementCustomizer(
        selector.profilesByType(), pkg.canonical() + "/ImplementationGuide/" + pkg.id()));
    server.registerInterceptor(new UnknownResourceTypeInterceptor(ctx));
    server.registerInterceptor(new IssueCodeInterceptor());
    server.registerInterceptor(new OperationContractInterceptor(contracts));
    server.registerInterceptor(new OpenApiDocs(new OperationParameterDocs(ctx, pkg)));
    server.registerInterceptor(new ResponseHighlighterInterceptor());
    return server;
  }
}
