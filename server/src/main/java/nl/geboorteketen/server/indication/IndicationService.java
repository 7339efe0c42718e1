package nl.geboorteketen.server.indication;

import static nl.geboorteketen.server.indication.IndicationCodes.KRAAMZORG_HOURS;
import static nl.geboorteketen.server.indication.IndicationCodes.LIP_TABLE;
import static nl.geboorteketen.server.indication.IndicationCodes.SNOMED;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.geboorteketen.mappings.RuleInputException;
import nl.geboorteketen.mappings.lip.IndicationRequest;
import nl.geboorteketen.mappings.lip.IndicationResult;
import nl.geboorteketen.mappings.lip.LipCalculator;
import nl.geboorteketen.mappings.lip.LipRules;
import nl.geboorteketen.mappings.lip.Moment;
import nl.geboorteketen.server.fhir.Searches;
import nl.geboorteketen.mappings.RuleInputException.Problem;
import nl.geboorteketen.server.rules.RuleTableStore;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Signature;

/**
 * Computes a kraamzorg indication under the current LIP rule table, from explicit inputs or from
 * the stored maternal record, and stores it on request: a new indication supersedes the active
 * one of the same record (status revoked, kept in history) in one transaction.
 */
public class IndicationService {

  private final RuleTableStore tables;
  private final StoredInputsReader reader;
  private final DaoRegistry daos;
  private final IFhirSystemDao<Bundle, Meta> systemDao;

  public IndicationService(RuleTableStore tables, StoredInputsReader reader, DaoRegistry daos,
      IFhirSystemDao<Bundle, Meta> systemDao) {
    this.tables = tables;
    this.reader = reader;
    this.daos = daos;
    this.systemDao = systemDao;
  }

  /** How to store the indication, if at all. */
  public record Persist(boolean persist, Reference maternalRecord, Reference subject, Reference requester,
      Reference performer, boolean partusAssistance, Signature midwifeSignature, Signature clientSignature) {}

  /** The computed indication, what stored data it used, and what was stored. */
  public record Outcome(IndicationResult result, List<String> used, ServiceRequest indication, Provenance provenance) {}

  public LipRules rules() {
    return tables.current(LIP_TABLE, LipRules::parse);
  }

  public Outcome compute(IndicationRequest explicit, Persist persist, RequestDetails rd) {
    IndicationResult result = LipCalculator.calculate(rules(), explicit);
    return store(result, explicit.moment(), withRecordDefaults(persist, rd), List.of(), rd);
  }

  /** At type level the maternal record, when given, supplies the client and the kraamzorg. */
  private Persist withRecordDefaults(Persist persist, RequestDetails rd) {
    if (!persist.persist() || persist.maternalRecord() == null || !persist.maternalRecord().hasReference()) {
      return persist;
    }
    IdType id = new IdType(persist.maternalRecord().getReference());
    if (!"EpisodeOfCare".equals(id.getResourceType())) {
      throw new RuleInputException(422, List.of(new Problem("zwangerschapsdossier",
          "zwangerschapsdossier moet verwijzen naar een EpisodeOfCare, niet naar '" + id.getValue() + "'.")));
    }
    EpisodeOfCare episode;
    try {
      episode = daos.getResourceDao(EpisodeOfCare.class).read(id.toUnqualifiedVersionless(), rd);
    } catch (ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException
        | ca.uhn.fhir.rest.server.exceptions.ResourceGoneException e) {
      throw new RuleInputException(422, List.of(new Problem("zwangerschapsdossier",
          "Het zwangerschapsdossier " + id.toUnqualifiedVersionless().getValue() + " bestaat niet.")));
    }
    return new Persist(true, new Reference("EpisodeOfCare/" + episode.getIdElement().getIdPart()),
        persist.subject() != null ? persist.subject() : episode.getPatient(),
        persist.requester() != null ? persist.requester() : midwifePractice(episode), persist.performer(), persist.partusAssistance(), persist.midwifeSignature(), persist.clientSignature());
  }

  public Outcome computeForRecord(IdType episodeId, IndicationRequest explicit, Persist persist, RequestDetails rd) {
    LipRules rules = rules();
    StoredInputsReader.Stored stored = reader.read(episodeId, rules, rd);
    IndicationRequest merged = merge(stored.request(), explicit);
    IndicationResult result = LipCalculator.calculate(rules, merged);
    EpisodeOfCare episode = stored.episode();
    Persist withRecord = new Persist(persist.persist(),
        new Reference("EpisodeOfCare/" + episode.getIdElement().getIdPart()),
        persist.subject() != null ? persist.subject() : episode.getPatient(),
        persist.requester() != null ? persist.requester() : midwifePractice(episode), persist.performer(),
        persist.partusAssistance(), persist.midwifeSignature(), persist.clientSignature());
    return store(result, merged.moment(), withRecord, stored.used(), rd);
  }

