package nl.geboorteketen.server.config;

import ca.uhn.fhir.batch2.jobs.config.Batch2JobsConfig;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.config.ThreadPoolFactoryConfig;
import ca.uhn.fhir.jpa.batch2.JpaBatch2Config;
import ca.uhn.fhir.jpa.config.HapiJpaConfig;
import ca.uhn.fhir.jpa.config.PackageLoaderConfig;
import ca.uhn.fhir.jpa.config.r4.JpaR4Config;
import ca.uhn.fhir.jpa.config.util.HapiEntityManagerFactoryUtil;
import ca.uhn.fhir.jpa.model.config.PartitionSettings;
import ca.uhn.fhir.jpa.model.config.SubscriptionSettings;
import ca.uhn.fhir.jpa.model.dialect.HapiFhirH2Dialect;
import ca.uhn.fhir.jpa.model.dialect.HapiFhirPostgresDialect;
import ca.uhn.fhir.jpa.subscription.channel.config.SubscriptionChannelConfig;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManagerFactory;
import java.util.Properties;
import javax.sql.DataSource;
import nl.geboorteketen.server.storage.CachedLoadQueries;
import nl.geboorteketen.server.storage.H2Durability;
import nl.geboorteketen.server.storage.H2IdLookups;
import nl.geboorteketen.server.storage.H2Planner;
import nl.geboorteketen.server.storage.H2UniqueKeys;
import nl.geboorteketen.server.storage.H2RecordText;
import nl.geboorteketen.server.storage.HapiSequences;
import nl.geboorteketen.server.storage.SchemaMigration;
import org.hibernate.cfg.SchemaToolingSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/** The HAPI JPA storage layer on H2 (file) or PostgreSQL, as {@link Settings} says. */
@Configuration
@Import({
  JpaR4Config.class,
  HapiJpaConfig.class,
  PackageLoaderConfig.class,
  JpaBatch2Config.class,
  Batch2JobsConfig.class,
  SubscriptionChannelConfig.class,
  ThreadPoolFactoryConfig.class
})
public class PersistenceConfig {

