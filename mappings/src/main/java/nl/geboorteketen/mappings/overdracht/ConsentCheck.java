package nl.geboorteketen.mappings.overdracht;

import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import nl.geboorteketen.mappings.overdracht.HandoverTable.ConsentRule;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Period;

/**
 * "The family consents to X for organisation O" (contracts.md): an active Consent of category X for
 * the mother, provision permit, actor O (or no actor), period covering now, and no later active deny.
 * A pure function over the family's Consents.
 */
public final class ConsentCheck {

  public static final String CATEGORY_SYSTEM = "https://fhir.geboorteketen.nl/CodeSystem/consent-category";

  private ConsentCheck() {}

  /** Why the handover may not go to {@code receiver} ("Organization/id"), or empty when it may. */
  public static Optional<String> refusal(ConsentRule rule, List<Consent> consents, String mother,
      String receiver, Instant now) {
    if (rule.denyBlocks() != null) {
      Optional<Consent> latest = latest(rule.denyBlocks(), consents, mother, receiver, now);
      if (latest.isPresent() && latest.get().getProvision().getType() == Consent.ConsentProvisionType.DENY) {
        return Optional.of("Het gezin heeft toestemming '" + rule.denyBlocks() + "' voor " + receiver
            + " geweigerd of ingetrokken (Consent/" + latest.get().getIdElement().getIdPart() + ").");
      }
    }
    if (rule.required() == null) {
      return Optional.empty();
    }
    Optional<Consent> latest = latest(rule.required(), consents, mother, receiver, now);
    if (latest.isEmpty() || latest.get().getProvision().getType() != Consent.ConsentProvisionType.PERMIT) {
      return Optional.of("Geen geldige toestemming van het gezin (Consent, categorie '" + rule.required()
          + "', status active, provision permit, ontvanger " + receiver + "). " + rule.why());
    }
    return Optional.empty();
  }

  /** The newest active Consent of this category for this mother and receiver, valid now. */
  private static Optional<Consent> latest(String category, List<Consent> consents, String mother,
      String receiver, Instant now) {
    return consents.stream()
        .filter(c -> c.getStatus() == Consent.ConsentState.ACTIVE)
        .filter(c -> c.getCategory().stream().anyMatch(cc -> cc.hasCoding(CATEGORY_SYSTEM, category)))
        .filter(c -> mother.equals(c.getPatient().getReferenceElement().toUnqualifiedVersionless().getValue()))
        .filter(c -> forReceiver(c, receiver))
        .filter(c -> covers(c.getProvision().getPeriod(), now))
        .max(Comparator.comparing(c -> c.hasDateTime() ? c.getDateTime() : new Date(0)));
  }

  private static boolean forReceiver(Consent c, String receiver) {
    List<Consent.provisionActorComponent> actors = c.getProvision().getActor();
    return actors.isEmpty() || actors.stream().anyMatch(a ->
        receiver.equals(a.getReference().getReferenceElement().toUnqualifiedVersionless().getValue()));
  }

  private static boolean covers(Period period, Instant now) {
    if (period == null || period.isEmpty()) {
      return true;
    }
    Date at = Date.from(now);
    return (!period.hasStart() || !period.getStart().after(at)) && (!period.hasEnd() || !period.getEnd().before(at));
  }
}
