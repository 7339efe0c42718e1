package nl.geboorteketen.server.health;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.UriParam;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import nl.geboorteketen.server.packages.ProfilePackage;
import org.hl7.fhir.r4.model.StructureDefinition;

/** The readiness checks: the database answers, and our package's profiles are in the store. */
public class HealthChecks {

  /** Outcome of one check. */
  public record Result(boolean up, String detail) {}

  private final DataSource dataSource;
  private final DaoRegistry daos;
  private final ProfilePackage pkg;

  public HealthChecks(DataSource dataSource, DaoRegistry daos, ProfilePackage pkg) {
    this.dataSource = dataSource;
    this.daos = daos;
    this.pkg = pkg;
  }

  public Map<String, Result> run() {
    Map<String, Result> results = new LinkedHashMap<>();
    results.put("database", database());
    results.put("package", results.get("database").up() ? profilePackage() : new Result(false, "database down"));
    return results;
  }

  private Result database() {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(2) ? new Result(true, "reachable") : new Result(false, "connection not valid");
    } catch (Exception e) {
      return new Result(false, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private Result profilePackage() {
    String probe = pkg.canonical() + "/StructureDefinition/gk-patient";
    try {
      SearchParameterMap map = SearchParameterMap.newSynchronous().add(StructureDefinition.SP_URL, new UriParam(probe));
      map.setCount(1);
      boolean found = !daos.getResourceDao(StructureDefinition.class).search(map, new SystemRequestDetails())
          .getResources(0, 1).isEmpty();
      return found
          ? new Result(true, pkg.id() + "#" + pkg.version())
          : new Result(false, probe + " not in the store");
    } catch (Exception e) {
      return new Result(false, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }
}
