package nl.geboorteketen.server.consent;

import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Period;

/**
 * What a set of Consents (one family, one category, one recipient) says now: the latest active
 * Consent whose period covers now decides; none means "no statement".
 */
public final class ConsentDecision {

  public enum Outcome { PERMIT, DENY, NONE }

  private ConsentDecision() {}

  public static Outcome decide(List<Consent> consents, Date now) {
    Optional<Consent> latest = consents.stream()
        .filter(c -> c.getStatus() == Consent.ConsentState.ACTIVE)
        .filter(c -> covers(c.getProvision().getPeriod(), now))
        .filter(c -> c.getProvision().hasType())
        .max(Comparator.comparing(c -> c.hasDateTime() ? c.getDateTime() : new Date(0)));
    if (latest.isEmpty()) {
      return Outcome.NONE;
    }
    return latest.get().getProvision().getType() == Consent.ConsentProvisionType.PERMIT ? Outcome.PERMIT : Outcome.DENY;
  }

  private static boolean covers(Period period, Date now) {
    if (period == null || period.isEmpty()) {
      return true;
    }
    return (!period.hasStart() || !now.before(period.getStart())) && (!period.hasEnd() || !now.after(period.getEnd()));
  }
}
