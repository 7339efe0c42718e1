package nl.geboorteketen.server.kraamweek;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.TokenParam;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import nl.geboorteketen.mappings.kraamweek.BreastfeedingIndicator;
import nl.geboorteketen.server.rules.RuleTableStore;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;

/** Reads a kraamzorg organisation's feeding observations and has the pure indicator count them. */
public class BreastfeedingIndicatorService {

  public static final String RULES_URL = "https://fhir.geboorteketen.nl/Library/borstvoedingsindicator";
  static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
  /** The kraamweek lasts at most 10 care days; a margin either side finds every first and last day. */
  private static final int MARGIN_DAYS = 14;

  public record Rules(double norm, String feedingTypeCode, Set<String> exclusive) {}

  public record Answer(BreastfeedingIndicator.Result result, double norm) {}

  private final DaoRegistry daos;
  private final RuleTableStore rules;

  public BreastfeedingIndicatorService(DaoRegistry daos, RuleTableStore rules) {
    this.daos = daos;
    this.rules = rules;
  }

  public Answer compute(String organization, LocalDate start, LocalDate end) {
    Rules r = rules.current(RULES_URL, BreastfeedingIndicatorService::parse);
    String[] code = r.feedingTypeCode().split("\\|");
    SearchParameterMap map = SearchParameterMap.newSynchronous()
        .add(Observation.SP_CODE, new TokenParam(code[0], code[1]))
        .add(Observation.SP_DATE, new DateRangeParam(
            new DateParam(ParamPrefixEnum.GREATERTHAN_OR_EQUALS, start.minusDays(MARGIN_DAYS).toString()),
            new DateParam(ParamPrefixEnum.LESSTHAN_OR_EQUALS, end.plusDays(MARGIN_DAYS).toString())));
    var found = daos.getResourceDao(Observation.class).search(map, new SystemRequestDetails());
    Integer size = found.size();
    Map<String, String> orgOfPerformer = new HashMap<>();
    List<Observation> ours = found.getResources(0, size == null ? 100_000 : size).stream()
        .map(Observation.class::cast)
        .filter(o -> o.getPerformer().stream().anyMatch(p -> organization.equals(
            orgOfPerformer.computeIfAbsent(key(p), k -> organisationOf(p)))))
        .toList();
    return new Answer(BreastfeedingIndicator.compute(ours, r.exclusive(), start, end, ZONE), r.norm());
  }

  private String organisationOf(Reference performer) {
    String ref = key(performer);
    if (ref.startsWith("Organization/")) {
      return ref;
    }
    if (ref.startsWith("PractitionerRole/")) {
      PractitionerRole role = daos.getResourceDao(PractitionerRole.class)
          .read(performer.getReferenceElement().toUnqualifiedVersionless(), new SystemRequestDetails());
      return role.getOrganization().getReferenceElement().toUnqualifiedVersionless().getValue();
    }
    return "";
  }

  private static String key(Reference r) {
    return r.getReferenceElement().toUnqualifiedVersionless().getValue();
  }

  public static Rules parse(byte[] json) {
    try {
      JsonNode rules = new ObjectMapper().readTree(json).get("rules");
      Set<String> exclusive = StreamSupport.stream(rules.get("exclusiveBreastfeeding").spliterator(), false)
          .map(JsonNode::asText).collect(Collectors.toSet());
      return new Rules(rules.get("norm").asDouble(), rules.get("feedingTypeCode").asText(), exclusive);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
