package nl.geboorteketen.server.storage;

import ca.uhn.fhir.util.VersionUtil;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On H2, Hibernate's schema update dropped and re-added every unique key of HAPI's tables on every
 * start: it looks for an index named like the key, and H2 names a key's index differently, so it
 * never finds one. Re-adding a key rebuilds its index from the whole table (HFJ_RESOURCE, HFJ_RES_VER,
 * the tags…), seconds of every restart that grow with the store. The store now records the versions
 * of HAPI and Hibernate whose unique keys it was given; a start with the same versions skips them,
 * a store without the record (new, or made before) or a new version gets Hibernate's default.
 * Hibernate adds keys quietly (a failure is logged, not thrown), so the record is written only when
 * every named key of HAPI's entities is there; otherwise the next start tries again.
 */
public final class H2UniqueKeys {

  static final String APPLY = "DROP_RECREATE_QUIETLY";
  static final String SKIP = "SKIP";
  private static final String RECORD = "unique-keys";
  private static final Logger LOG = LoggerFactory.getLogger(H2UniqueKeys.class);

  private H2UniqueKeys() {}

  /** What decides whose unique keys a store holds: HAPI's entities and Hibernate's naming of them. */
  public static String mappingVersion() {
    return "HAPI " + VersionUtil.getVersion() + ", Hibernate " + org.hibernate.Version.getVersionString();
  }

  /**
   * Hibernate's unique key strategy for this start. The table is looked up first, not queried blindly:
   * H2 writes every failed statement into its trace file, and a new store has no table yet.
   */
  public static String strategy(DataSource dataSource, String mappingVersion) {
    try (Connection c = dataSource.getConnection();
        ResultSet tables = c.getMetaData().getTables(null, null, "GK_SCHEMA_UPDATE", null)) {
      if (!tables.next()) {
        return APPLY;
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT APPLIED FROM GK_SCHEMA_UPDATE WHERE NAME = ?")) {
        ps.setString(1, RECORD);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() && mappingVersion.equals(rs.getString(1)) ? SKIP : APPLY;
        }
      }
    } catch (SQLException e) {
      return APPLY;
    }
  }

  /** The named unique keys (and unique indexes) the entities declare on their tables, upper case as H2 keeps them. */
  public static Set<String> declaredKeys(EntityManagerFactory entities) {
    Set<String> names = new TreeSet<>();
    entities.getMetamodel().getEntities().forEach(entity -> {
      Table table = entity.getJavaType().getAnnotation(Table.class);
      if (table != null) {
        for (UniqueConstraint key : table.uniqueConstraints()) {
          names.add(key.name());
        }
        for (Index index : table.indexes()) {
          if (index.unique()) {
            names.add(index.name());
          }
        }
      }
    });
    names.remove("");
    return names.stream().map(n -> n.toUpperCase(Locale.ROOT)).collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * After Hibernate's schema update: records that the store holds the unique keys of these versions,
   * when it holds every one of {@code declared}.
   *
   * @return the declared keys the store lacks (nothing recorded then)
   */
  public static Set<String> recordApplied(DataSource dataSource, String mappingVersion, Set<String> declared) {
    Set<String> missing = new TreeSet<>(declared);
    missing.removeAll(uniqueKeys(dataSource));
    if (!missing.isEmpty()) {
      LOG.warn("The store lacks unique keys {} after Hibernate's schema update (see its log above); the next start "
          + "adds them again", missing);
      return missing;
    }
    OwnTables.create(dataSource, "schema update record",
        "CREATE TABLE IF NOT EXISTS GK_SCHEMA_UPDATE (NAME VARCHAR(50) PRIMARY KEY, APPLIED VARCHAR(200) NOT NULL)");
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("MERGE INTO GK_SCHEMA_UPDATE (NAME, APPLIED) KEY (NAME) VALUES (?, ?)")) {
      ps.setString(1, RECORD);
      ps.setString(2, mappingVersion);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot record the schema's unique keys: " + e.getMessage(), e);
    }
    return missing;
  }

  /** The names of the unique keys in the store's schema. */
  static Set<String> uniqueKeys(DataSource dataSource) {
    Set<String> names = new TreeSet<>();
    try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS"
            + " WHERE CONSTRAINT_TYPE = 'UNIQUE' AND CONSTRAINT_SCHEMA = SCHEMA()")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the schema's unique keys: " + e.getMessage(), e);
    }
    return names;
  }
}
