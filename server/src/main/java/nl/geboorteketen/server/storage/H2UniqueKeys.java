package nl.geboorteketen.server.storage;

import ca.uhn.fhir.util.VersionUtil;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * On H2, Hibernate's schema update dropped and re-added every unique key of HAPI's tables on every
 * start: it looks for an index named like the key, and H2 names a key's index differently, so it
 * never finds one. Re-adding a key rebuilds its index from the whole table (HFJ_RESOURCE, HFJ_RES_VER,
 * the tags…), seconds of every restart that grow with the store. The store now records the versions
 * of HAPI and Hibernate whose unique keys it was given; a start with the same versions skips them,
 * a store without the record (new, or made before) or a new version gets Hibernate's default.
 */
public final class H2UniqueKeys {

  static final String APPLY = "DROP_RECREATE_QUIETLY";
  static final String SKIP = "SKIP";
  private static final String RECORD = "unique-keys";

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

  /** After Hibernate's schema update: the store holds the unique keys of these versions. */
  public static void recordApplied(DataSource dataSource, String mappingVersion) {
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
  }
}