  /** The record's managing organisation is the midwife practice; it indicates unless a midwife is named. */
  private static Reference midwifePractice(EpisodeOfCare episode) {
    return episode.hasManagingOrganization() ? episode.getManagingOrganization() : null;
  }

  /** Explicit inputs win over stored ones; factors add up. */
  static IndicationRequest merge(IndicationRequest stored, IndicationRequest explicit) {
    Set<String> more = new HashSet<>(stored.moreFactors());
    more.addAll(explicit.moreFactors());
    Set<String> fewer = new HashSet<>(stored.fewerFactors());
    fewer.addAll(explicit.fewerFactors());
    return new IndicationRequest(
        first(explicit.firstChild(), stored.firstChild()),
        first(explicit.feeding(), stored.feeding()),
        first(explicit.moment(), stored.moment()),
        more, fewer,
        first(explicit.hospitalDays(), stored.hospitalDays()),
        first(explicit.lyingInDays(), stored.lyingInDays()),
        first(explicit.clientWishHours(), stored.clientWishHours()),
        explicit.overrideHours(), explicit.overrideReason(),
        explicit.homeIntakeIndicated() || stored.homeIntakeIndicated(),
        explicit.digitalInstructionObjected() || stored.digitalInstructionObjected(),
        explicit.digitalInstructionHours());
  }

  private static <T> T first(T preferred, T fallback) {
    return preferred != null ? preferred : fallback;
  }

  private Outcome store(IndicationResult result, Moment moment, Persist persist, List<String> used, RequestDetails rd) {
    if (!persist.persist()) {
      return new Outcome(result, used, null, null);
    }
    List<Problem> missing = new ArrayList<>();
    if (persist.maternalRecord() == null) {
      missing.add(new Problem("zwangerschapsdossier", "Ontbreekt om op te slaan: het zwangerschapsdossier (EpisodeOfCare)."));
    }
    if (persist.subject() == null) {
      missing.add(new Problem("client", "Ontbreekt om op te slaan: de cliënt (Patient)."));
    }
    if (persist.requester() == null) {
      missing.add(new Problem("aanvrager", "Ontbreekt om op te slaan: de indicerende verloskundige (aanvrager)."));
    }
    if (moment == Moment.HERINDICATIE) {
      if (persist.midwifeSignature() == null) {
        missing.add(new Problem("handtekeningVerloskundige", "Een herindicatie vraagt de handtekening van de verloskundige."));
      }
      if (persist.clientSignature() == null) {
        missing.add(new Problem("handtekeningClient", "Een herindicatie vraagt de handtekening van de cliënt."));
      }
    }
    if (!missing.isEmpty()) {
      throw new RuleInputException(400, missing);
    }
    List<ServiceRequest> previous = activeIndications(persist.maternalRecord().getReference(), rd);
    Bundle tx = IndicationResources.transaction(result, moment, persist, previous);
    Bundle response = systemDao.transaction(rd, tx);
    ServiceRequest indication = daos.getResourceDao(ServiceRequest.class)
        .read(new IdType(response.getEntryFirstRep().getResponse().getLocation()).toUnqualifiedVersionless(), rd);
    Provenance provenance = null;
    for (Bundle.BundleEntryComponent entry : response.getEntry()) {
      String location = entry.getResponse().getLocation();
      if (location != null && location.startsWith("Provenance/")) {
        provenance = daos.getResourceDao(Provenance.class).read(new IdType(location).toUnqualifiedVersionless(), rd);
      }
    }
    return new Outcome(result, used, indication, provenance);
  }

  private List<ServiceRequest> activeIndications(String maternalRecord, RequestDetails rd) {
    SearchParameterMap map = SearchParameterMap.newSynchronous()
        .add("maternal-record", new ReferenceParam(maternalRecord))
        .add(ServiceRequest.SP_CODE, new TokenParam(SNOMED, KRAAMZORG_HOURS))
        .add(ServiceRequest.SP_STATUS, new TokenParam("active"));
    return Searches.all(daos, ServiceRequest.class, map);
  }
}
