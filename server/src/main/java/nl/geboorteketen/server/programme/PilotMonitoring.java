package nl.geboorteketen.server.programme;

import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * Seed 004 §6: inflow per municipality per pillar per month, and kraamzorg hours indicated at
 * intake against hours delivered at the end of the kraambed, for enrolments starting in a period.
 */
public class PilotMonitoring {

  /** One cell of the report. Hours are sums over the enrolled families that have them recorded. */
  public record Row(String month, String municipality, String programme, int inflow,
      BigDecimal indicatedHours, int withIndication, BigDecimal deliveredHours, int withDelivered) {

    static String csvHeader() {
      return "maand;gemeente;pijler;instroom;uren_geindiceerd;gezinnen_met_indicatie;uren_geleverd;gezinnen_met_geleverde_uren";
    }

    String csv() {
      return String.join(";", month, municipality, programme, String.valueOf(inflow), indicatedHours.toPlainString(),
          String.valueOf(withIndication), deliveredHours.toPlainString(), String.valueOf(withDelivered));
    }
  }

  static final List<String> PILLARS = List.of("geboortezorg-flex-pijler-1", "geboortezorg-flex-pijler-2");

  private final DaoRegistry daos;
  private final ProgrammeService programmes;
  private final FamilyFacts facts;

  public PilotMonitoring(DaoRegistry daos, ProgrammeService programmes, FamilyFacts facts) {
    this.daos = daos;
    this.programmes = programmes;
    this.facts = facts;
  }

  public List<Row> report(LocalDate from, LocalDate to) {
    Map<String, Row> rows = new TreeMap<>();
    for (String code : PILLARS) {
      var programme = programmes.table().find(code);
      if (programme.isEmpty()) {
        continue;
      }
      SearchParameterMap map = SearchParameterMap.newSynchronous()
          .add(EpisodeOfCare.SP_TYPE, new TokenParam(ProgrammeService.EPISODE_TYPE, ProgrammeService.ENROLMENT))
          .add(EpisodeOfCare.SP_TYPE, new TokenParam(ProgrammeService.system(programme.get()), code));
      for (EpisodeOfCare e : facts.search(EpisodeOfCare.class, map)) {
        if (e.getStatus() == EpisodeOfCare.EpisodeOfCareStatus.ENTEREDINERROR || !e.getPeriod().hasStart()) {
          continue;
        }
        LocalDate start = FamilyFacts.local(e.getPeriod().getStart());
        if (start.isBefore(from) || start.isAfter(to)) {
          continue;
        }
        String mother = e.getPatient().getReferenceElement().toUnqualifiedVersionless().getValue();
        String municipality = municipality(mother);
        String month = start.toString().substring(0, 7);
        Optional<BigDecimal> indicated = indicatedHours(mother);
        Optional<BigDecimal> delivered = deliveredHours(mother);
        rows.merge(month + "|" + municipality + "|" + code,
            new Row(month, municipality, code, 1, indicated.orElse(BigDecimal.ZERO), indicated.isPresent() ? 1 : 0,
                delivered.orElse(BigDecimal.ZERO), delivered.isPresent() ? 1 : 0),
            (a, b) -> new Row(a.month(), a.municipality(), a.programme(), a.inflow() + b.inflow(),
                a.indicatedHours().add(b.indicatedHours()), a.withIndication() + b.withIndication(),
                a.deliveredHours().add(b.deliveredHours()), a.withDelivered() + b.withDelivered()));
      }
    }
    return new ArrayList<>(rows.values());
  }

  public static String csv(List<Row> rows) {
    StringBuilder out = new StringBuilder(Row.csvHeader()).append('\n');
    rows.forEach(r -> out.append(r.csv()).append('\n'));
    return out.toString();
  }

  private String municipality(String mother) {
    try {
      Patient p = daos.getResourceDao(Patient.class).read(new org.hl7.fhir.r4.model.IdType(mother), new SystemRequestDetails());
      return p.getAddress().stream().filter(a -> a.getUse() != Address.AddressUse.OLD && a.hasDistrict())
          .map(Address::getDistrict).findFirst().orElse("onbekend");
    } catch (RuntimeException e) {
      return "onbekend";
    }
  }

  /** Hours of the current kraamzorg indication (gk-kraamzorg-indication, status active). */
  private Optional<BigDecimal> indicatedHours(String mother) {
    SearchParameterMap map = SearchParameterMap.newSynchronous()
        .add(ServiceRequest.SP_SUBJECT, new ReferenceParam(mother))
        .add(ServiceRequest.SP_CODE, new TokenParam(FamilyFacts.SNOMED, "160631000146109"))
        .add(ServiceRequest.SP_STATUS, new TokenParam("active"));
    return facts.search(ServiceRequest.class, map).stream()
        .filter(ServiceRequest::hasQuantityQuantity)
        .max(java.util.Comparator.comparing(sr -> sr.getMeta().getLastUpdated()))
        .map(sr -> sr.getQuantityQuantity().getValue());
  }

  /** Hours delivered, recorded at the end of the kraambed (gk-observation-code#kraamzorg-hours-delivered). */
  private Optional<BigDecimal> deliveredHours(String mother) {
    SearchParameterMap map = SearchParameterMap.newSynchronous()
        .add(Observation.SP_SUBJECT, new ReferenceParam(mother))
        .add(Observation.SP_CODE, new TokenParam(FamilyFacts.GK_OBS, "kraamzorg-hours-delivered"));
    return nl.geboorteketen.server.vulnerability.Latest.of(facts.search(Observation.class, map).stream()
            .filter(o -> o.getStatus() != Observation.ObservationStatus.ENTEREDINERROR && o.hasValueQuantity()).toList())
        .map(o -> o.getValueQuantity().getValue());
  }
}
