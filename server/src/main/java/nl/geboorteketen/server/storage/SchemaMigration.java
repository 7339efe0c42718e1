package nl.geboorteketen.server.storage;

import ca.uhn.fhir.jpa.migrate.DriverTypeEnum;
import ca.uhn.fhir.jpa.migrate.HapiMigrator;
import ca.uhn.fhir.jpa.migrate.MigrationResult;
import ca.uhn.fhir.jpa.migrate.MigrationTaskList;
import ca.uhn.fhir.jpa.migrate.tasks.HapiFhirJpaMigrationTasks;
import ca.uhn.fhir.util.VersionEnum;
import java.util.Arrays;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and upgrades the PostgreSQL schema with HAPI's own migration tasks (the same ones the
 * HAPI CLI's migrate-database runs), recorded in table fly_hfj_migration (lower case: PostgreSQL folds unquoted names). Each task runs once;
 * a database made by an earlier HAPI version gets only the tasks it lacks. HAPI's migrator takes
 * a lock row, so two nodes starting at once do not migrate twice.
 */
public final class SchemaMigration {

  public static final String MIGRATION_TABLE = "fly_hfj_migration";
  private static final Logger LOG = LoggerFactory.getLogger(SchemaMigration.class);

  private SchemaMigration() {}

  /** Runs every HAPI migration task up to and including {@code upTo}. */
  public static MigrationResult migrate(DataSource dataSource, VersionEnum upTo) {
    VersionEnum[] versions = Arrays.stream(VersionEnum.values())
        .filter(v -> v.ordinal() <= upTo.ordinal())
        .toArray(VersionEnum[]::new);
    MigrationTaskList tasks = new HapiFhirJpaMigrationTasks(Set.of()).getAllTasks(versions);
    HapiMigrator migrator = new HapiMigrator(MIGRATION_TABLE, dataSource, DriverTypeEnum.POSTGRES_9_4);
    migrator.createMigrationTableIfRequired();
    migrator.addTasks(tasks);
    long started = System.currentTimeMillis();
    MigrationResult result = migrator.migrate();
    if (!result.failedTasks.isEmpty()) {
      throw new IllegalStateException("Schema migration failed: " + result.summary());
    }
    LOG.info("Schema migration up to HAPI {}: {} tasks applied in {} ms", upTo,
        result.succeededTasks.size(), System.currentTimeMillis() - started);
    return result;
  }

  /** Runs every task this HAPI version knows. */
  public static MigrationResult migrateToCurrent(DataSource dataSource) {
    return migrate(dataSource, VersionEnum.latestVersion());
  }
}
