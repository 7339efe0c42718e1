package nl.geboorteketen.server.maternalrecord;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.model.api.IQueryParameterType;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.util.List;
import java.util.Set;
import nl.geboorteketen.server.security.LedgerCache;

/**
 * A mother's {@code Patient/{id}/$everything} holds her newborn children and their records too:
 * HAPI's own $everything for her and for each child, as one (the type-level form with every id).
 * Who her children are is the server's fact, not a claim in a record: the children the ledger
 * joined to her family through a gk-mother link (see README, "Care relationships"). A child's own
 * $everything stays the child's.
 *
 * <p>Nothing is decided about access here: the answer passes the family filter as before.
 */
@Interceptor
public class NewbornsInMothersEverything {

  private final LedgerCache families;

  public NewbornsInMothersEverything(LedgerCache families) {
    this.families = families;
  }

  @Hook(Pointcut.STORAGE_PRESEARCH_REGISTERED)
  public void addChildren(SearchParameterMap map) {
    if (map.getEverythingMode() != SearchParameterMap.EverythingModeEnum.PATIENT_INSTANCE) {
      return;
    }
    List<List<IQueryParameterType>> ids = map.get("_id");
    if (ids == null || ids.size() != 1 || ids.get(0).size() != 1 || !(ids.get(0).get(0) instanceof TokenParam id)) {
      return;
    }
    String mother = "Patient/" + id.getValue();
    if (!families.familyOf(mother).equals(mother)) {
      return; // a child: its family is its mother's
    }
    Set<String> members = families.members(mother);
    if (members.size() < 2) {
      return;
    }
    TokenOrListParam all = new TokenOrListParam();
    members.forEach(p -> all.addOr(new TokenParam(p.substring("Patient/".length()))));
    map.remove("_id");
    map.add("_id", all);
    map.setEverythingMode(SearchParameterMap.EverythingModeEnum.PATIENT_TYPE);
  }
}