  @Bean(destroyMethod = "close")
  public HikariDataSource dataSource(Settings settings) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(H2RecordText.url(H2Planner.url(H2Durability.durableUrl(settings.dbUrl()))));
    config.setUsername(settings.dbUser());
    config.setPassword(settings.dbPassword());
    config.setMaximumPoolSize(settings.dbPoolSize());
    // A request that cannot get a connection fails in bounded time instead of hanging the server.
    config.setConnectionTimeout(10_000);
    config.setPoolName("geboorteketen");
    return new HikariDataSource(config);
  }

  @Bean
  public LocalContainerEntityManagerFactoryBean entityManagerFactory(
      ConfigurableListableBeanFactory beanFactory,
      FhirContext fhirContext,
      JpaStorageSettings storageSettings,
      DataSource dataSource,
      Settings settings) {
    if (settings.isPostgres()) {
      // Production schema: created and upgraded by HAPI's migration tasks, never by Hibernate.
      SchemaMigration.migrateToCurrent(dataSource);
    }
    LocalContainerEntityManagerFactoryBean emf =
        HapiEntityManagerFactoryUtil.newEntityManagerFactory(beanFactory, fhirContext, storageSettings);
    emf.setPersistenceUnitName("HAPI_PU");
    emf.setDataSource(dataSource);
    Properties jpa = new Properties();
    jpa.put("hibernate.dialect",
        settings.isPostgres() ? HapiFhirPostgresDialect.class.getName() : HapiFhirH2Dialect.class.getName());
    // H2 is the single-node development store and stays on Hibernate's schema update (docs/decisions.md).
    jpa.put("hibernate.hbm2ddl.auto", settings.isPostgres() ? "none" : "update");
    jpa.put("hibernate.search.enabled", "false");
    jpa.put("hibernate.format_sql", "false");
    jpa.put("hibernate.show_sql", "false");
    // HAPI's entities declare no Bean Validation constraints; with the validator on the classpath Hibernate
    // would still start it and walk every entity it writes (docs/decisions.md, "Turtle left out").
    jpa.put("jakarta.persistence.validation.mode", "none");
    // Without Bean Validation Hibernate checks non-null columns itself, which HAPI's partition id (null when
    // partitioning is off) does not pass: kept off, as it was while Bean Validation ran.
    jpa.put("hibernate.check_nullability", "false");
    // HAPI loads records and their tags with `IN (:ids)` lists of every length. Padded to powers of two,
    // a few SQL strings serve every length, so H2 parses them once per connection (docs/decisions.md:
    // Hibernate itself translates such queries on every call either way).
    jpa.put("hibernate.query.in_clause_parameter_padding", "true");
    if (!settings.isPostgres()) {
      // HAPI's lookup of several ids at once read the whole resource table on H2 (H2IdLookups).
      jpa.put("hibernate.session_factory.statement_inspector", new H2IdLookups());
      // Hibernate's helper tables for multi-table mutations: the four HAPI entities it makes them for map a
      // column twice, so H2 refuses every one ("Duplicate column name") and each start wrote ~20 kB of stack
      // traces into the store's trace file. None has ever existed on H2; not asking changes nothing else.
      jpa.put("hibernate.query.mutation_strategy.global_temporary.create_tables", "false");
      // Unique keys only for a store that does not hold those of this HAPI and Hibernate yet (H2UniqueKeys).
      jpa.put(SchemaToolingSettings.UNIQUE_CONSTRAINT_SCHEMA_UPDATE_STRATEGY,
          H2UniqueKeys.strategy(dataSource, H2UniqueKeys.mappingVersion()));
    }
    emf.setJpaProperties(jpa);
    return emf;
  }

  /** HAPI's two queries that load search results, with a translation Hibernate keeps (CachedLoadQueries). */
  @Bean
  public static CachedLoadQueries cachedLoadQueries(ObjectProvider<EntityManagerFactory> entityManagerFactory) {
    return new CachedLoadQueries(entityManagerFactory);
  }

  @Bean
  @Primary
  public JpaTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
    return new JpaTransactionManager(entityManagerFactory);
  }

  /**
   * After the schema exists (the entity manager factory made it): HAPI's id sequences get a larger
   * cache ({@link HapiSequences}), the store records whose unique keys it holds ({@link H2UniqueKeys}),
   * and see {@link H2Planner}.
   */
  @Bean(destroyMethod = "close")
  public H2Planner h2Planner(DataSource dataSource, jakarta.persistence.EntityManagerFactory schemaReady,
      Settings settings) {
    HapiSequences.cacheOnH2(dataSource);
    if (!settings.isPostgres()) {
      H2UniqueKeys.recordApplied(dataSource, H2UniqueKeys.mappingVersion(), H2UniqueKeys.declaredKeys(schemaReady));
    }
    return H2Planner.start(dataSource, settings.dbUrl());
  }

  @Bean
  public JpaStorageSettings storageSettings() {
    JpaStorageSettings storage = new JpaStorageSettings();
    storage.setAllowExternalReferences(false);
    storage.setAutoCreatePlaceholderReferenceTargets(false);
    storage.setEnforceReferentialIntegrityOnWrite(true);
    storage.setEnforceReferentialIntegrityOnDelete(true);
    // Searches are answered fresh: a cached result can be stale after a write (hapi #2680).
    storage.setReuseCachedSearchResultsForMillis(null);
    storage.setDefaultSearchParamsCanBeOverridden(true);
    storage.setIndexMissingFields(JpaStorageSettings.IndexEnabledEnum.DISABLED);
    // Pre-expansion needs Hibernate Search (not used); our ValueSets are small and expand in memory.
    storage.setPreExpandValueSets(false);
    // A transaction larger than any real family's (≈20 entries) is refused (413) before any work.
    storage.setMaximumTransactionBundleSize(1000);
    // HAPI only writes this table (on a fresh database 3,626 rows, one commit each, on a thread of
    // its own) and never reads it; on 2 cores that thread slowed the start-up's package install.
    storage.setWriteToSearchParamIdentityTable(false);
    return storage;
  }

  @Bean
  public PartitionSettings partitionSettings() {
    return new PartitionSettings();
  }

  @Bean
  public SubscriptionSettings subscriptionSettings() {
    return new SubscriptionSettings();
  }
}
