package nl.geboorteketen.server.audit;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.model.DeleteConflict;
import ca.uhn.fhir.jpa.api.model.DeleteConflictList;
import ca.uhn.fhir.model.primitive.IdDt;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Every read leaves an AuditEvent that names what was read, so without this no resource that was
 * ever looked at could be deleted. HAPI's "referential integrity on delete disabled for paths" is
 * honoured only by $delete-expunge, so a plain DELETE ignores the audit log's references here and
 * still refuses when any other resource refers to the target. The audit record keeps naming the
 * deleted resource (its history stays readable).
 */
public class AuditReferencesAllowDelete {

  private static final String OTHER_REFERRER = """
      SELECT s.RES_TYPE, s.FHIR_ID, l.SRC_PATH FROM HFJ_RES_LINK l
      JOIN HFJ_RESOURCE t ON t.RES_ID = l.TARGET_RESOURCE_ID
      JOIN HFJ_RESOURCE s ON s.RES_ID = l.SRC_RESOURCE_ID
      WHERE t.RES_TYPE = ? AND t.FHIR_ID = ? AND l.SOURCE_RESOURCE_TYPE <> 'AuditEvent'
      FETCH FIRST 1 ROWS ONLY""";

  private final DataSource dataSource;

  public AuditReferencesAllowDelete(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_DELETE_CONFLICTS)
  public void ignoreAuditReferences(DeleteConflictList conflicts) {
    Set<String> targets = new LinkedHashSet<>();
    for (DeleteConflict c : conflicts) {
      if (fromAuditLog(c)) {
        targets.add(c.getTargetId().toUnqualifiedVersionless().getValue());
      }
    }
    if (targets.isEmpty()) {
      return;
    }
    conflicts.removeIf(AuditReferencesAllowDelete::fromAuditLog);
    // HAPI looked at one referrer only; the audit log's does not count, so look for any other
    for (String target : targets) {
      otherReferrer(new IdDt(target)).ifPresent(conflicts::add);
    }
  }

  private static boolean fromAuditLog(DeleteConflict conflict) {
    return "AuditEvent".equals(conflict.getSourceId().getResourceType());
  }

  private Optional<DeleteConflict> otherReferrer(IdDt target) {
    Connection c = DataSourceUtils.getConnection(dataSource);
    try (PreparedStatement s = c.prepareStatement(OTHER_REFERRER)) {
      s.setString(1, target.getResourceType());
      s.setString(2, target.getIdPart());
      try (ResultSet r = s.executeQuery()) {
        return r.next()
            ? Optional.of(new DeleteConflict(new IdDt(r.getString(1), r.getString(2)), r.getString(3), target))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not check what refers to " + target.getValue(), e);
    } finally {
      DataSourceUtils.releaseConnection(c, dataSource);
    }
  }
}
