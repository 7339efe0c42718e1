package nl.geboorteketen.server.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * A stored record read by the server on its own behalf ("Type/id"), for checks that must see what a
 * reference points at whoever asks; empty when it does not exist or is deleted.
 *
 * <p>The same few records are read again and again (every record of a pregnancy points at its
 * maternal record), so a parsed copy is kept per record. It is used only while the record's current
 * version is the same history row with the same tags: a history row's content never changes, its
 * id is never handed out again (not after a rollback, not after an expunge), and its tags are the
 * one part {@code $meta-add} and {@code $meta-delete} change in place. That is one indexed query
 * instead of HAPI's read (resource row, history row, tags, parse), on the connection of the
 * surrounding transaction, so it sees what HAPI's read would see. Every answer is a copy.
 */
public final class StoredRecords {

  private static final String CURRENT_VERSION = "SELECT v.PID, v.RES_VER, t.TAG_ID FROM HFJ_RESOURCE r"
      + " JOIN HFJ_RES_VER v ON v.RES_ID = r.RES_ID AND v.RES_VER = r.RES_VER"
      + " LEFT JOIN HFJ_HISTORY_TAG t ON t.RES_VER_PID = v.PID"
      + " WHERE r.RES_TYPE = ? AND r.FHIR_ID = ? AND r.RES_DELETED_AT IS NULL ORDER BY t.TAG_ID";

  /** A stored version as the query above names it: its history row, version and tags. */
  record Version(long historyRow, long version, List<Long> tags) {}

  private record Kept(Version version, Resource resource) {}

  private final DaoRegistry daos;
  private final DataSource dataSource;
  private final Cache<String, Kept> kept;

  public StoredRecords(DaoRegistry daos, DataSource dataSource, int size) {
    this.daos = daos;
    this.dataSource = dataSource;
    this.kept = Caffeine.newBuilder().maximumSize(size).build();
  }

  public Optional<Resource> read(String reference) {
    IdType id = new IdType(reference).toUnqualifiedVersionless();
    String key = id.getValue();
    Optional<Version> current = currentVersion(id);
    Kept hit = kept.getIfPresent(key);
    if (current.isPresent() && hit != null && hit.version().equals(current.get())) {
      return Optional.of(hit.resource().copy());
    }
    Optional<Resource> read = readFromStore(id);
    // kept only if nothing changed around the read: a $meta-add in between would otherwise be kept
    // under the tags from before it
    if (current.isPresent() && read.isPresent()
        && String.valueOf(current.get().version()).equals(read.get().getIdElement().getVersionIdPart())
        && current.equals(currentVersion(id))) {
      kept.put(key, new Kept(current.get(), read.get().copy()));
    }
    return read;
  }

  private Optional<Resource> readFromStore(IdType id) {
    try {
      return Optional.of((Resource) daos.getResourceDao(id.getResourceType()).read(id, new SystemRequestDetails()));
    } catch (ResourceNotFoundException | ResourceGoneException e) {
      return Optional.empty();
    }
  }

  /** Empty when there is no current version: none, or deleted. */
  Optional<Version> currentVersion(IdType id) {
    Connection c = DataSourceUtils.getConnection(dataSource);
    try (PreparedStatement st = c.prepareStatement(CURRENT_VERSION)) {
      st.setString(1, id.getResourceType());
      st.setString(2, id.getIdPart());
      long row = -1;
      long version = -1;
      List<Long> tags = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          row = rs.getLong(1);
          version = rs.getLong(2);
          long tag = rs.getLong(3);
          if (!rs.wasNull()) {
            tags.add(tag);
          }
        }
      }
      return row < 0 ? Optional.empty() : Optional.of(new Version(row, version, List.copyOf(tags)));
    } catch (SQLException e) {
      throw new IllegalStateException("The stored version of " + id.getValue() + " could not be read: " + e.getMessage(), e);
    } finally {
      DataSourceUtils.releaseConnection(c, dataSource);
    }
  }
}
