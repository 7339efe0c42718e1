package nl.geboorteketen.mappings;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The cross-provider pregnancy key (Nictiz): the woman's age in days at conception, integer-divided
 * by 14, so that every partner computes the same key for one pregnancy without a central registry.
 * Conception is the known date, else the last menstrual period + 14 days, else the estimated date
 * of delivery - 266 days.
 */
public final class PregnancyKey {

  public static final String SYSTEM = "https://fhir.geboorteketen.nl/NamingSystem/pregnancy-key";

  private PregnancyKey() {}

  public static Optional<Long> compute(LocalDate birthDate, LocalDate conception, LocalDate lmp, LocalDate edd) {
    if (birthDate == null) {
      return Optional.empty();
    }
    LocalDate conceived = conception != null ? conception
        : lmp != null ? lmp.plusDays(14)
        : edd != null ? edd.minusDays(266)
        : null;
    if (conceived == null || conceived.isBefore(birthDate)) {
      return Optional.empty();
    }
    return Optional.of(ChronoUnit.DAYS.between(birthDate, conceived) / 14);
  }
}
