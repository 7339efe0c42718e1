package nl.geboorteketen.server.consent;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Consent;

/** Reads the family's Consents (profile gk-consent) from the store and says what they allow. */
public class ConsentService {

  public static final String CATEGORY_SYSTEM = "https://fhir.geboorteketen.nl/CodeSystem/consent-category";
  public static final String PGO_DELEN = "pgo-delen";
  public static final String PARTNER_DELEN = "partner-delen";

  private final DaoRegistry daos;

  public ConsentService(DaoRegistry daos) {
    this.daos = daos;
  }

  /** True when a member of this family ("Patient/id"s) refused or withdrew sharing with this organisation. */
  public boolean familyDeniesPartner(Set<String> family, String organisation) {
    ReferenceOrListParam members = new ReferenceOrListParam();
    family.forEach(m -> members.addOr(new ReferenceParam(m)));
    SearchParameterMap map = new SearchParameterMap()
        .add("category", new TokenParam(CATEGORY_SYSTEM, PARTNER_DELEN))
        .add("actor", new ReferenceParam(organisation))
        .add("patient", members);
    Map<String, List<Consent>> byMember = new HashMap<>();
    for (Consent c : consents(map)) {
      if (c.hasPatient()) {
        byMember.computeIfAbsent(c.getPatient().getReferenceElement().toUnqualifiedVersionless().getValue(),
            k -> new ArrayList<>()).add(c);
      }
    }
    Date now = new Date();
    return byMember.values().stream().anyMatch(list -> ConsentDecision.decide(list, now) == ConsentDecision.Outcome.DENY);
  }

  /** True when the mother ("Patient/id") has an active pgo-delen permit that no later deny overrides. */
  public boolean sharesWithPgo(String mother) {
    SearchParameterMap map = new SearchParameterMap()
        .add("category", new TokenParam(CATEGORY_SYSTEM, PGO_DELEN))
        .add("patient", new ReferenceParam(mother));
    return ConsentDecision.decide(consents(map), new Date()) == ConsentDecision.Outcome.PERMIT;
  }

  private List<Consent> consents(SearchParameterMap map) {
    map.setLoadSynchronous(true);
    List<IBaseResource> all = daos.getResourceDao(Consent.class).search(map, new SystemRequestDetails()).getAllResources();
    return all.stream().map(Consent.class::cast).toList();
  }
}
